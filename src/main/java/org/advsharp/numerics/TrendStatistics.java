package org.advsharp.numerics;

import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * The rank-trend statistics of the suite, in one place with {@link KendallTrend} (Kendall's tau-b of one
 * sequence against its position and its exact, tie-aware one-sided p-values) and {@link TrendDecision} (the
 * one rise / fall / neither rule): the sign test across sequences (the experiment claims of the linear model),
 * and Spearman's rho with its exact permutation p-value ({@link RankTrend}, the deep tier's short series over
 * the radii).
 *
 * <ul>
 *   <li>Sign test: with k positive and m negative per-problem taus (zeros dropped), under H0 each sign is
 *       a fair coin, so p = P(Binomial(k + m, 1/2) >= k), computed exactly.</li>
 *   <li>Spearman's rho: ties get mid-ranks and the permutation null is enumerated over the n! orders of those
 *       ranks, so it keeps the ties.</li>
 * </ul>
 */
public final class TrendStatistics {
    private TrendStatistics() {
    }

    /** P(Binomial(positive + negative, 1/2) >= positive), exactly. */
    public static double signTestPValue(int positive, int negative) {
        if (positive < 0 || negative < 0) {
            throw new IllegalArgumentException("sign test: counts must be >= 0, got " + positive + ", " + negative);
        }
        int n = positive + negative;
        if (n == 0) {
            return 1.0;
        }
        double p = 0;
        for (int k = positive; k <= n; k++) {
            p += Math.exp(CombinatoricsUtils.binomialCoefficientLog(n, k) - n * Math.log(2));
        }
        return Math.min(1.0, p);
    }

    /**
     * Spearman's rho of y against its position and its exact one-sided permutation p-value over all n!
     * orderings (2 &lt;= n &lt;= {@link RankTrend#MAX_EXACT}; ties get average ranks).
     */
    public static RankTrend spearmanTrend(double[] y) {
        int n = y.length;
        if (n < 2 || n > RankTrend.MAX_EXACT) {
            throw new IllegalArgumentException("rank trend: series of length " + n + " must have 2.." + RankTrend.MAX_EXACT
                    + " points");
        }
        for (double v : y) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("rank trend: value " + v + " is not finite");
            }
        }
        double[] ranks = ranks(y);
        double rho = spearman(ranks);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        long atLeast = 0;
        long total = 0;
        do {
            double[] permuted = new double[n];
            for (int i = 0; i < n; i++) {
                permuted[i] = ranks[perm[i]];
            }
            if (spearman(permuted) >= rho - 1e-12) {
                atLeast++;
            }
            total++;
        } while (nextPermutation(perm));
        boolean increasing = true;
        for (int i = 1; i < n; i++) {
            increasing &= y[i] > y[i - 1];
        }
        return new RankTrend(rho, atLeast / (double) total, increasing);
    }

    private static double spearman(double[] ranks) {
        int n = ranks.length;
        double meanRank = (n + 1) / 2.0;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = (i + 1) - meanRank;
            double dy = ranks[i] - meanRank;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    /** Ranks 1..n of y, ties given their average rank (mid-ranks). */
    public static double[] ranks(double[] y) {
        int n = y.length;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double less = 0;
            double equal = 0;
            for (int j = 0; j < n; j++) {
                if (y[j] < y[i]) {
                    less++;
                } else if (y[j] == y[i]) {
                    equal++;
                }
            }
            r[i] = less + (equal + 1) / 2.0;
        }
        return r;
    }

    /** Steps a to the next permutation in lexicographic order; false (and a unchanged) after the last. */
    public static boolean nextPermutation(int[] a) {
        int i = a.length - 2;
        while (i >= 0 && a[i] >= a[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = a.length - 1;
        while (a[j] <= a[i]) {
            j--;
        }
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
        for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
            t = a[l];
            a[l] = a[r];
            a[r] = t;
        }
        return true;
    }
}
