package org.advsharp.run;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import org.advsharp.check.CheckContext;
import org.advsharp.cli.SuiteSources;
import org.advsharp.report.HeadlessChromium;
import org.advsharp.report.RecordMerge;
import org.advsharp.results.Results;
import org.advsharp.results.ResultsJson;
import org.junit.jupiter.api.Test;

/**
 * The build's verification run: every claim of proofs/ with every check of the catalog (the same lists
 * {@code advsharp verify} runs), default seed and tries, report written to the folder named by the system
 * property {@value #REPORTS_PROPERTY} (Failsafe sets it to the project's reports/). Fails if any claim's
 * verdict is FAILED, naming each. Then opens the report in headless Chromium, where installed, and
 * fails on any console error or untypeset math; with {@value #SCREENSHOT_PROPERTY}=FILE.png it also
 * saves a screenshot of the top of the page.
 */
class VerificationSuiteIT {

    static final String REPORTS_PROPERTY = "advsharp.reports.dir";
    static final String SCREENSHOT_PROPERTY = "advsharp.screenshot";

    @Test
    void everyClaimHasItsExpectedVerdictAndTheReportRenders() throws Exception {
        Path reports = Path.of(System.getProperty(REPORTS_PROPERTY, "reports"));
        SuiteSources sources = SuiteSources.standard();
        CheckContext context = new CheckContext(CheckContext.DEFAULT_SEED, 0,
                line -> System.out.println("[verify] " + line));
        Results result = new SuiteRunner(sources.claims(), sources.checks())
                .run(context, "mvn verify (VerificationSuiteIT)");
        // every report merges the committed results of record (a claim this run left NOT RUN shows the record's)
        Path index = RecordMerge.writeRun(ResultsJson.write(result),
                RecordMerge.records(reports.resolve(RecordMerge.RECORDS)),
                sources.claims(), GitState.historyOfRunningCode(), reports);
        System.out.println("[verify] report: " + index + " (" + Files.size(index) + " bytes), counts "
                + result.counts());

        if (result.anyFailed()) {
            fail(result.failed().size() + " claim(s) FAILED (report: " + index + "):\n"
                    + result.failed().stream().map(c -> "  " + c.id() + ": " + c.explanation())
                    .collect(Collectors.joining("\n")));
        }

        Optional<HeadlessChromium> browser = HeadlessChromium.find();
        if (browser.isEmpty()) {
            System.out.println("[verify] browser render check SKIPPED: no Chromium on PATH (nor "
                    + HeadlessChromium.BROWSER_ENV + "); install it with 'apt-get install -y chromium'");
            return;
        }
        HeadlessChromium.RenderCheck check = browser.get().check(index);
        assertTrue(check.clean(), "the report does not render cleanly in Chromium: " + check);
        System.out.println("[verify] Chromium rendered the report: " + check.mathRendered() + " math spans, "
                + "no console errors");
        String shot = System.getProperty(SCREENSHOT_PROPERTY, "");
        if (!shot.isBlank()) {
            browser.get().screenshot(index, Path.of(shot), 1000, 700);
            System.out.println("[verify] screenshot: " + shot);
        }
    }
}
