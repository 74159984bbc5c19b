package org.advsharp.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.CheckResult;
import org.advsharp.check.Outcome;
import org.advsharp.claims.Claim;
import org.advsharp.claims.ClaimRegistry;
import org.advsharp.claims.Verdict;
import org.advsharp.claims.VerdictRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --tries 1} verifies nothing that rests on seeded random cases: each of these claims, whose checks
 * declare their number of problems, matrices or repetitions through {@link CheckContext#tries(int)}, runs one
 * case and is INCONCLUSIVE "reduced budget 1 of M", never VERIFIED, SUPPORTED or FAILED. The claims are the
 * quick ones among those whose checks declare a budget (a sign test, a coverage rate and a worst case over
 * problems among them).
 */
class ReducedBudgetTest {

    /** What {@code --tries 1} gives every check. */
    private static final int ONE_TRY = 1;

    @ParameterizedTest
    @ValueSource(strings = {"inst:eigen-solvers", "inst:lanczos", "inst:hutchinson", "prop:separable-divergence",
            "prop:margin-loss-critical-radius", "exp:linf-grows-less-than-l2", "exp:linear-regime-mechanism",
            "exp:trained-sharpness-rises-to-half-critical", "exp:adversarial-noise-gap-grows"})
    void oneTryGivesAReducedBudgetInconclusive(String claimId) {
        Claim claim = ClaimRegistry.load().find(claimId).orElseThrow();
        List<Check> checks = CheckCatalog.all().stream().filter(c -> c.claimId().equals(claimId)).toList();
        assertFalse(checks.isEmpty(), "no check is registered for " + claimId);
        CheckContext oneTry = new CheckContext(CheckContext.DEFAULT_SEED, ONE_TRY, m -> { });
        List<CheckResult> results = checks.stream().map(c -> c.execute(oneTry)).toList();
        String why = VerdictRule.explain(claim, results);
        assertEquals(Verdict.INCONCLUSIVE, VerdictRule.verdictOf(claim, results), why);
        assertTrue(why.contains("reduced budget 1 of "), why);
        assertTrue(results.stream().anyMatch(CheckResult::belowBudget), why);
    }

    /**
     * One repetition cannot decide a coverage rate (its accepted miss rates span [0, 1]): the Hutchinson check
     * says it lacks cases rather than passing vacuously.
     */
    @Test
    void oneRepetitionCannotDecideHutchinsonCoverage() {
        Check hutchinson = CheckCatalog.all().stream().filter(c -> c.claimId().equals("inst:hutchinson"))
                .findFirst().orElseThrow();
        CheckResult result = hutchinson.execute(new CheckContext(CheckContext.DEFAULT_SEED, ONE_TRY, m -> { }));
        assertEquals(Outcome.INCONCLUSIVE, result.outcome(), result.summary());
        assertTrue(result.lacksOnlyCases(), "a coverage test too small to decide lacks only cases");
    }

    /** A reduced run says how many cases it ran, not the declared budget (the Lanczos summary said 40). */
    @Test
    void theLanczosSummaryCountsTheHessiansItRan() {
        Check lanczos = CheckCatalog.all().stream().filter(c -> c.claimId().equals("inst:lanczos"))
                .findFirst().orElseThrow();
        CheckResult result = lanczos.execute(new CheckContext(CheckContext.DEFAULT_SEED, ONE_TRY, m -> { }));
        assertTrue(result.summary().startsWith("On 1 adversarial Hessians"), result.summary());
    }
}
