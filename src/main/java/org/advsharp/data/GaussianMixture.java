package org.advsharp.data;

import java.util.SplittableRandom;

/**
 * Seeded two-class Gaussian mixtures in R^d: y_n = +1 or -1 (exactly floor(N/2) of label +1, order
 * shuffled), x_n = y_n mu + sd z_n with z_n ~ N(0, I) and mu = meanNorm u for a unit direction u
 * drawn uniformly on the sphere from the seed (the "planted direction").
 *
 * <p>Three regimes, each a pure function of its arguments (same seed, same data):
 * <ul>
 *   <li>{@link #separable}: points on the wrong side of the hyperplane u^T x = 0 are redrawn, so u
 *       strictly separates the data (y_n u^T x_n > 0);</li>
 *   <li>{@link #plantedMargin}: every point with y_n u^T x_n below gamma is moved along u to margin
 *       exactly gamma, so the data have L2 margin at least gamma, witnessed by u;</li>
 *   <li>{@link #overlapping}: a fraction of labels is flipped and the sample is redrawn (from a
 *       derived seed) until the separability LP says it is NOT strictly separable, so a finite
 *       unregularised minimiser of the clean loss is not ruled out by separation.</li>
 * </ul>
 */
public final class GaussianMixture {
    private static final int MAX_REDRAWS_PER_POINT = 10_000;
    private static final int MAX_OVERLAP_ATTEMPTS = 50;

    private GaussianMixture() {
    }

    /** The planted unit direction u for a seed (the first draws of the seed's stream). */
    static double[] plantedDirection(long seed, int d) {
        return unitVector(new SplittableRandom(seed), d);
    }

    /** The plain mixture: no guarantee about separability. */
    public static Dataset sample(long seed, int n, int d, double meanNorm, double sd) {
        validate(n, d, meanNorm, sd);
        SplittableRandom rng = new SplittableRandom(seed);
        return drawAll(rng, unitVector(rng, d), n, meanNorm, sd);
    }

    /**
     * The plain mixture with a GIVEN mean direction u (normalised here) instead of a random one: for
     * example u = (1, ..., 1)/sqrt(d), which makes every feature informative (Linf experiments).
     */
    public static Dataset alongDirection(long seed, int n, double[] direction, double meanNorm, double sd) {
        if (direction == null || direction.length == 0) {
            throw new IllegalArgumentException("mixture: the mean direction must have at least one component");
        }
        int d = direction.length;
        validate(n, d, meanNorm, sd);
        double norm = Math.sqrt(dot(direction, direction));
        if (!(norm > 0) || !Double.isFinite(norm)) {
            throw new IllegalArgumentException("mixture: the mean direction has norm " + norm
                    + "; it must be finite and nonzero");
        }
        double[] u = new double[d];
        for (int j = 0; j < d; j++) {
            u[j] = direction[j] / norm;
        }
        return drawAll(new SplittableRandom(seed), u, n, meanNorm, sd);
    }

    /** Balanced labels, then each point drawn around y_i meanNorm u, from the stream of {@code rng}. */
    private static Dataset drawAll(SplittableRandom rng, double[] u, int n, double meanNorm, double sd) {
        double[] y = balancedLabels(rng, n);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = draw(rng, u, y[i], meanNorm, sd);
        }
        return Dataset.of(x, y);
    }

    /** The mixture with every point on its own side of u^T x = 0 (redrawn if not). Needs meanNorm > 0. */
    public static Dataset separable(long seed, int n, int d, double meanNorm, double sd) {
        validate(n, d, meanNorm, sd);
        if (!(meanNorm > 0)) {
            throw new IllegalArgumentException("separable mixture: meanNorm is " + meanNorm + "; it must be > 0");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] u = unitVector(rng, d);
        double[] y = balancedLabels(rng, n);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            int tries = 0;
            do {
                if (++tries > MAX_REDRAWS_PER_POINT) {
                    throw new IllegalArgumentException("separable mixture: meanNorm/sd = " + meanNorm / sd
                            + " is too small; a point needed more than " + MAX_REDRAWS_PER_POINT + " redraws");
                }
                x[i] = draw(rng, u, y[i], meanNorm, sd);
            } while (y[i] * dot(u, x[i]) <= 0);
        }
        return Dataset.of(x, y);
    }

    /** The mixture with every point moved, along u, to margin at least {@code margin} > 0. */
    public static Dataset plantedMargin(long seed, int n, int d, double margin, double meanNorm, double sd) {
        validate(n, d, meanNorm, sd);
        if (!(margin > 0) || !Double.isFinite(margin)) {
            throw new IllegalArgumentException("planted-margin mixture: margin is " + margin
                    + "; it must be a finite number > 0");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] u = unitVector(rng, d);
        double[] y = balancedLabels(rng, n);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = draw(rng, u, y[i], meanNorm, sd);
            double shortfall = margin - y[i] * dot(u, x[i]);
            if (shortfall > 0) {
                for (int j = 0; j < d; j++) {
                    x[i][j] += shortfall * y[i] * u[j];
                }
            }
        }
        return Dataset.of(x, y);
    }

    /**
     * The mixture with each label flipped with probability {@code flipRate}, redrawn from derived
     * seeds until it is not strictly linearly separable ({@link LinearSeparability}).
     *
     * @throws IllegalArgumentException if 50 draws were all separable (N too small against d)
     */
    public static Dataset overlapping(long seed, int n, int d, double meanNorm, double sd, double flipRate) {
        validate(n, d, meanNorm, sd);
        if (!(flipRate >= 0 && flipRate <= 0.5)) {
            throw new IllegalArgumentException("overlapping mixture: flipRate is " + flipRate
                    + "; it must lie in [0, 0.5]");
        }
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int attempt = 0; attempt < MAX_OVERLAP_ATTEMPTS; attempt++) {
            long s = attempt == 0 ? seed : seeds.nextLong();
            Dataset clean = sample(s, n, d, meanNorm, sd);
            SplittableRandom flips = new SplittableRandom(s ^ 0x5DEECE66DL);
            double[] y = clean.labels();
            for (int i = 0; i < n; i++) {
                if (flips.nextDouble() < flipRate) {
                    y[i] = -y[i];
                }
            }
            Dataset candidate = Dataset.of(clean.rows(), y);
            if (!LinearSeparability.of(candidate).separable()) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("overlapping mixture: " + MAX_OVERLAP_ATTEMPTS + " draws with N = " + n
                + ", d = " + d + " were all linearly separable; use more samples per dimension or more overlap");
    }

    private static void validate(int n, int d, double meanNorm, double sd) {
        if (n < 2 || d < 1) {
            throw new IllegalArgumentException("mixture: need N >= 2 and d >= 1, got N = " + n + ", d = " + d);
        }
        if (!(meanNorm >= 0) || !Double.isFinite(meanNorm) || !(sd > 0) || !Double.isFinite(sd)) {
            throw new IllegalArgumentException("mixture: meanNorm = " + meanNorm + " must be finite and >= 0, sd = "
                    + sd + " finite and > 0");
        }
    }

    private static double[] unitVector(SplittableRandom rng, int d) {
        double[] u = new double[d];
        double norm;
        do {
            norm = 0;
            for (int j = 0; j < d; j++) {
                u[j] = rng.nextGaussian();
                norm += u[j] * u[j];
            }
            norm = Math.sqrt(norm);
        } while (norm == 0);
        for (int j = 0; j < d; j++) {
            u[j] /= norm;
        }
        return u;
    }

    private static double[] balancedLabels(SplittableRandom rng, int n) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i < n / 2 ? 1.0 : -1.0;
        }
        for (int i = n - 1; i > 0; i--) {
            int k = rng.nextInt(i + 1);
            double t = y[i];
            y[i] = y[k];
            y[k] = t;
        }
        return y;
    }

    private static double[] draw(SplittableRandom rng, double[] u, double y, double meanNorm, double sd) {
        double[] x = new double[u.length];
        for (int j = 0; j < u.length; j++) {
            x[j] = y * meanNorm * u[j] + sd * rng.nextGaussian();
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}
