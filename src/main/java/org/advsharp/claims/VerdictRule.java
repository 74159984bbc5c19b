package org.advsharp.claims;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.advsharp.check.CheckResult;
import org.advsharp.check.Outcome;

/**
 * Computes a claim's verdict from the outcomes of its checks. Verdicts are never typed by hand.
 *
 * <ol>
 *   <li>No results, or every result NOT_RUN: NOT_RUN.</li>
 *   <li>Otherwise only the checks that ran count (the explanation records those that did not):
 *     <ul>
 *       <li>any FAILED: FAILED;</li>
 *       <li>proved kinds (lemma, proposition, theorem, instrument): all PASSED gives VERIFIED, a
 *           counterexample found gives FAILED;</li>
 *       <li>COUNTEREXAMPLE: a counterexample found gives COUNTEREXAMPLE, none found gives FAILED;</li>
 *       <li>CONJECTURE, EMPIRICAL: all PASSED gives SUPPORTED, a counterexample found gives
 *           COUNTEREXAMPLE.</li>
 *     </ul></li>
 *   <li>A computed verdict other than NOT_RUN that differs from {@link Claim#expectedVerdict()} becomes
 *       FAILED ("expected X, observed Y").</li>
 * </ol>
 */
public final class VerdictRule {

    private VerdictRule() {
    }

    /**
     * The verdict of {@code claim} given the results of its checks.
     *
     * @throws IllegalArgumentException if an argument is null or a result belongs to another claim
     */
    public static Verdict verdictOf(Claim claim, List<CheckResult> results) {
        return judge(claim, results).verdict();
    }

    /** One sentence saying why {@link #verdictOf} gives what it gives, naming the checks involved. */
    public static String explain(Claim claim, List<CheckResult> results) {
        Judgement j = judge(claim, results);
        return j.verdict().label() + ": " + j.reason() + ".";
    }

    private record Judgement(Verdict verdict, String reason) {
    }

    private static Judgement judge(Claim claim, List<CheckResult> results) {
        validate(claim, results);
        List<CheckResult> ran = results.stream().filter(r -> r.outcome() != Outcome.NOT_RUN).toList();
        List<CheckResult> notRun = results.stream().filter(r -> r.outcome() == Outcome.NOT_RUN).toList();
        if (ran.isEmpty()) {
            String reason = results.isEmpty()
                    ? "no check has run for claim " + claim.id()
                    : "none of its " + results.size() + " " + plural(results.size(), "check") + " ran ("
                    + notRunReasons(notRun) + ")";
            return new Judgement(Verdict.NOT_RUN, reason);
        }
        Judgement observed = observe(claim.kind(), ran);
        String partial = notRun.isEmpty() ? "" : "; " + notRun.size() + " of " + results.size() + " "
                + plural(results.size(), "check") + " did not run (" + notRunReasons(notRun)
                + "), so the verdict rests on the " + ran.size() + " that ran";
        if (observed.verdict() != claim.expectedVerdict()) {
            return new Judgement(Verdict.FAILED, "expected " + claim.expectedVerdict().label() + ", observed "
                    + observed.verdict().label() + ": " + observed.reason() + partial);
        }
        return new Judgement(observed.verdict(), observed.reason() + partial);
    }

    private static Judgement observe(ClaimKind kind, List<CheckResult> ran) {
        List<String> failed = idsWith(ran, Outcome.FAILED);
        if (!failed.isEmpty()) {
            return new Judgement(Verdict.FAILED, plural(failed.size(), "check") + " " + String.join(", ", failed)
                    + " failed");
        }
        List<String> found = idsWith(ran, Outcome.COUNTEREXAMPLE_FOUND);
        String foundText = plural(found.size(), "check") + " " + String.join(", ", found)
                + " found a counterexample";
        String allPassed = all(ran.size()) + " passed";
        if (kind.isProved()) {
            return found.isEmpty() ? new Judgement(Verdict.VERIFIED, allPassed)
                    : new Judgement(Verdict.FAILED, foundText + " to a " + kind.name().toLowerCase(Locale.ROOT)
                    + " that is proved");
        }
        if (kind == ClaimKind.COUNTEREXAMPLE) {
            return found.isEmpty()
                    ? new Judgement(Verdict.FAILED, "no check found the expected counterexample (" + allPassed + ")")
                    : new Judgement(Verdict.COUNTEREXAMPLE, foundText);
        }
        return found.isEmpty() ? new Judgement(Verdict.SUPPORTED, allPassed + " (no counterexample within budget)")
                : new Judgement(Verdict.COUNTEREXAMPLE, foundText);
    }

    private static void validate(Claim claim, List<CheckResult> results) {
        if (claim == null) {
            throw new IllegalArgumentException("claim is null");
        }
        if (results == null) {
            throw new IllegalArgumentException("results of claim " + claim.id() + " are null");
        }
        for (CheckResult r : results) {
            if (r == null || r.outcome() == null) {
                throw new IllegalArgumentException("a result of claim " + claim.id() + " is null or has no outcome");
            }
            if (!claim.id().equals(r.claimId())) {
                throw new IllegalArgumentException("result of check '" + r.checkId() + "' belongs to claim '"
                        + r.claimId() + "', not to '" + claim.id() + "'");
            }
        }
    }

    private static List<String> idsWith(List<CheckResult> results, Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).map(CheckResult::checkId).toList();
    }

    private static String notRunReasons(List<CheckResult> notRun) {
        return notRun.stream()
                .map(r -> r.checkId() + ": " + (r.notRunReason() == null ? "no reason given" : r.notRunReason()))
                .collect(Collectors.joining("; "));
    }

    private static String all(int n) {
        return n == 1 ? "its 1 check" : "all " + n + " checks";
    }

    private static String plural(int n, String word) {
        return n == 1 ? word : word + "s";
    }
}
