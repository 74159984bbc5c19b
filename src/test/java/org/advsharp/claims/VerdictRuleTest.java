package org.advsharp.claims;

import static org.advsharp.check.Outcome.COUNTEREXAMPLE_FOUND;
import static org.advsharp.check.Outcome.FAILED;
import static org.advsharp.check.Outcome.INCONCLUSIVE;
import static org.advsharp.check.Outcome.NOT_RUN;
import static org.advsharp.check.Outcome.PASSED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.advsharp.check.Cases;
import org.advsharp.check.CheckResult;
import org.advsharp.check.Inconclusive;
import org.advsharp.check.Outcome;
import org.advsharp.check.Tries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The truth table of VerdictRule, built from CheckResults made directly. */
class VerdictRuleTest {

    static Stream<Arguments> truthTable() {
        return Stream.of(
                // kind, outcomes of its checks, verdict
                Arguments.of(ClaimKind.LEMMA, List.of(), Verdict.NOT_RUN),
                Arguments.of(ClaimKind.LEMMA, List.of(NOT_RUN, NOT_RUN), Verdict.NOT_RUN),
                Arguments.of(ClaimKind.LEMMA, List.of(PASSED, PASSED), Verdict.VERIFIED),
                Arguments.of(ClaimKind.THEOREM, List.of(PASSED, NOT_RUN), Verdict.VERIFIED),
                Arguments.of(ClaimKind.PROPOSITION, List.of(PASSED, FAILED), Verdict.FAILED),
                Arguments.of(ClaimKind.PROPOSITION, List.of(FAILED, NOT_RUN), Verdict.FAILED),
                Arguments.of(ClaimKind.THEOREM, List.of(PASSED, COUNTEREXAMPLE_FOUND), Verdict.FAILED),
                Arguments.of(ClaimKind.INSTRUMENT, List.of(PASSED), Verdict.VERIFIED),
                Arguments.of(ClaimKind.INSTRUMENT, List.of(NOT_RUN), Verdict.NOT_RUN),
                Arguments.of(ClaimKind.COUNTEREXAMPLE, List.of(COUNTEREXAMPLE_FOUND), Verdict.COUNTEREXAMPLE),
                // a claim that states two things fall needs both found; at the declared budget a missing one is FAILED
                Arguments.of(ClaimKind.COUNTEREXAMPLE, List.of(PASSED, COUNTEREXAMPLE_FOUND), Verdict.FAILED),
                Arguments.of(ClaimKind.COUNTEREXAMPLE, List.of(COUNTEREXAMPLE_FOUND, COUNTEREXAMPLE_FOUND),
                        Verdict.COUNTEREXAMPLE),
                Arguments.of(ClaimKind.COUNTEREXAMPLE, List.of(COUNTEREXAMPLE_FOUND, INCONCLUSIVE), Verdict.FAILED),
                Arguments.of(ClaimKind.LEMMA, List.of(PASSED, INCONCLUSIVE), Verdict.FAILED),
                Arguments.of(ClaimKind.EMPIRICAL, List.of(INCONCLUSIVE), Verdict.FAILED),
                Arguments.of(ClaimKind.EMPIRICAL, List.of(INCONCLUSIVE, COUNTEREXAMPLE_FOUND), Verdict.FAILED),
                Arguments.of(ClaimKind.CONJECTURE, List.of(INCONCLUSIVE, FAILED), Verdict.FAILED),
                Arguments.of(ClaimKind.COUNTEREXAMPLE, List.of(COUNTEREXAMPLE_FOUND, NOT_RUN), Verdict.COUNTEREXAMPLE),
                Arguments.of(ClaimKind.COUNTEREXAMPLE, List.of(PASSED), Verdict.FAILED),
                Arguments.of(ClaimKind.COUNTEREXAMPLE, List.of(COUNTEREXAMPLE_FOUND, FAILED), Verdict.FAILED),
                Arguments.of(ClaimKind.COUNTEREXAMPLE, List.of(NOT_RUN), Verdict.NOT_RUN),
                Arguments.of(ClaimKind.CONJECTURE, List.of(PASSED), Verdict.SUPPORTED),
                Arguments.of(ClaimKind.CONJECTURE, List.of(PASSED, NOT_RUN), Verdict.SUPPORTED),
                Arguments.of(ClaimKind.CONJECTURE, List.of(COUNTEREXAMPLE_FOUND), Verdict.FAILED),
                Arguments.of(ClaimKind.CONJECTURE, List.of(FAILED), Verdict.FAILED),
                Arguments.of(ClaimKind.EMPIRICAL, List.of(PASSED, PASSED), Verdict.SUPPORTED),
                Arguments.of(ClaimKind.EMPIRICAL, List.of(PASSED, COUNTEREXAMPLE_FOUND), Verdict.FAILED),
                Arguments.of(ClaimKind.EMPIRICAL, List.of(NOT_RUN), Verdict.NOT_RUN));
    }

    @ParameterizedTest(name = "{0} with {1} -> {2}")
    @MethodSource("truthTable")
    void verdictFollowsTheTable(ClaimKind kind, List<Outcome> outcomes, Verdict expected) {
        Claim claim = claim(kind, kind.naturalVerdict());
        assertEquals(expected, VerdictRule.verdictOf(claim, results(claim, outcomes)));
        String why = VerdictRule.explain(claim, results(claim, outcomes));
        assertTrue(why.startsWith(expected.label() + ": ") && why.endsWith("."), why);
    }

    @Test
    void unexpectedObservedVerdictIsExplainedAsExpectedVersusObserved() {
        Claim conj = claim(ClaimKind.CONJECTURE, Verdict.SUPPORTED);
        String why = VerdictRule.explain(conj, results(conj, List.of(PASSED, COUNTEREXAMPLE_FOUND)));
        assertTrue(why.startsWith("FAILED: expected SUPPORTED, observed COUNTEREXAMPLE: check c1 found a counterexample"),
                why);
        Claim rem = claim(ClaimKind.COUNTEREXAMPLE, Verdict.COUNTEREXAMPLE);
        String remWhy = VerdictRule.explain(rem, results(rem, List.of(PASSED)));
        assertTrue(remWhy.startsWith("FAILED: expected COUNTEREXAMPLE, observed INCONCLUSIVE: 1 of 1 check found "
                + "no counterexample (c0)"), remWhy);
    }

    @Test
    void belowTheDeclaredBudgetMissingEvidenceIsInconclusiveNotFailed() {
        Claim rem = claim(ClaimKind.COUNTEREXAMPLE, Verdict.COUNTEREXAMPLE);
        List<CheckResult> cut = budgeted(rem, List.of(PASSED), 3000, 10);
        assertEquals(Verdict.INCONCLUSIVE, VerdictRule.verdictOf(rem, cut));
        String why = VerdictRule.explain(rem, cut);
        assertTrue(why.startsWith("INCONCLUSIVE: c0: reduced budget 10 of 3000 (the claim declares "
                + "COUNTEREXAMPLE; "), why);
        // the same result at the declared budget is FAILED
        assertEquals(Verdict.FAILED, VerdictRule.verdictOf(rem, budgeted(rem, List.of(PASSED), 3000, 3000)));
        // a check that does not scale with --tries cannot excuse the missing evidence
        assertEquals(Verdict.FAILED, VerdictRule.verdictOf(rem, budgeted(rem, List.of(PASSED), 0, 0)));
        // a failed comparison stays FAILED below the budget
        assertEquals(Verdict.FAILED, VerdictRule.verdictOf(rem, budgeted(rem, List.of(FAILED), 3000, 10)));
        Claim conj = claim(ClaimKind.CONJECTURE, Verdict.SUPPORTED);
        assertEquals(Verdict.INCONCLUSIVE, VerdictRule.verdictOf(conj, budgeted(conj, List.of(INCONCLUSIVE), 200, 10)));
        assertEquals(Verdict.FAILED, VerdictRule.verdictOf(conj, budgeted(conj, List.of(INCONCLUSIVE), 200, 200)));
        // a counterexample to a conjecture is evidence, not a lack of it: FAILED whatever the budget
        assertEquals(Verdict.FAILED, VerdictRule.verdictOf(conj, budgeted(conj, List.of(COUNTEREXAMPLE_FOUND), 200, 10)));
    }

    @Test
    void belowTheDeclaredBudgetAPassingClaimIsNeverVerifiedOrSupported() {
        Claim lemma = claim(ClaimKind.LEMMA, Verdict.VERIFIED);
        List<CheckResult> cut = budgeted(lemma, List.of(PASSED), 200, 1);
        assertEquals(Verdict.INCONCLUSIVE, VerdictRule.verdictOf(lemma, cut));
        assertTrue(VerdictRule.explain(lemma, cut).startsWith("INCONCLUSIVE: c0: reduced budget 1 of 200 (observed "
                + "VERIFIED: "), VerdictRule.explain(lemma, cut));
        Claim conj = claim(ClaimKind.CONJECTURE, Verdict.SUPPORTED);
        assertEquals(Verdict.INCONCLUSIVE, VerdictRule.verdictOf(conj, budgeted(conj, List.of(PASSED), 1000, 1)));
        // one reduced check among full ones is enough to withhold the verdict
        List<CheckResult> mixed = new ArrayList<>(results(lemma, List.of(PASSED)));
        mixed.add(result("c9", lemma, PASSED, new Tries(200, 199), null));
        assertEquals(Verdict.INCONCLUSIVE, VerdictRule.verdictOf(lemma, mixed));
        // at (or above) the declared budget the same evidence verifies
        assertEquals(Verdict.VERIFIED, VerdictRule.verdictOf(lemma, budgeted(lemma, List.of(PASSED), 200, 200)));
        assertEquals(Verdict.VERIFIED, VerdictRule.verdictOf(lemma, budgeted(lemma, List.of(PASSED), 200, 5000)));
        // a counterexample found with fewer tries is still found
        Claim rem = claim(ClaimKind.COUNTEREXAMPLE, Verdict.COUNTEREXAMPLE);
        assertEquals(Verdict.COUNTEREXAMPLE,
                VerdictRule.verdictOf(rem, budgeted(rem, List.of(COUNTEREXAMPLE_FOUND), 3000, 1)));
    }

    @Test
    void onlyTooFewCasesIsExcusedByTheBudget() {
        Claim conj = claim(ClaimKind.CONJECTURE, Verdict.SUPPORTED);
        // tagged as too few cases: excused below the budget, FAILED at it
        assertEquals(Verdict.INCONCLUSIVE,
                VerdictRule.verdictOf(conj, budgeted(conj, List.of(INCONCLUSIVE), 1000, 50, true)));
        assertEquals(Verdict.FAILED,
                VerdictRule.verdictOf(conj, budgeted(conj, List.of(INCONCLUSIVE), 1000, 1000, true)));
        // an undecided test (or uncertified runs not tagged as too few cases) is not excused at any budget
        assertEquals(Verdict.FAILED,
                VerdictRule.verdictOf(conj, budgeted(conj, List.of(INCONCLUSIVE), 1000, 50, false)));
        Claim lemma = claim(ClaimKind.LEMMA, Verdict.VERIFIED);
        assertEquals(Verdict.FAILED,
                VerdictRule.verdictOf(lemma, budgeted(lemma, List.of(PASSED, INCONCLUSIVE), 1000, 50, false)));
        assertEquals(Verdict.INCONCLUSIVE,
                VerdictRule.verdictOf(lemma, budgeted(lemma, List.of(PASSED, INCONCLUSIVE), 1000, 50, true)));
    }

    @Test
    void aStudysObservedVerdictIsAFindingButAFailedCheckStillFails() {
        Claim study = claim(ClaimKind.STUDY, Verdict.SUPPORTED);
        assertEquals(Verdict.COUNTEREXAMPLE, VerdictRule.verdictOf(study, results(study, List.of(COUNTEREXAMPLE_FOUND))));
        assertEquals(Verdict.INCONCLUSIVE, VerdictRule.verdictOf(study, results(study, List.of(INCONCLUSIVE))));
        assertEquals(Verdict.SUPPORTED, VerdictRule.verdictOf(study, results(study, List.of(PASSED))));
        assertEquals(Verdict.FAILED, VerdictRule.verdictOf(study, results(study, List.of(PASSED, FAILED))));
    }

    @Test
    void aClaimMayDeclareInconclusive() {
        Claim open = claim(ClaimKind.EMPIRICAL, Verdict.INCONCLUSIVE);
        assertEquals(Verdict.INCONCLUSIVE, VerdictRule.verdictOf(open, results(open, List.of(INCONCLUSIVE))));
        assertEquals(Verdict.FAILED, VerdictRule.verdictOf(open, results(open, List.of(PASSED))));
    }

    @Test
    void finalRuleComparesWithTheClaimsOwnExpectedVerdict() {
        Claim odd = claim(ClaimKind.CONJECTURE, Verdict.COUNTEREXAMPLE);
        assertEquals(Verdict.COUNTEREXAMPLE, VerdictRule.verdictOf(odd, results(odd, List.of(COUNTEREXAMPLE_FOUND))));
        assertEquals(Verdict.FAILED, VerdictRule.verdictOf(odd, results(odd, List.of(PASSED))));
    }

    @Test
    void partialRunNamesTheChecksThatDidNotRunAndWhy() {
        Claim lemma = claim(ClaimKind.LEMMA, Verdict.VERIFIED);
        String why = VerdictRule.explain(lemma, results(lemma, List.of(PASSED, NOT_RUN, PASSED)));
        assertEquals("VERIFIED: all 2 checks passed; 1 of 3 checks did not run (c1: no GPU visible), "
                + "so the verdict rests on the 2 that ran.", why);
        assertEquals("NOT RUN: none of its 1 check ran (c0: no GPU visible).",
                VerdictRule.explain(lemma, results(lemma, List.of(NOT_RUN))));
        assertEquals("NOT RUN: no check has run for claim lem:x.", VerdictRule.explain(lemma, List.of()));
    }

    @Test
    void failedChecksAreNamed() {
        Claim prop = claim(ClaimKind.PROPOSITION, Verdict.VERIFIED);
        assertEquals("FAILED: expected VERIFIED, observed FAILED: checks c1, c2 failed.",
                VerdictRule.explain(prop, results(prop, List.of(PASSED, FAILED, FAILED))));
    }

    @Test
    void badInputIsRejected() {
        Claim lemma = claim(ClaimKind.LEMMA, Verdict.VERIFIED);
        Claim other = new Claim("lem:other", "t", ClaimKind.LEMMA, List.of("P1"), Verdict.VERIFIED, "s", "a", "p", "f");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VerdictRule.verdictOf(lemma, results(other, List.of(PASSED))));
        assertTrue(e.getMessage().contains("belongs to claim 'lem:other', not to 'lem:x'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VerdictRule.verdictOf(lemma, null));
        assertThrows(IllegalArgumentException.class, () -> VerdictRule.verdictOf(null, List.of()));
        List<CheckResult> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(IllegalArgumentException.class, () -> VerdictRule.verdictOf(lemma, withNull));
    }

    private static Claim claim(ClaimKind kind, Verdict expected) {
        return new Claim("lem:x", "A claim", kind, List.of("P1"), expected, "statement", "assumptions", "proof",
                "proofs/test.md");
    }

    private static List<CheckResult> budgeted(Claim claim, List<Outcome> outcomes, int declared, int used) {
        return budgeted(claim, outcomes, declared, used, true);
    }

    /** Results with a budget; an INCONCLUSIVE one tagged too few cases or not as {@code tooFewCases} says. */
    private static List<CheckResult> budgeted(Claim claim, List<Outcome> outcomes, int declared, int used,
                                              boolean tooFewCases) {
        List<CheckResult> results = new ArrayList<>();
        for (CheckResult r : results(claim, outcomes)) {
            results.add(result(r.checkId(), claim, r.outcome(), new Tries(declared, used),
                    r.outcome() == INCONCLUSIVE ? new Inconclusive("too few certified runs", tooFewCases) : null));
        }
        return results;
    }

    private static List<CheckResult> results(Claim claim, List<Outcome> outcomes) {
        List<CheckResult> results = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            results.add(result("c" + i, claim, o, Tries.UNDECLARED,
                    o == INCONCLUSIVE ? new Inconclusive("p = 0.3", false) : null));
        }
        return results;
    }

    private static CheckResult result(String id, Claim claim, Outcome o, Tries tries, Inconclusive why) {
        return new CheckResult(id, claim.id(), "check " + id, o, "summary", List.of(), List.of(), List.of(),
                List.of(), List.of(), Map.of(), tries, Cases.UNCOUNTED, why, Map.of(), 0L,
                o == NOT_RUN ? "no GPU visible" : null);
    }
}
