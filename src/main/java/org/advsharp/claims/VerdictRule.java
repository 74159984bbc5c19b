package org.advsharp.claims;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.advsharp.check.CheckResult;
import org.advsharp.check.Outcome;

/**
 * Computes a claim's verdict from the outcomes of its checks. Verdicts are never typed by hand.
 *
 * <p>The rule, applied in this order (the first step that decides, decides):
 * <ol>
 *   <li>No results, or every result NOT_RUN: NOT_RUN. From here on only the checks that ran count (the
 *       explanation names those that did not).</li>
 *   <li>Any check FAILED: FAILED. A failed comparison is a defect whatever the budget.</li>
 *   <li>The observed verdict, by the claim's kind:
 *     <ul>
 *       <li>proved kinds (lemma, proposition, theorem, instrument): a counterexample found gives FAILED
 *           (a proved statement admits none); otherwise any INCONCLUSIVE check gives INCONCLUSIVE;
 *           otherwise VERIFIED;</li>
 *       <li>COUNTEREXAMPLE: every check that ran found its counterexample gives COUNTEREXAMPLE (a claim
 *           that states two things fall needs both found); otherwise INCONCLUSIVE, since a search that
 *           found nothing only lacks evidence;</li>
 *       <li>CONJECTURE, EMPIRICAL: a counterexample found (a concrete violation, or a significant effect
 *           in the opposite direction) gives COUNTEREXAMPLE; otherwise any INCONCLUSIVE check (for
 *           instance a test that is not significant) gives INCONCLUSIVE; otherwise SUPPORTED.</li>
 *     </ul></li>
 *   <li>Reduced budget: where some check that ran used fewer tries than its declared budget
 *       ({@code --tries} below the check's default), an observed VERIFIED or SUPPORTED becomes INCONCLUSIVE,
 *       with the reason "reduced budget N of M": a passing run too small to count never verifies.</li>
 *   <li>An observed verdict equal to {@link Claim#expectedVerdict()} stands, and so does any observed verdict
 *       other than FAILED of a STUDY (a pre-registered study's outcome is a finding, not an expectation).</li>
 *   <li>Excused for want of cases: an observed INCONCLUSIVE where every check that lacked evidence ran below
 *       its declared budget and lacked only cases (a search that found nothing, or an INCONCLUSIVE the check
 *       itself tagged as too few cases, {@link CheckResult#lacksOnlyCases()}) stays INCONCLUSIVE, with the
 *       reason "reduced budget N of M". An undecided test or a certification failure is never excused.</li>
 *   <li>Any other observed verdict that differs from the expected one becomes FAILED ("expected X,
 *       observed Y"). In particular, at the declared budget an INCONCLUSIVE where the claim declares
 *       another verdict is FAILED.</li>
 * </ol>
 * INCONCLUSIVE is never counted as passed; the report lists it at the top with its reason.
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

    /**
     * The observed verdict with its reason; {@code lacking} are the checks whose missing evidence made it
     * INCONCLUSIVE (empty otherwise).
     */
    private record Judgement(Verdict verdict, String reason, List<CheckResult> lacking) {
        Judgement(Verdict verdict, String reason) {
            this(verdict, reason, List.of());
        }
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
        List<CheckResult> reduced = ran.stream().filter(CheckResult::belowBudget).toList();
        if ((observed.verdict() == Verdict.VERIFIED || observed.verdict() == Verdict.SUPPORTED)
                && !reduced.isEmpty()) {
            return new Judgement(Verdict.INCONCLUSIVE, reducedBudgets(reduced) + " (observed "
                    + observed.verdict().label() + ": " + observed.reason() + ")" + partial);
        }
        if (observed.verdict() == claim.expectedVerdict()
                || (claim.kind() == ClaimKind.STUDY && observed.verdict() != Verdict.FAILED)) {
            return new Judgement(observed.verdict(), observed.reason() + partial);
        }
        if (observed.verdict() == Verdict.INCONCLUSIVE && !observed.lacking().isEmpty()
                && observed.lacking().stream().allMatch(r -> r.belowBudget() && r.lacksOnlyCases())) {
            return new Judgement(Verdict.INCONCLUSIVE, reducedBudgets(observed.lacking()) + " (the claim declares "
                    + claim.expectedVerdict().label() + "; " + observed.reason() + ")" + partial);
        }
        return new Judgement(Verdict.FAILED, "expected " + claim.expectedVerdict().label() + ", observed "
                + observed.verdict().label() + ": " + observed.reason() + partial);
    }

    /** "c1: reduced budget 10 of 200; c2: ..." for checks that ran below their declared budget. */
    private static String reducedBudgets(List<CheckResult> reduced) {
        return reduced.stream().map(r -> r.checkId() + ": " + r.tries().reducedText()).distinct()
                .collect(Collectors.joining("; "));
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
        List<CheckResult> inconclusive = ran.stream().filter(r -> r.outcome() == Outcome.INCONCLUSIVE).toList();
        if (kind == ClaimKind.COUNTEREXAMPLE) {
            List<CheckResult> without = ran.stream().filter(r -> r.outcome() != Outcome.COUNTEREXAMPLE_FOUND).toList();
            if (without.isEmpty()) {
                return new Judgement(Verdict.COUNTEREXAMPLE, foundText);
            }
            return new Judgement(Verdict.INCONCLUSIVE, without.size() + " of " + ran.size() + " "
                    + plural(ran.size(), "check") + " found no counterexample (" + reasons(without) + ")", without);
        }
        if (kind.isProved() && !found.isEmpty()) {
            return new Judgement(Verdict.FAILED, foundText + " to a " + kind.name().toLowerCase(Locale.ROOT)
                    + " that is proved");
        }
        if (!kind.isProved() && !found.isEmpty()) {
            return new Judgement(Verdict.COUNTEREXAMPLE, foundText);
        }
        if (!inconclusive.isEmpty()) {
            return new Judgement(Verdict.INCONCLUSIVE, plural(inconclusive.size(), "check") + " "
                    + reasons(inconclusive) + " decided neither way", inconclusive);
        }
        String allPassed = all(ran.size()) + " passed";
        return kind.isProved() ? new Judgement(Verdict.VERIFIED, allPassed)
                : new Judgement(Verdict.SUPPORTED, allPassed + " (no counterexample within budget)");
    }

    private static String reasons(List<CheckResult> results) {
        return results.stream().map(r -> r.checkId() + (r.inconclusiveReason() == null ? ""
                : ": " + r.inconclusiveReason())).collect(Collectors.joining("; "));
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
