package org.advsharp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.results.Results;
import org.advsharp.results.ResultsJson;
import org.advsharp.results.Unverified;
import org.advsharp.run.SampleSuite;
import org.advsharp.run.SuiteRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    private static final String PAGE = SampleReports.page(7);

    @Test
    void thePageLoadsNothingFromOutside() {
        for (String pattern : new String[] {"src=\"http", "src='http", "url(http", "url(\"http", "url(fonts/",
                "<link", "@import"}) {
            assertFalse(PAGE.contains(pattern), "the page refers to an outside resource: " + pattern);
        }
        assertTrue(PAGE.contains("data:font/woff2;base64,"), "KaTeX fonts are inlined");
        assertTrue(PAGE.contains("katex.render"), "the math is typeset by the inlined KaTeX");
    }

    @Test
    void countsAndPaperClaimsComeFirst() {
        int counts = PAGE.indexOf("class=\"counts\"");
        int paper = PAGE.indexOf("id=\"paper\"");
        int full = PAGE.indexOf("id=\"claims\"");
        assertTrue(counts > 0 && counts < paper && paper < full, "summary, then P1-P4, then the claims");
        assertTrue(PAGE.contains("<b>2</b>VERIFIED"));
        for (String p : new String[] {"P1. ", "P2. ", "P3. ", "P4. "}) {
            assertTrue(PAGE.contains("<h3>" + p), p);
        }
    }

    @Test
    void notRunClaimsAreListedWithTheirReasonAndNeverStyledAsPassed() {
        int notRunList = PAGE.indexOf("id=\"not-run\"");
        assertTrue(notRunList > 0);
        assertTrue(PAGE.indexOf("resnet-gpu: no GPU visible (CUDA device count 0)", notRunList) > 0);
        Matcher section = Pattern.compile("<section class=\"claim c-(\\w+)\" id=\"claim-exp-sample-resnet\">")
                .matcher(PAGE);
        assertTrue(section.find());
        assertEquals("NOT_RUN", section.group(1));
        assertFalse(Pattern.compile("v-VERIFIED\">[^<]*</span> <a href=\"#claim-exp-sample-resnet\"").matcher(PAGE).find());
        assertTrue(PAGE.contains("<span class=\"badge v-NOT_RUN\">NOT RUN</span> <a href=\"#claim-exp-sample-resnet\""));
        assertTrue(PAGE.contains("<div class=\"overall partial\">4 of 5 claims got their expected verdict; "
                + "0 INCONCLUSIVE and 1 NOT RUN (listed below, not counted as passed); no claim FAILED."), PAGE);
        assertTrue(PAGE.contains("not counted as passed"));
    }

    @Test
    void everyClaimShowsItsTextEvidenceAndReplayCommand() {
        assertTrue(PAGE.contains("<span class=\"math\" data-display=\"true\">"), "display math from the statement");
        assertTrue(PAGE.contains("<summary>Proof</summary>"));
        assertTrue(PAGE.contains("<summary>Why it can fail</summary>"));
        assertTrue(PAGE.contains("<code>SAMPLE_TOLERANCE</code>"), "bound names are shown");
        assertTrue(PAGE.contains("<pre>x = {{1.0, 0.5}, {-0.2, 1.0}}\ny = {1, -1}"), "pasteable counterexample");
        assertTrue(PAGE.contains("./advsharp verify --claims prop:sample-decomposition --seed 7"), "replay command");
        assertTrue(PAGE.contains("<td>[<span class=\"n\">2</span>, <span class=\"n\">9</span>]</td>"),
                "array facts are listed, not printed as references, each number kept whole");
        assertEquals(2, count(PAGE, "<svg id="), "one SVG per plot");
        Matcher svg = Pattern.compile("<svg id=.*?</svg>", Pattern.DOTALL).matcher(PAGE);
        while (svg.find()) {
            assertFalse(svg.group().contains("NaN"), "no NaN coordinate in a plot");
        }
    }

    @Test
    void aRunWhereNothingRanIsNotShownAsASuccess() {
        List<Check> none = List.of();
        String page = SampleReports.page(7, none);
        assertTrue(page.contains("<div class=\"overall none\">Nothing was verified: all 5 claims are NOT RUN"));
        assertFalse(page.contains("overall ok"));
    }

    @Test
    void inconclusiveClaimsAreAmberListedAtTheTopWithTheirReasonAndNeverGreen() {
        List<Check> checks = new ArrayList<>();
        for (Check c : SampleSuite.checks()) {
            if (!c.claimId().equals("rem:sample-not-monotone")) {
                checks.add(c);
            }
        }
        checks.add(new SampleCheck("short-search", "rem:sample-not-monotone", ctx -> ctx.tries(3000)));
        Results result = new SuiteRunner(SampleSuite.claims(), checks)
                .run(new CheckContext(7, 10, m -> { }), Set.of(), "advsharp verify --tries 10");
        String page = SampleReports.page(result);
        assertFalse(page.contains("overall ok") || page.contains("overall bad"), "amber banner, neither green nor red");
        // below their declared budgets the passing claims are INCONCLUSIVE too ("reduced budget"), never VERIFIED
        assertTrue(page.contains("3 INCONCLUSIVE and 1 NOT RUN (listed below, not counted as passed)"));
        int list = page.indexOf("id=\"inconclusive\"");
        assertTrue(list > 0 && list < page.indexOf("id=\"paper\""), "listed before the paper's claims");
        assertTrue(page.indexOf("short-search: reduced budget 10 of 3000", list) > 0);
        assertTrue(page.contains("<section class=\"claim c-INCONCLUSIVE\" id=\"claim-rem-sample-not-monotone\">"));
        assertTrue(page.contains("<b>3</b>INCONCLUSIVE"));
        assertTrue(page.contains(".v-INCONCLUSIVE, .o-INCONCLUSIVE { background: #fff8c5;"), "amber style");
    }

    /** A check that declares a budget through the context and finds nothing. */
    private record SampleCheck(String id, String claimId, ToIntFunction<CheckContext> body)
            implements Check {
        @Override
        public String title() {
            return "a search that finds nothing";
        }

        @Override
        public String run(CheckContext context, Evidence evidence) {
            return "nothing found in " + body.applyAsInt(context) + " tries";
        }
    }

    @Test
    void failedClaimsAreListedAtTheTop() {
        List<Check> checks = new ArrayList<>(SampleSuite.checks());
        checks.add(SampleSuite.failingCheck("prop:sample-decomposition"));
        String page = SampleReports.page(7, checks);
        assertTrue(page.contains("<div class=\"overall bad\">1 of 5 claims FAILED.</div>"));
        int failed = page.indexOf("id=\"failed\"");
        assertTrue(failed > 0 && failed < page.indexOf("id=\"paper\""));
        assertTrue(page.contains("<tr class=\"fail\"><td>error</td>"));
    }

    @Test
    void writeProducesIndexAndResultsSideBySide(@TempDir Path tmp) throws Exception {
        Path index = SampleReports.write(7, tmp.resolve("reports"));
        assertEquals(tmp.resolve("reports/index.html"), index);
        assertTrue(Files.size(index) > 0);
        assertTrue(Files.readString(tmp.resolve("reports/results.json")).contains("\"schema\""));
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** A FAILED claim a merge cannot vouch for is no verdict: no badge, no count, no banner, no FAILED list. */
    @Test
    void anUnverifiedClaimIsListedWithItsReasonAndNeverShownOrCountedAsAVerdict() {
        List<Check> checks = new ArrayList<>(SampleSuite.checks());
        checks.add(SampleSuite.failingCheck("prop:sample-decomposition"));
        Results failing = ResultsJson.parse(SampleReports.json(7, checks), HtmlReport.RESULTS);
        Set<String> catalogue = new HashSet<>();
        failing.claims().forEach(c -> catalogue.add(c.id()));
        catalogue.remove("prop:sample-decomposition");
        String page = HtmlReport.render(Unverified.mark(failing, catalogue, commit -> null), SampleSuite.claims());
        assertFalse(page.contains("FAILED claims"), "no FAILED list");
        assertFalse(page.contains("overall bad"), "no FAILED banner");
        assertFalse(page.contains("class=\"count v-FAILED\""), "no FAILED count");
        assertFalse(page.contains("badge v-FAILED"), "no FAILED badge anywhere");
        assertTrue(page.contains("3 of 4 claims got their expected verdict"), page);
        assertTrue(page.contains("1 more shown UNVERIFIED (listed below, no verdict)"));
        assertTrue(page.contains("<li class=\"unverified\"><span class=\"badge unverified\">UNVERIFIED</span> "
                + "<a href=\"#claim-prop-sample-decomposition\"><code>prop:sample-decomposition</code></a>"), page);
        assertTrue(page.contains(": claim not in this catalogue</li>"));
        assertTrue(page.contains("<section class=\"claim c-UNVERIFIED\" id=\"claim-prop-sample-decomposition\">"));
    }
}
