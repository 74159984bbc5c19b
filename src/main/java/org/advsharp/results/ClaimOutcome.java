package org.advsharp.results;

import java.util.List;
import org.advsharp.check.CheckResult;
import org.advsharp.claims.Claim;
import org.advsharp.claims.ClaimKind;
import org.advsharp.claims.Verdict;

/**
 * One claim of a results document: what the run computed for it and the evidence of its checks. The claim's
 * statement, assumptions and proof are not in the document; the report takes them from proofs/.
 *
 * @param id              the claim id
 * @param title           its title
 * @param kind            its kind
 * @param paperClaims     the paper's headline claims it makes precise
 * @param source          the proofs/ file that declared it
 * @param expectedVerdict the verdict proofs/ expects
 * @param verdict         the verdict the run computed (by {@code claims.VerdictRule}, never typed)
 * @param explanation     why
 * @param checks          its checks' results, in catalog order
 * @param run             index of the run (in {@link Results#runs()}) that produced it
 * @param stability       the verdict each merged file gave it, or null when the document is one run's
 * @param unverified      why a merge cannot vouch for it ({@link Unverified}), or null when it can: the data are
 *                        kept, but its verdict is no verdict of this repository and is never counted as one
 */
public record ClaimOutcome(String id, String title, ClaimKind kind, List<String> paperClaims, String source,
                           Verdict expectedVerdict, Verdict verdict, String explanation, List<CheckResult> checks,
                           int run, Stability stability, String unverified) {

    public ClaimOutcome {
        paperClaims = List.copyOf(paperClaims);
        checks = List.copyOf(checks);
        if (unverified != null && unverified.isBlank()) {
            throw new IllegalArgumentException("claim " + id + ": an unverified outcome needs its reason");
        }
    }

    /** A verified claim outcome (no reason to doubt where it came from). */
    public ClaimOutcome(String id, String title, ClaimKind kind, List<String> paperClaims, String source,
                        Verdict expectedVerdict, Verdict verdict, String explanation, List<CheckResult> checks,
                        int run, Stability stability) {
        this(id, title, kind, paperClaims, source, expectedVerdict, verdict, explanation, checks, run, stability,
                null);
    }

    /** A claim of one run: its declaration, the verdict the rule computed and why, its checks' results. */
    public static ClaimOutcome of(Claim claim, Verdict verdict, String explanation, List<CheckResult> checks) {
        return new ClaimOutcome(claim.id(), claim.title(), claim.kind(), claim.paperClaims(), claim.source(),
                claim.expectedVerdict(), verdict, explanation, checks, 0, null);
    }

    /** Whether the verdict differs from the one the claim's proofs/ entry expects. */
    public boolean unexpected() {
        return verdict != expectedVerdict;
    }

    /** The reasons its checks gave for not running, one per check that did not run. */
    public List<String> notRunReasons() {
        return checks.stream().filter(r -> r.notRunReason() != null)
                .map(r -> r.checkId() + ": " + r.notRunReason()).toList();
    }

    /** Whether its verdict counts as one: no reason was found to doubt the file it came from. */
    public boolean verified() {
        return unverified == null;
    }

    /** This claim as produced by run {@code index} of a merged document, with its stability there. */
    ClaimOutcome inMerge(int index, Stability across) {
        return new ClaimOutcome(id, title, kind, paperClaims, source, expectedVerdict, verdict, explanation, checks,
                index, across, unverified);
    }

    /** This claim marked unverified for {@code reason}; the data stay as they are. */
    ClaimOutcome markedUnverified(String reason) {
        return new ClaimOutcome(id, title, kind, paperClaims, source, expectedVerdict, verdict, explanation, checks,
                run, stability, reason);
    }
}
