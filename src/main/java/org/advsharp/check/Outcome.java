package org.advsharp.check;

/**
 * What one check observed, before it is turned into a claim's {@link org.advsharp.claims.Verdict}.
 *
 * <ul>
 *   <li>{@link #PASSED}: every comparison held; for a search, no counterexample within the budget.</li>
 *   <li>{@link #FAILED}: a comparison that should hold did not (a defect somewhere).</li>
 *   <li>{@link #COUNTEREXAMPLE_FOUND}: a search for a counterexample to the claim's statement found one.</li>
 *   <li>{@link #INCONCLUSIVE}: the check ran, but its evidence decides neither way (a test that is not
 *       significant, too few certified runs, a budget too small to find what is searched for); the
 *       reason is recorded as {@link CheckResult#inconclusive()}.</li>
 *   <li>{@link #NOT_RUN}: the check could not run here (the reason is recorded).</li>
 * </ul>
 */
public enum Outcome {
    PASSED,
    FAILED,
    COUNTEREXAMPLE_FOUND,
    INCONCLUSIVE,
    NOT_RUN;

    /** As a person reads it: "COUNTEREXAMPLE FOUND", "NOT RUN". */
    public String label() {
        return name().replace('_', ' ');
    }
}
