package org.advsharp.training;

import static org.advsharp.numerics.Vectors.dot;
import static org.advsharp.numerics.Vectors.norm;

import org.advsharp.numerics.Vectors;

/**
 * Backtracking (Armijo) line search shared by the trainers: accept the first t in 1, 1/2, 1/4, ... with
 * F(w + t p) <= F(w) + c t g^T p, c = 1e-4.
 *
 * <p>Near a minimiser the predicted decrease |g^T p| falls below the resolution of F (a mean of N
 * rounded terms), and the Armijo test then fails for a perfect step. When the predicted decrease is
 * below {@link #VALUE_RESOLUTION} (1 + |F|), the full step is accepted instead if it lowers the gradient
 * norm; this is what lets Newton reach gradient norms of 1e-13 and below.
 */
final class LineSearch {
    /** Armijo sufficient-decrease constant (the usual 1e-4). */
    static final double ARMIJO = 1e-4;
    /**
     * Relative resolution of F: a mean of up to 1e5 softplus terms, each rounded to 1.1e-16 relative,
     * accumulates well under 1e-12 relative error; decreases predicted below that cannot be tested.
     */
    static final double VALUE_RESOLUTION = 1e-12;
    private static final int MAX_HALVINGS = 60;

    /** An accepted step. */
    record Step(double[] w, double value, double t, double norm) {
    }

    private LineSearch() {
    }

    /**
     * @return the accepted step, or null if no step length gives a decrease (the rounding floor)
     */
    static Step backtrack(TrainingObjective f, double[] w, double value, double[] g, double gradientNorm,
                          double[] p) {
        double slope = dot(g, p);
        if (!(slope < 0)) {
            return null;
        }
        double t = 1.0;
        for (int k = 0; k <= MAX_HALVINGS; k++) {
            double[] trial = Vectors.plus(w, t, p);
            if (!Vectors.isZero(trial)) {
                double ft = f.value(trial);
                if (ft <= value + ARMIJO * t * slope) {
                    return new Step(trial, ft, t, t * norm(p));
                }
                if (k == 0 && -slope <= VALUE_RESOLUTION * (1 + Math.abs(value))
                        && norm(f.gradient(trial)) < gradientNorm) {
                    return new Step(trial, ft, t, norm(p));
                }
            }
            t *= 0.5;
        }
        return null;
    }
}
