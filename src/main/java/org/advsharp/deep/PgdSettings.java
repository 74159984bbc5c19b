package org.advsharp.deep;

/**
 * Settings of the L2 PGD attack (claim lem:worst-case-l2 and its deep analogue).
 *
 * @param epsilon     the L2 radius, in pixel units of [0, 1] images; 0 means no attack
 * @param steps       number of ascent steps, >= 1 when epsilon > 0
 * @param stepSize    length of each normalised ascent step, > 0 when epsilon > 0
 * @param randomStart whether to start from a uniform point of the ball (else from the clean input)
 * @param clipToBox   whether x + delta is clipped to [0, 1] after each step
 */
public record PgdSettings(double epsilon, int steps, double stepSize, boolean randomStart, boolean clipToBox) {

    /** The usual step size factor of Madry et al.: stepSize = 2.5 eps / steps. */
    public static final double MADRY_STEP_FACTOR = 2.5;

    public PgdSettings {
        if (!Double.isFinite(epsilon) || epsilon < 0) {
            throw new IllegalArgumentException("PGD: epsilon = " + epsilon + " must be finite and >= 0");
        }
        if (epsilon > 0 && steps < 1) {
            throw new IllegalArgumentException("PGD: steps = " + steps + " must be >= 1 when epsilon > 0");
        }
        if (epsilon > 0 && !(stepSize > 0 && Double.isFinite(stepSize))) {
            throw new IllegalArgumentException("PGD: stepSize = " + stepSize + " must be finite and > 0");
        }
    }

    /** The usual attack: step size 2.5 eps / steps, clipping to [0, 1]. */
    public static PgdSettings standard(double epsilon, int steps, boolean randomStart) {
        return new PgdSettings(epsilon, steps, MADRY_STEP_FACTOR * epsilon / Math.max(1, steps), randomStart, true);
    }

    /** The same attack at another radius, step size scaled with it. */
    public PgdSettings atEpsilon(double otherEpsilon) {
        double factor = epsilon > 0 ? stepSize / epsilon : MADRY_STEP_FACTOR / Math.max(1, steps);
        return new PgdSettings(otherEpsilon, steps, factor * otherEpsilon, randomStart, clipToBox);
    }
}
