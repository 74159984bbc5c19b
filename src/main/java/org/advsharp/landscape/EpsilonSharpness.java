package org.advsharp.landscape;

import java.util.SplittableRandom;

/**
 * Keskar et al. (2017) epsilon-sharpness of a loss surface at w, over the box
 * C = { z : |z_i| <= delta (|w_i| + 1) } in the full weight space:
 *
 * <pre>
 *   phi(w, delta) = 100 * (max_{z in C} L(w + z) - L(w)) / (1 + L(w)).
 * </pre>
 *
 * <p>The maximum is searched by projected gradient ascent (Keskar et al. used L-BFGS-B) from several
 * seeded random points of the box (ascent from z = 0 would stall at a stationary w), with a step that
 * doubles after a success and halves after a failure; the best value found is reported, so the result
 * is a lower bound on the true maximum. For a convex L (the logistic losses here) the maximum of L over
 * a box is attained at a vertex, where projected ascent ends.
 */
public final class EpsilonSharpness {
    /** Projected-ascent steps per start. */
    public static final int DEFAULT_STEPS = 50;
    /** Random starts. */
    public static final int DEFAULT_STARTS = 4;

    /**
     * @param sharpness the Keskar value phi
     * @param baseLoss  L(w)
     * @param maxLoss   the largest L(w + z) found in the box
     * @param delta     the box parameter
     * @param maximiser the z that attained it
     */
    public record Result(double sharpness, double baseLoss, double maxLoss, double delta, double[] maximiser) {
        public Result {
            maximiser = maximiser.clone();
        }

        @Override
        public double[] maximiser() {
            return maximiser.clone();
        }
    }

    private EpsilonSharpness() {
    }

    /** phi(w, delta) with the default steps and starts. */
    public static Result of(LossSurface surface, double[] w, double delta, long seed) {
        return of(surface, w, delta, DEFAULT_STEPS, DEFAULT_STARTS, seed);
    }

    public static Result of(LossSurface surface, double[] w, double delta, int steps, int starts, long seed) {
        if (!(delta > 0) || !Double.isFinite(delta)) {
            throw new IllegalArgumentException("epsilon-sharpness: box parameter delta is " + delta + "; it must be > 0");
        }
        if (steps < 1 || starts < 1) {
            throw new IllegalArgumentException("epsilon-sharpness: steps and starts must be at least 1");
        }
        int d = surface.dimension();
        double[] half = new double[d];
        for (int i = 0; i < d; i++) {
            half[i] = delta * (Math.abs(w[i]) + 1);
        }
        double base = surface.value(w);
        SplittableRandom rng = new SplittableRandom(seed);
        double best = base;
        double[] bestZ = new double[d];
        for (int s = 0; s < starts; s++) {
            double[] z = new double[d];
            for (int i = 0; i < d; i++) {
                z[i] = (2 * rng.nextDouble() - 1) * half[i];
            }
            double current = surface.value(plus(w, z));
            double step = delta;
            for (int k = 0; k < steps; k++) {
                double[] g = surface.gradient(plus(w, z));
                double[] trial = new double[d];
                for (int i = 0; i < d; i++) {
                    trial[i] = Math.max(-half[i], Math.min(half[i], z[i] + step * g[i] * half[i]));
                }
                double v = surface.value(plus(w, trial));
                if (v > current) {
                    z = trial;
                    current = v;
                    step *= 2;
                } else {
                    step *= 0.5;
                }
            }
            if (current > best) {
                best = current;
                bestZ = z;
            }
        }
        return new Result(100 * (best - base) / (1 + base), base, best, delta, bestZ);
    }

    private static double[] plus(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }
}
