package org.advsharp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.advsharp.claims.ClaimKind;
import org.advsharp.claims.Verdict;
import org.advsharp.results.ClaimOutcome;
import org.advsharp.results.Results;
import org.advsharp.results.RunRecord;
import org.junit.jupiter.api.Test;

class ClaimTablesTest {

    private static final String MARKDOWN = """
            # A file

            **Numbers, not claims.**

            | n | value |
            |---|---|
            | 1 | 0.5 |

            **The family in one table.**

            Each cell names a claim.

            | statement | logistic | probit |
            |---|:---:|---|
            | first (prop:hessian) | prop:a-one VERIFIED | prop:a-two COUNTEREXAMPLE |
            | second | thm:b NOT RUN | thm:b |
            """;

    private static ClaimOutcome outcome(String id, Verdict expected, Verdict computed) {
        return new ClaimOutcome(id, "title of " + id, ClaimKind.PROPOSITION, List.of("P1"), "proofs/losses.md", expected,
                computed, computed.label() + ": because", List.of(), 0, null);
    }

    @Test
    void onlyTablesWhoseCellsAreClaimIdsAreClaimTablesAndTheDeclaredVerdictIsDropped() {
        List<ClaimTables.Table> tables = ClaimTables.parse("proofs/x.md", MARKDOWN);
        assertEquals(1, tables.size());
        ClaimTables.Table t = tables.get(0);
        assertEquals("The family in one table.", t.title());
        assertEquals(List.of("statement", "logistic", "probit"), t.columns());
        assertEquals(List.of(List.of("first (prop:hessian)", "prop:a-one", "prop:a-two"),
                List.of("second", "thm:b", "thm:b")), t.rows());
    }

    @Test
    void theLossFamilyTableOfTheShippedProofsIsFound() {
        List<ClaimTables.Table> tables = ClaimTables.ofResource("proofs/losses.md");
        assertEquals(1, tables.size());
        assertEquals(List.of("statement (the claim it restates)", "logistic", "exponential", "probit"),
                tables.get(0).columns());
        assertEquals("rem:margin-condition-needed", tables.get(0).rows().get(3).get(1));
        assertTrue(ClaimTables.ofResource("proofs/no-such-file.md").isEmpty());
    }

    @Test
    void eachCellShowsTheComputedVerdictLinkedAndAbsentClaimsAreNotRun() {
        ClaimTables.Table t = ClaimTables.parse("proofs/x.md", MARKDOWN).get(0);
        // prop:a-one is declared VERIFIED in the Markdown; the results give it COUNTEREXAMPLE.
        String html = ClaimTables.html(t, Map.of("prop:a-one", outcome("prop:a-one", Verdict.VERIFIED,
                Verdict.COUNTEREXAMPLE)));
        assertTrue(html.contains("<td><span class=\"badge v-COUNTEREXAMPLE\">COUNTEREXAMPLE</span> <a href=\"#"
                + Html.anchor("prop:a-one") + "\"><code>prop:a-one</code></a></td>"), html);
        assertFalse(html.contains("v-VERIFIED"), "the declared verdict is never shown as computed: " + html);
        assertTrue(html.contains("<td><span class=\"badge v-NOT_RUN\">NOT RUN</span> <code>prop:a-two</code> "
                + "(not in this run)</td>"), html);
        assertTrue(html.contains("The family in one table."));
    }

    @Test
    void theReportShowsTheLossFamilyWithTheVerdictsOfTheResultsRendered() {
        RunRecord run = new RunRecord(HtmlReport.RESULTS, "2026-01-01T00:00:00Z", null, null, "no git", "jvm", "os",
                1, Map.of(), "cpu", 1L, 0, "advsharp verify", 0L);
        Results results = Results.of(run, List.of(
                outcome("prop:margin-loss-hessian", Verdict.VERIFIED, Verdict.FAILED),
                outcome("rem:margin-condition-needed", Verdict.COUNTEREXAMPLE, Verdict.COUNTEREXAMPLE)));
        String page = HtmlReport.render(results, List.of());
        int at = page.indexOf("id=\"claim-tables\"");
        assertTrue(at > 0, "the page has the claim tables");
        String section = page.substring(at, page.indexOf("</table>", at));
        assertTrue(section.contains("<span class=\"badge v-FAILED\">FAILED</span> <a href=\"#"
                + Html.anchor("prop:margin-loss-hessian") + "\">"), section);
        assertTrue(section.contains("<span class=\"badge v-COUNTEREXAMPLE\">COUNTEREXAMPLE</span> <a href=\"#"
                + Html.anchor("rem:margin-condition-needed") + "\">"), section);
        assertTrue(section.contains("<code>thm:margin-loss-compressed-monotone</code> (not in this run)"), section);
        assertFalse(section.contains("v-VERIFIED"), section);
    }

    @Test
    void aRunWithNoneOfATablesClaimsShowsNoTable() {
        RunRecord run = new RunRecord(HtmlReport.RESULTS, "2026-01-01T00:00:00Z", null, null, "no git", "jvm", "os",
                1, Map.of(), "cpu", 1L, 0, "advsharp verify", 0L);
        String page = HtmlReport.render(Results.of(run, List.of(outcome("prop:other", Verdict.VERIFIED,
                Verdict.VERIFIED))), List.of());
        assertFalse(page.contains("id=\"claim-tables\""));
    }
}
