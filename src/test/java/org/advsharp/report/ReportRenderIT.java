package org.advsharp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.advsharp.check.CheckContext;
import org.advsharp.claims.Claim;
import org.advsharp.claims.ClaimRegistry;
import org.advsharp.results.Results;
import org.advsharp.results.ResultsJson;
import org.advsharp.run.SuiteRunner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report renders in a real browser (headless Chromium) with no console error, every math span is
 * typeset, and no raw TeX is left in the text: for the sample claims, and for the statements, assumptions
 * and proofs of every claim of {@code proofs/} (rendered without running a check, so in seconds). Skipped,
 * with the reason, where no Chromium is installed ({@code apt-get install chromium}).
 */
class ReportRenderIT {

    private static HeadlessChromium browser;

    @BeforeAll
    static void findBrowser() {
        Optional<HeadlessChromium> found = HeadlessChromium.find();
        Assumptions.assumeTrue(found.isPresent(), "no Chromium on PATH (nor " + HeadlessChromium.BROWSER_ENV
                + "): the browser render check is skipped; install it with 'apt-get install -y chromium'");
        browser = found.get();
    }

    @Test
    void theSampleReportRendersWithoutConsoleErrors(@TempDir Path tmp) throws Exception {
        Path index = SampleReports.write(7, tmp.resolve("reports"));
        HeadlessChromium.RenderCheck check = browser.check(index);
        assertTrue(check.problems().isEmpty(), "problems: " + check.problems());
        assertTrue(check.mathSpans() > 5, "math spans on the page: " + check.mathSpans());
        assertTrue(check.clean(), check.toString());
        Path png = tmp.resolve("shot.png");
        browser.screenshot(index, png, 1000, 700);
        assertTrue(Files.size(png) > 1000, "a screenshot was written");
    }

    @Test
    void theMathOfEveryClaimOfProofsIsTypeset(@TempDir Path tmp) throws Exception {
        List<Claim> claims = ClaimRegistry.load().claims();
        Results notRun = new SuiteRunner(claims, List.of())
                .run(new CheckContext(7, 0, m -> { }), "advsharp verify (no checks)");
        Path index = HtmlReport.write(ResultsJson.write(notRun), claims, tmp.resolve("reports"));
        HeadlessChromium.RenderCheck check = browser.check(index);
        assertTrue(check.problems().isEmpty(), "problems: " + String.join("\n", check.problems()));
        assertTrue(check.mathSpans() > 1000, "math spans on the page: " + check.mathSpans());
        assertTrue(check.clean(), check.toString());
    }

    @Test
    void aBrokenPageIsCaught(@TempDir Path tmp) throws Exception {
        Path index = SampleReports.write(7, tmp.resolve("reports"));
        String html = Files.readString(index);
        html = html.replace("</body>", "<script>undefinedFunction();</script>"
                + "<span class=\"math\" data-display=\"false\">\\frac{</span>"
                + "<p>a span the Markdown step missed: $\\lambda_j \\le \\lambda' $</p>"
                + "<p>as code it stays: <code>$\\lambda$</code></p><pre>echo $HOME</pre>"
                + "<div style=\"width: 3em\"><span class=\"n\" style=\"white-space: normal; overflow-wrap: anywhere\">"
                + "0.8612345678901</span></div></body>");
        Files.writeString(index, html);
        HeadlessChromium.RenderCheck check = browser.check(index);
        assertFalse(check.clean());
        assertTrue(check.problems().stream().anyMatch(p -> p.contains("undefinedFunction")), check.problems().toString());
        assertTrue(check.problems().stream().anyMatch(p -> p.contains("KaTeX could not typeset")),
                check.problems().toString());
        assertEquals(1, check.problems().stream().filter(p -> p.startsWith("untypeset math")).count(),
                check.problems().toString());
        assertTrue(check.problems().stream().anyMatch(p -> p.contains("missed: $\\lambda_j")), check.problems().toString());
        assertTrue(check.problems().contains("a number broken across lines: \"0.8612345678901\""),
                check.problems().toString());
    }
}
