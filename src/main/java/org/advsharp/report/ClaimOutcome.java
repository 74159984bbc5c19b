package org.advsharp.report;

import java.util.List;
import org.advsharp.check.CheckResult;
import org.advsharp.claims.ClaimKind;
import org.advsharp.claims.Verdict;

/**
 * One claim of a results file, as read back: what the file says about it and the evidence of its checks.
 * The claim's statement, assumptions and proof are not in the results file; the report takes them from
 * proofs/.
 *
 * @param id              the claim id
 * @param title           its title
 * @param kind            its kind
 * @param paperClaims     the paper's headline claims it makes precise
 * @param source          the proofs/ file that declared it
 * @param expectedVerdict the verdict proofs/ expects
 * @param verdict         the verdict the run computed
 * @param explanation     why
 * @param checks          its checks' results (elapsed times from the file's run section)
 * @param run             index of the run (in {@link Results#runs()}) that produced it
 */
public record ClaimOutcome(String id, String title, ClaimKind kind, List<String> paperClaims, String source,
                           Verdict expectedVerdict, Verdict verdict, String explanation, List<CheckResult> checks,
                           int run) {

    public ClaimOutcome {
        paperClaims = List.copyOf(paperClaims);
        checks = List.copyOf(checks);
    }

    /** The reasons its checks gave for not running, one per check that did not run. */
    public List<String> notRunReasons() {
        return checks.stream().filter(r -> r.notRunReason() != null)
                .map(r -> r.checkId() + ": " + r.notRunReason()).toList();
    }

    ClaimOutcome withRun(int index) {
        return new ClaimOutcome(id, title, kind, paperClaims, source, expectedVerdict, verdict, explanation, checks,
                index);
    }
}
