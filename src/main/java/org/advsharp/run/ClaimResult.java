package org.advsharp.run;

import java.util.List;
import org.advsharp.check.CheckResult;
import org.advsharp.claims.Verdict;
import org.advsharp.claims.Claim;

/**
 * One claim after a run: its verdict, why, and the results of its checks in catalog order.
 *
 * @param claim       the claim as declared in proofs/
 * @param verdict     computed from {@code results} by the suite's verdict rule, never typed
 * @param explanation the rule's explanation of the verdict
 * @param results     the results of the claim's checks, in the order the catalog lists the checks
 */
public record ClaimResult(Claim claim, Verdict verdict, String explanation, List<CheckResult> results) {

    public ClaimResult {
        results = List.copyOf(results);
    }

    /** Whether the verdict differs from the one the claim's proofs/ entry expects. */
    public boolean unexpected() {
        return verdict != claim.expectedVerdict();
    }

    /** The reasons its checks gave for not running, one per check that did not run. */
    public List<String> notRunReasons() {
        return results.stream().filter(r -> r.notRunReason() != null)
                .map(r -> r.checkId() + ": " + r.notRunReason()).toList();
    }
}
