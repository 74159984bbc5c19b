package org.advsharp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A search's numbers and seeds say what each one is, so that they never seem to contradict each other. */
class SearchFactsTest {

    private static final String PAGE = SampleReports.page(7);

    @Test
    void theBudgetIsOneRowThatSaysItIsAnUpperBound() {
        assertEquals("at most 3000 (the check's default); a search stops at its first counterexample",
                ClaimSection.budgetText(3000, 3000));
        assertEquals("at most 500 (--tries 500; the check's default is 3000); a search stops at its first "
                + "counterexample", ClaimSection.budgetText(3000, 500));
        assertFalse(PAGE.contains("<td>tries used</td>"), "no separate 'tries used' row");
        assertFalse(PAGE.contains("<td>declared budget (tries)</td>"));
        assertTrue(PAGE.contains("<td>" + ClaimSection.BUDGET_LABEL + "</td><td>at most <span class=\"n\">"), PAGE);
    }

    @Test
    void eachSeedSaysWhatItDrewAndWhatReplaysIt() {
        assertTrue(PAGE.contains("from the case of case seed "), "the counterexample's seed is named as a case seed");
        assertTrue(PAGE.contains("(the master seed 7 gives the check the same seed, so the search draws the same "
                + "cases and finds this counterexample again)"), "the replay command says which seed it passes");
        assertTrue(PAGE.contains("reruns the claim with the master seed 7 of this run, with which the check uses these "
                + "same seeds again"), "seeds table");
        assertTrue(PAGE.contains("<th>seed</th><th>what it drew</th><th>replayed by</th>"));
    }
}
