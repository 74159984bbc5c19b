package org.advsharp.checks.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.CheckResult;
import org.advsharp.check.Outcome;
import org.junit.jupiter.api.Test;

/**
 * The PGD check with every sample skipped (as when the underflow rule is moved so that no sample is
 * attackable) tested nothing, so it must not pass: FAILED at its declared budget, INCONCLUSIVE for want of
 * cases below it.
 */
class PgdFloorTest {

    private static Check nothingAttackable() {
        return new PgdReachesWorstCase((x, w, eps) -> false);
    }

    @Test
    void everySampleSkippedFailsAtTheDeclaredBudget() {
        CheckResult r = nothingAttackable().execute(CheckContext.defaults());
        assertEquals(Outcome.FAILED, r.outcome(), r.summary());
        assertEquals(0, r.cases().usable());
        assertTrue(r.summary().contains("usable cases"), r.summary());
    }

    @Test
    void everySampleSkippedBelowTheBudgetIsInconclusiveForWantOfCases() {
        CheckResult r = nothingAttackable().execute(new CheckContext(CheckContext.DEFAULT_SEED, 5, m -> { }));
        assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.summary());
        assertTrue(r.inconclusive().tooFewCases());
        assertTrue(r.inconclusiveReason().contains("reduced budget 5 of 200"), r.inconclusiveReason());
    }
}
