package org.advsharp.claims;

import java.util.Locale;

/**
 * The verdict of a claim, computed from the outcomes of its checks (never typed by hand).
 *
 * <ul>
 *   <li>{@link #VERIFIED}: a proved claim whose checks all passed.</li>
 *   <li>{@link #SUPPORTED}: an empirical claim or conjecture: the trend test passed, or no
 *       counterexample was found within the stated budget.</li>
 *   <li>{@link #COUNTEREXAMPLE}: a concrete instance that violates a universal statement (with the
 *       minimal counterexample found), or, for a statistical statement, a significant effect in the
 *       opposite direction. A test that is merely not significant is never a counterexample.</li>
 *   <li>{@link #INCONCLUSIVE}: the checks ran and the evidence decides neither way (a test without
 *       significance, a search that found nothing below its declared budget, too few certified runs).
 *       Amber in the report, never counted as passed, always with its reason.</li>
 *   <li>{@link #FAILED}: an unexpected outcome; this is a test failure.</li>
 *   <li>{@link #NOT_RUN}: not run, with a reason (e.g. no GPU). Never shown as passed.</li>
 * </ul>
 */
public enum Verdict {
    VERIFIED,
    SUPPORTED,
    COUNTEREXAMPLE,
    INCONCLUSIVE,
    FAILED,
    NOT_RUN;

    /** The spelling used in proofs/ and in the report, e.g. "NOT RUN". */
    public String label() {
        return name().replace('_', ' ');
    }

    /** Parses "VERIFIED", "not run", "NOT_RUN" and the like. */
    public static Verdict parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        try {
            return valueOf(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown verdict '" + text + "'; expected one of "
                    + "VERIFIED, SUPPORTED, COUNTEREXAMPLE, INCONCLUSIVE, FAILED, NOT RUN", e);
        }
    }
}
