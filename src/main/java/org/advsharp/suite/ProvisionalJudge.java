package org.advsharp.suite;

import java.util.List;
import org.advsharp.check.CheckResult;
import org.advsharp.check.Outcome;
import org.advsharp.check.Verdict;
import org.advsharp.claims.Claim;

/**
 * Stand-in for org.advsharp.claims.VerdictRule until it lands (then this class is deleted).
 * Rule: no checks, or none ran: NOT RUN; any FAILED check: FAILED; counterexample claims need a
 * counterexample; other kinds must have none; a verdict other than the expected one is FAILED.
 */
final class ProvisionalJudge implements ClaimJudge {

    @Override
    public Verdict verdictOf(Claim claim, List<CheckResult> results) {
        List<CheckResult> ran = results.stream().filter(r -> r.outcome() != Outcome.NOT_RUN).toList();
        if (ran.isEmpty()) {
            return Verdict.NOT_RUN;
        }
        if (ran.stream().anyMatch(r -> r.outcome() == Outcome.FAILED)) {
            return Verdict.FAILED;
        }
        boolean found = ran.stream().anyMatch(r -> r.outcome() == Outcome.COUNTEREXAMPLE_FOUND);
        Verdict natural = claim.kind().naturalVerdict();
        Verdict computed = natural == Verdict.COUNTEREXAMPLE
                ? (found ? Verdict.COUNTEREXAMPLE : Verdict.FAILED)
                : (found ? Verdict.FAILED : natural);
        return computed == claim.expectedVerdict() ? computed : Verdict.FAILED;
    }

    @Override
    public String explain(Claim claim, List<CheckResult> results) {
        return "provisional rule: " + results.size() + " check(s), outcomes "
                + results.stream().map(r -> r.outcome().name()).toList();
    }
}
