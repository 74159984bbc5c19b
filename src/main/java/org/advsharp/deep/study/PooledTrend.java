package org.advsharp.deep.study;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.advsharp.numerics.TrendDecision;
import org.advsharp.numerics.TrendStatistics;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The pooled trend test of the study: a series y[s][j] per seed s (block) over increasing radii j (treatments).
 *
 * <ul>
 *   <li>Page's test for ordered alternatives: rank the k values within each seed (1..k, mid-ranks for ties),
 *       L = sum_j j R_j with R_j the rank sum of radius j over seeds. Under the null (no effect of the radius)
 *       every seed's ranking is a uniform permutation, independent between seeds; the exact distribution of L is
 *       the n-fold convolution of the distribution of sum_j j r_j over the k! permutations. p_rise = P(L' >= L),
 *       p_fall = P(L' &lt;= L).</li>
 *   <li>Per seed, Kendall's tau between radius and value (reported; its sign is the seed's direction).</li>
 *   <li>The slope: per seed the least-squares slope of y on the radius, then their mean with the Student-t
 *       interval of level {@link #SLOPE_CONFIDENCE} over seeds (n - 1 degrees of freedom).</li>
 * </ul>
 *
 * <p>Decision (pre-registered in proofs/deep.md): RISE if p_rise &lt;= alpha / 2, FALL if p_fall &lt;= alpha / 2
 * (a two-sided test of level alpha split into two one-sided tails), UNDECIDED otherwise.
 *
 * @param radii     the radii
 * @param values    values[s][j]
 * @param pageL     Page's L
 * @param pRise     exact one-sided p-value for a rise
 * @param pFall     exact one-sided p-value for a fall
 * @param kendall   Kendall's tau per seed
 * @param slopes    least-squares slope per seed
 * @param slope     mean slope
 * @param slopeLow  lower end of its interval
 * @param slopeHigh upper end of its interval
 * @param alpha     the two-sided level
 * @param decision  RISE, FALL or UNDECIDED
 */
public record PooledTrend(double[] radii, double[][] values, double pageL, double pRise, double pFall,
                          double[] kendall, double[] slopes, double slope, double slopeLow, double slopeHigh,
                          double alpha, Decision decision) {

    /** Level of the slope's interval. */
    public static final double SLOPE_CONFIDENCE = 0.95;
    /** Longest series for the exact distribution (k! permutations per seed). */
    public static final int MAX_RADII = 8;

    /** The direction the test decided. */
    public enum Decision { RISE, FALL, UNDECIDED }

    /** The test of values[s][j] over the radii at two-sided level alpha. */
    public static PooledTrend of(double[] radii, double[][] values, double alpha) {
        int n = values.length;
        int k = radii.length;
        if (n < 2 || k < 2 || k > MAX_RADII) {
            throw new IllegalArgumentException("pooled trend: need >= 2 seeds and 2.." + MAX_RADII + " radii, got "
                    + n + " and " + k);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("pooled trend: alpha = " + alpha + " must be in (0, 1)");
        }
        double l = 0;
        double[] tau = new double[n];
        double[] slopes = new double[n];
        for (int s = 0; s < n; s++) {
            if (values[s].length != k) {
                throw new IllegalArgumentException("pooled trend: seed " + s + " has " + values[s].length
                        + " values for " + k + " radii");
            }
            for (double v : values[s]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("pooled trend: value " + v + " of seed " + s + " is not finite");
                }
            }
            double[] r = ranks(values[s]);
            for (int j = 0; j < k; j++) {
                l += (j + 1) * r[j];
            }
            tau[s] = kendall(values[s]);
            slopes[s] = slope(radii, values[s]);
        }
        long[] counts = pageDistribution(k, n);
        int offset = minimumL(k, n);
        // L with mid-ranks can be a half-integer; round towards the conservative side for each tail
        int upper = (int) Math.ceil(l - 1e-9);
        int lower = (int) Math.floor(l + 1e-9);
        double total = 0;
        double atLeast = 0;
        double atMost = 0;
        for (int i = 0; i < counts.length; i++) {
            total += counts[i];
            int value = i + offset;
            if (value >= lower) {
                atLeast += counts[i];
            }
            if (value <= upper) {
                atMost += counts[i];
            }
        }
        double pRise = atLeast / total;
        double pFall = atMost / total;
        double mean = Arrays.stream(slopes).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(slopes).map(x -> (x - mean) * (x - mean)).sum() / (n - 1));
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.5 * (1 + SLOPE_CONFIDENCE));
        double half = t * sd / Math.sqrt(n);
        Decision d = switch (TrendDecision.of(pRise, pFall, alpha / 2)) {
            case RISE -> Decision.RISE;
            case FALL -> Decision.FALL;
            case NEITHER -> Decision.UNDECIDED;
        };
        return new PooledTrend(radii.clone(), deepCopy(values), l, pRise, pFall, tau, slopes, mean, mean - half,
                mean + half, alpha, d);
    }

    /**
     * The power of the decision RISE at level alpha, by simulation: values[s][j] = effect * j / (k - 1) + Gaussian
     * noise of standard deviation 1, so {@code effect} is the rise over the whole radius range in noise standard
     * deviations (the seed-to-seed spread at one radius).
     */
    public static double power(int seeds, int radiiCount, double effect, double alpha, int simulations, long seed) {
        long[] counts = pageDistribution(radiiCount, seeds);
        int offset = minimumL(radiiCount, seeds);
        double total = Arrays.stream(counts).asDoubleStream().sum();
        // critical value: the smallest L with P(L' >= L) <= alpha / 2
        double tail = 0;
        int critical = offset + counts.length;
        for (int i = counts.length - 1; i >= 0; i--) {
            tail += counts[i];
            if (tail / total > alpha / 2) {
                break;
            }
            critical = offset + i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        int hits = 0;
        for (int sim = 0; sim < simulations; sim++) {
            double l = 0;
            for (int s = 0; s < seeds; s++) {
                double[] y = new double[radiiCount];
                for (int j = 0; j < radiiCount; j++) {
                    y[j] = effect * j / (radiiCount - 1.0) + random.nextGaussian();
                }
                double[] r = ranks(y);
                for (int j = 0; j < radiiCount; j++) {
                    l += (j + 1) * r[j];
                }
            }
            if (l >= critical - 1e-9) {
                hits++;
            }
        }
        return hits / (double) simulations;
    }

    /** counts[i] = number of (k!)^n rankings with L = minimumL + i. */
    static long[] pageDistribution(int k, int n) {
        int[] perm = new int[k];
        for (int i = 0; i < k; i++) {
            perm[i] = i + 1;
        }
        int min = minimumL(k, 1);
        int max = maximumL(k, 1);
        long[] one = new long[max - min + 1];
        do {
            int s = 0;
            for (int j = 0; j < k; j++) {
                s += (j + 1) * perm[j];
            }
            one[s - min]++;
        } while (TrendStatistics.nextPermutation(perm));
        long[] dist = {1};
        for (int b = 0; b < n; b++) {
            long[] next = new long[dist.length + one.length - 1];
            for (int i = 0; i < dist.length; i++) {
                if (dist[i] == 0) {
                    continue;
                }
                for (int j = 0; j < one.length; j++) {
                    next[i + j] += dist[i] * one[j];
                }
            }
            dist = next;
        }
        return dist;
    }

    private static int minimumL(int k, int n) {
        int s = 0;
        for (int j = 1; j <= k; j++) {
            s += j * (k + 1 - j);
        }
        return s * n;
    }

    private static int maximumL(int k, int n) {
        int s = 0;
        for (int j = 1; j <= k; j++) {
            s += j * j;
        }
        return s * n;
    }

    /** Kendall's tau-b between position and value. */
    static double kendall(double[] y) {
        int concordant = 0;
        int discordant = 0;
        int ties = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = i + 1; j < y.length; j++) {
                if (y[j] > y[i]) {
                    concordant++;
                } else if (y[j] < y[i]) {
                    discordant++;
                } else {
                    ties++;
                }
            }
        }
        int pairs = y.length * (y.length - 1) / 2;
        return (concordant - discordant) / Math.sqrt((double) pairs * (pairs - ties));
    }

    static double slope(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }

    static double[] ranks(double[] y) {
        return TrendStatistics.ranks(y);
    }

    private static double[][] deepCopy(double[][] v) {
        double[][] c = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            c[i] = v[i].clone();
        }
        return c;
    }
}
