package org.advsharp.checks.problems;

import org.advsharp.data.Dataset;
import org.advsharp.numerics.Vectors;

/**
 * Pushes a fixed-weight case towards the line of w, where the curvature along w decides the fate of the
 * top eigenvalue and of the trace (rem:full-top-not-monotone, rem:trace-falls-in-two-dimensions and their
 * restatements in proofs/losses.md).
 */
public final class LineOfW {
    private LineOfW() {
    }

    /**
     * The part of every x_n orthogonal to w scaled by t = 0.2 eps1 / eps2 in [0, 0.2) (from the case itself,
     * so the map is deterministic), and w scaled so that the smallest margin at eps2 is {@code target}.
     * Scaling w by a positive factor scales every margin by it, so the margin condition still holds. Cases
     * with w = 0, eps2 = 0 or a smallest margin that is not positive keep their w.
     */
    public static AdversarialCase towards(AdversarialCase c, double target) {
        double wn = Vectors.norm(c.w());
        if (wn == 0 || !(c.eps2() > 0)) {
            return c;
        }
        double t = 0.2 * c.eps1() / c.eps2();
        double[][] rows = new double[c.data().size()][];
        double smallest = Double.POSITIVE_INFINITY;
        for (int n = 0; n < rows.length; n++) {
            double[] x = c.data().row(n);
            double along = Vectors.dot(x, c.w()) / (wn * wn);
            rows[n] = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                double parallel = along * c.w()[j];
                rows[n][j] = parallel + t * (x[j] - parallel);
            }
            smallest = Math.min(smallest, c.data().label(n) * Vectors.dot(x, c.w()) - c.eps2() * wn);
        }
        double scale = smallest > 0 && Double.isFinite(smallest) ? target / smallest : 1;
        double[] w = c.w().clone();
        for (int j = 0; j < w.length; j++) {
            w[j] *= scale;
        }
        return new AdversarialCase(Dataset.of(rows, c.data().labels()), w, c.eps1(), c.eps2());
    }
}
