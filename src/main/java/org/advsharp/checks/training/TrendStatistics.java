package org.advsharp.checks.training;

import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * The trend statistics of the experiment claims: Kendall's tau of a sequence against its position, the
 * exact one-sided p-value of "no increasing trend" for one sequence, and the sign test across
 * sequences.
 *
 * <ul>
 *   <li>tau = (C - D) / (n (n - 1) / 2) with C concordant and D discordant pairs (i < j with y_j > y_i,
 *       resp. y_j < y_i); ties count as neither. tau = 1 for a strictly increasing sequence.</li>
 *   <li>Exact p-value for an increasing trend: under H0 (all n! orders equally likely, no ties) the
 *       number of discordant pairs has the Mahonian distribution; p = P(D_H0 <= D_observed).</li>
 *   <li>Sign test: with k positive and m negative per-problem taus (zeros dropped), under H0 each sign is
 *       a fair coin, so p = P(Binomial(k + m, 1/2) >= k), computed exactly.</li>
 * </ul>
 */
public final class TrendStatistics {
    private TrendStatistics() {
    }

    /** Kendall's tau of y against its index 0, 1, ..., n - 1 (tau-a, ties counted as neither). */
    public static double kendallTau(double[] y) {
        int n = y.length;
        if (n < 2) {
            throw new IllegalArgumentException("Kendall's tau needs at least 2 values, got " + n);
        }
        return (concordant(y) - discordant(y)) / (n * (n - 1) / 2.0);
    }

    /** Number of pairs i < j with y_j < y_i. */
    public static int discordant(double[] y) {
        int d = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = i + 1; j < y.length; j++) {
                if (y[j] < y[i]) {
                    d++;
                }
            }
        }
        return d;
    }

    private static int concordant(double[] y) {
        int c = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = i + 1; j < y.length; j++) {
                if (y[j] > y[i]) {
                    c++;
                }
            }
        }
        return c;
    }

    /**
     * Exact one-sided p-value of an increasing trend in y: the probability that a uniformly random
     * order of n distinct values has at most as many discordant pairs as y. For a strictly increasing
     * y it is 1/n!.
     */
    public static double increasingTrendPValue(double[] y) {
        int n = y.length;
        int observed = discordant(y);
        int maxInversions = n * (n - 1) / 2;
        // Mahonian numbers M(k, i): permutations of k elements with i inversions, by the recursion
        // M(k, i) = sum_{j=0}^{min(i, k-1)} M(k-1, i-j); kept as probabilities to avoid overflow.
        double[] p = new double[maxInversions + 1];
        p[0] = 1;
        for (int k = 2; k <= n; k++) {
            double[] next = new double[maxInversions + 1];
            for (int i = 0; i <= maxInversions; i++) {
                double s = 0;
                for (int j = 0; j <= Math.min(i, k - 1); j++) {
                    s += p[i - j];
                }
                next[i] = s / k;
            }
            p = next;
        }
        double tail = 0;
        for (int i = 0; i <= observed; i++) {
            tail += p[i];
        }
        return Math.min(1.0, tail);
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
}
