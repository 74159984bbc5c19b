package org.advsharp.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The floor on usable cases, the typed skips and costs, and the cause of an inconclusive outcome. */
class EvidenceFloorTest {
    private static final Check CHECK = new FunctionalCheck("c", "lem:x", "a check", (c, e) -> "ran");
    private static final Tries FULL = new Tries(200, 200);
    private static final Tries REDUCED = new Tries(200, 10);

    @Test
    void belowTheFloorAtTheDeclaredBudgetFails() {
        CheckResult r = new Evidence().cases(49, 50).toResult(CHECK, "fine", 0, FULL);
        assertEquals(Outcome.FAILED, r.outcome());
        assertTrue(r.summary().startsWith("FAILED: usable cases = 49.0, not >= 50.0"), r.summary());
        assertEquals(new Cases(49, 50, Map.of()), r.cases());
    }

    @Test
    void atTheFloorPasses() {
        assertEquals(Outcome.PASSED, new Evidence().cases(50, 50).toResult(CHECK, "fine", 0, FULL).outcome());
    }

    @Test
    void belowTheFloorBelowTheBudgetIsInconclusiveForWantOfCases() {
        CheckResult r = new Evidence().cases(3, 50).toResult(CHECK, "fine", 0, REDUCED);
        assertEquals(Outcome.INCONCLUSIVE, r.outcome());
        assertTrue(r.inconclusive().tooFewCases());
        assertTrue(r.inconclusiveReason().contains("reduced budget 10 of 200"), r.inconclusiveReason());
    }

    @Test
    void aCheckThatTestedNothingDoesNotPass() {
        Evidence allSkipped = new Evidence().skip("w = 0", 200).cases(0, 1);
        CheckResult r = allSkipped.toResult(CHECK, "fine", 0, FULL);
        assertEquals(Outcome.FAILED, r.outcome());
        assertTrue(r.summary().contains("(skipped: 200 w = 0)"), r.summary());
        // skips alone count the cases: zero usable is below the implicit floor of 1
        assertEquals(Outcome.FAILED, new Evidence().skip("eps = 0").toResult(CHECK, "s", 0, FULL).outcome());
        assertEquals(Outcome.FAILED, new Evidence().floor(5).toResult(CHECK, "s", 0, Tries.UNDECLARED).outcome());
    }

    @Test
    void skipsAreCountedAsSkipsNotAsTestedCases() {
        CheckResult r = new Evidence().skip("w = 0").skip("w = 0", 2).skip("d = 1").cases(7, 5)
                .toResult(CHECK, "s", 0, FULL);
        assertEquals(Map.of("w = 0", 3, "d = 1", 1), r.cases().skipped());
        assertEquals(7, r.cases().usable());
    }

    @Test
    void aCounterexampleIsNotHeldToTheFloor() {
        Evidence e = new Evidence().cases(1, 50);
        e.counterexample(new Counterexample("v", "p", 1L, 0, "replay", Reproduction.NONE));
        assertEquals(Outcome.COUNTEREXAMPLE_FOUND, e.toResult(CHECK, "found", 0, FULL).outcome());
    }

    @Test
    void aCheckThatCountsNoCasesHasNoFloor() {
        CheckResult r = new Evidence().toResult(CHECK, "s", 0, FULL);
        assertEquals(Outcome.PASSED, r.outcome());
        assertFalse(r.cases().counted());
    }

    @Test
    void inconclusiveCausesCombineAndOnlyTooFewCasesIsTaggedSo() {
        CheckResult few = new Evidence().tooFewCases("3 certified").toResult(CHECK, "s", 0, REDUCED);
        assertTrue(few.lacksOnlyCases());
        CheckResult both = new Evidence().tooFewCases("3 certified").inconclusive("p = 0.3")
                .toResult(CHECK, "s", 0, REDUCED);
        assertFalse(both.inconclusive().tooFewCases());
        assertEquals("3 certified; p = 0.3", both.inconclusiveReason());
        assertNull(new Evidence().toResult(CHECK, "s", 0, FULL).inconclusive());
    }

    @Test
    void costsAreKeptApartFromFacts() {
        CheckResult r = new Evidence().fact("lambda", 2.0).cost("step ms", 3.5).toResult(CHECK, "s", 0, FULL);
        assertEquals(Map.of("lambda", 2.0), r.facts());
        assertEquals(Map.of("step ms", 3.5), r.costs());
    }

    @Test
    void badCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Evidence().cases(-1, 5));
        assertThrows(IllegalArgumentException.class, () -> new Evidence().floor(0));
        assertThrows(IllegalArgumentException.class, () -> new Evidence().skip(" "));
    }
}
