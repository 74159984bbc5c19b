package org.advsharp.landscape;

import java.util.SplittableRandom;
import org.advsharp.numerics.Vectors;

/**
 * 1-D and 2-D loss landscapes around trained weights along random directions (Li et al. 2018) with
 * the robust loss recomputed at every point (Wu et al. 2020): L(w + a d) and L(w + a d1 + b d2).
 *
 * <p>Normalisation: for a single weight vector (the linear model, one "filter") Li et al.'s filter
 * normalisation is d <- d ||w|| / ||d||, so a = 1 moves by ||w||. A second direction is first made
 * orthogonal to the first (Gram-Schmidt), then normalised the same way.
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

    /** A 2-D surface: values[i][j] = L(w + alphas[i] d1 + betas[j] d2). */
    public record Grid(double[] alphas, double[] betas, double[][] values) {
        public Grid {
            alphas = alphas.clone();
            betas = betas.clone();
            double[][] copy = new double[values.length][];
            for (int i = 0; i < values.length; i++) {
                copy[i] = values[i].clone();
            }
            values = copy;
        }

        public double value(int i, int j) {
            return values[i][j];
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

    /** A seeded Gaussian direction orthogonal to {@code first}, scaled to ||w||. */
    public static double[] orthogonalDirection(long seed, double[] w, double[] first) {
        if (w.length < 2) {
            throw new IllegalArgumentException("loss surface: a second direction orthogonal to the first needs d >= 2");
        }
        double[] d = randomDirection(seed, w);
        double c = Vectors.dot(d, first) / Vectors.dot(first, first);
        for (int i = 0; i < d.length; i++) {
            d[i] -= c * first[i];
        }
        return scale(d, Vectors.norm(w) / Vectors.norm(d));
    }

    /** L(w + a d) for each a. */
    public static Curve oneD(LossSurface surface, double[] w, double[] direction, double[] alphas) {
        double[] values = new double[alphas.length];
        for (int i = 0; i < alphas.length; i++) {
            values[i] = surface.value(plus(w, alphas[i], direction, 0, direction));
        }
        return new Curve(alphas, values);
    }

    /** L(w + a d1 + b d2) on the grid alphas x betas. */
    public static Grid twoD(LossSurface surface, double[] w, double[] d1, double[] d2, double[] alphas,
                            double[] betas) {
        double[][] values = new double[alphas.length][betas.length];
        for (int i = 0; i < alphas.length; i++) {
            for (int j = 0; j < betas.length; j++) {
                values[i][j] = surface.value(plus(w, alphas[i], d1, betas[j], d2));
            }
        }
        return new Grid(alphas, betas, values);
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

    private static double[] plus(double[] w, double a, double[] d1, double b, double[] d2) {
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i] + a * d1[i] + b * d2[i];
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
