package org.advsharp.landscape;

import java.util.SplittableRandom;
import org.advsharp.numerics.Vectors;

/**
 * 1-D loss landscapes around trained weights along random directions (Li et al. 2018) with the robust
 * loss recomputed at every point (Wu et al. 2020): L(w + a d).
 *
 * <p>Normalisation: for a single weight vector (the linear model, one "filter") Li et al.'s filter
 * normalisation is d <- d ||w|| / ||d||, so a = 1 moves by ||w||.
 */
public final class LinearLossCurves {

    /** A 1-D curve: values[i] = L(w + alphas[i] d). */
    public record Curve(double[] alphas, double[] values) {
        public Curve {
            alphas = alphas.clone();
            values = values.clone();
        }

        @Override
        public double[] alphas() {
            return alphas.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }
    }

    private LinearLossCurves() {
    }

    /** A seeded Gaussian direction scaled to ||d|| = ||w||. */
    public static double[] randomDirection(long seed, double[] w) {
        double norm = Vectors.norm(w);
        if (!(norm > 0)) {
            throw new IllegalArgumentException("loss curve: ||w|| = 0, so a direction normalised to ||w|| is 0; "
                    + "curves need trained weights w != 0");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] d = new double[w.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextGaussian();
        }
        return scale(d, norm / Vectors.norm(d));
    }

    /** L(w + a d) for each a. */
    public static Curve oneD(LossSurface surface, double[] w, double[] direction, double[] alphas) {
        double[] values = new double[alphas.length];
        for (int i = 0; i < alphas.length; i++) {
            values[i] = surface.value(plus(w, alphas[i], direction));
        }
        return new Curve(alphas, values);
    }

    /** n evenly spaced points from -radius to radius (n >= 2). */
    public static double[] symmetricGrid(double radius, int n) {
        if (n < 2 || !(radius > 0)) {
            throw new IllegalArgumentException("grid: need n >= 2 points and radius > 0, got " + n + ", " + radius);
        }
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = -radius + 2 * radius * i / (n - 1);
        }
        return g;
    }

    private static double[] plus(double[] w, double a, double[] d) {
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i] + a * d[i];
        }
        return out;
    }

    private static double[] scale(double[] v, double t) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = t * v[i];
        }
        return out;
    }
}
