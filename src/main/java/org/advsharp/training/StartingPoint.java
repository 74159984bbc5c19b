package org.advsharp.training;

import static org.advsharp.numerics.Vectors.norm;

import java.util.Locale;
import org.advsharp.numerics.Vectors;
/**
 * Where training starts. w = 0 is a kink of the L2 adversarial loss for eps > 0 (||w|| is not
 * differentiable there), so no trainer starts at 0.
 *
 * <p>Rule used everywhere in advsharp: start at t* u, where u is the objective's descent direction at 0
 * normalised (for the L2 adversarial loss u = mean(y x)/eps_c, the steepest-descent direction at the
 * kink for every eps < eps_c) and t* minimises the one-dimensional convex function phi(t) = F(t u) over
 * t >= 0 (doubling bracket, then golden-section search on values only, so kinks do no harm). For
 * eps < eps_c this t* is positive, since phi'(0+) = -(eps_c - eps)/2 < 0. Sweeps then warm start each
 * radius from the previous radius's w* (see EpsilonSweep).
 */
public final class StartingPoint {
    private static final double MAX_BRACKET = 1e8;
    private static final int GOLDEN_ITERATIONS = 100;
    private static final double INVERSE_GOLDEN = (Math.sqrt(5.0) - 1.0) / 2.0;

    private StartingPoint() {
    }

    /**
     * The minimiser of F along the ray t u, t > 0, u the normalised descent direction at 0.
     *
     * @throws IllegalArgumentException if F does not decrease along the ray (then w* = 0: eps >= eps_c)
     */
    public static double[] leaveKink(TrainingObjective objective) {
        double[] u = objective.descentDirectionAtZero();
        double norm = norm(u);
        if (norm == 0) {
            throw new IllegalArgumentException("the descent direction at w = 0 is 0 (mean(y x) = 0, eps_c = 0): "
                    + "w = 0 is the minimiser for every eps (prop:critical-radius); nothing to train");
        }
        u = Vectors.scaled(1.0 / norm, u);
        double phi0 = objective.value(new double[u.length]);
        double hi = 1.0;
        double phiHi = objective.value(Vectors.scaled(hi, u));
        if (phiHi < phi0) {
            while (hi < MAX_BRACKET) {
                double next = objective.value(Vectors.scaled(2 * hi, u));
                if (next >= phiHi) {
                    break;
                }
                hi *= 2;
                phiHi = next;
            }
            hi *= 2;
        }
        double a = 0;
        double b = hi;
        double c = b - INVERSE_GOLDEN * (b - a);
        double e = a + INVERSE_GOLDEN * (b - a);
        double fc = objective.value(Vectors.scaled(c, u));
        double fe = objective.value(Vectors.scaled(e, u));
        for (int k = 0; k < GOLDEN_ITERATIONS; k++) {
            if (fc <= fe) {
                b = e;
                e = c;
                fe = fc;
                c = b - INVERSE_GOLDEN * (b - a);
                fc = objective.value(Vectors.scaled(c, u));
            } else {
                a = c;
                c = e;
                fc = fe;
                e = a + INVERSE_GOLDEN * (b - a);
                fe = objective.value(Vectors.scaled(e, u));
            }
        }
        double t = 0.5 * (a + b);
        double[] w = Vectors.scaled(t, u);
        if (!(objective.value(w) < phi0) || t == 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the objective (%s) found no "
                    + "point below its value at w = 0 along its descent direction at 0 (F(0) = %.17g; the best point "
                    + "found, t = %.6g, has F = %.17g): either w* = 0 (for the L2 loss exactly when eps >= eps_c, "
                    + "prop:critical-radius) or the decrease from 0 is below what double precision resolves (for the "
                    + "L2 loss: eps just below eps_c)", objective.description(), phi0, t, objective.value(w)));
        }
        return w;
    }
}
