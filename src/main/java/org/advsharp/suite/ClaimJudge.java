package org.advsharp.suite;

import java.util.List;
import org.advsharp.check.CheckResult;
import org.advsharp.check.Verdict;
import org.advsharp.claims.Claim;

/**
 * Turns the outcomes of a claim's checks into the claim's verdict and a one-paragraph explanation.
 *
 * <p>The suite's rule is {@code org.advsharp.claims.VerdictRule}; this interface exists so that the
 * runner can be exercised with a fixed rule in its own tests, and so that the rule lives in one place.
 */
public interface ClaimJudge {

    /** The verdict of {@code claim} given the results of all its checks (possibly none). */
    Verdict verdictOf(Claim claim, List<CheckResult> results);

    /** Why the verdict is what it is, in words a reader of the report can follow. */
    String explain(Claim claim, List<CheckResult> results);
}
