package org.advsharp.check;

/**
 * One executable check of one claim. Checks are main code: the JUnit tests and the command-line tool
 * run the same instances, so they cannot disagree.
 */
public interface Check {

    /** Stable id, e.g. "hessian-vs-finite-differences". */
    String id();

    /**
     * The id of the claim in proofs/ that this check is evidence for: typed once, where the check is
     * registered; the check's body reaches it through {@link CheckContext#replayCommand()}.
     */
    String claimId();

    /** One line: what the check does. */
    String title();

    /**
     * Runs the check and records what it saw in {@code evidence}; returns the one-sentence summary.
     * The outcome is derived from the evidence, not returned.
     */
    String run(CheckContext context, Evidence evidence);

    /**
     * Runs the check, timing it and freezing its evidence with the budget it declared through
     * {@link CheckContext#tries(int)}. Exceptions become a FAILED result.
     */
    default CheckResult execute(CheckContext context) {
        Evidence evidence = new Evidence();
        CheckContext own = context.forCheck(this);
        long start = System.nanoTime();
        String summary;
        try {
            summary = run(own, evidence);
        } catch (RuntimeException e) {
            evidence.measure(new Measurement("check ran to completion (threw " + e + ")", 1, "<=", 0,
                    "no exception expected", false));
            summary = "the check threw " + e;
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000L;
        CheckContext.Budget budget = own.budget();
        return evidence.toResult(this, summary, elapsed, new Tries(budget.declared(), budget.used()));
    }
}
