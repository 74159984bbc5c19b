package org.advsharp.numerics;

import java.util.Arrays;

/**
 * Kendall's trend test of one sequence y_1..y_n against its position, exact and tie-aware: Kendall's tau-b
 * and the exact one-sided p-values of a rise and of a fall under the permutation null that keeps the
 * observed ties.
 *
 * <pre>
 *   C = #{i &lt; j : y_j &gt; y_i}   (concordant pairs)      D = #{i &lt; j : y_j &lt; y_i}   (discordant pairs)
 *   T = sum over groups of equal values of t (t - 1) / 2 (tied pairs),   n0 = n (n - 1) / 2 = C + D + T
 *   tau-b = (C - D) / sqrt(n0 (n0 - T))              (Kendall 1945; the positions have no ties; 0 if T = n0)
 *   H0: every arrangement of the observed values (the multiset, ties included) is equally likely
 *   P(D = k) = [n; t_1, ..., t_g]_q coefficient of q^k / (n! / (t_1! ... t_g!))      (MacMahon 1916)
 *   p_rise = P(D &lt;= D_obs),   p_fall = P(C &lt;= C_obs) = P(D &lt;= C_obs)       (C and D have the same law)
 * </pre>
 *
 * <p>The law of D is built group by group in increasing order of value: merging t equal values, larger than
 * the m placed so far, into a uniformly random arrangement adds j discordant pairs with probability
 * [m + t; t]_q coefficient of q^j / C(m + t, t) (the Gaussian binomial coefficient counts the placements), independent of
 * the arrangement of the m. Without ties every t is 1, each step adds j in {0, ..., m} with probability
 * 1/(m + 1), and the law is the Mahonian distribution (the number of inversions of a random permutation).
 * With ties the null keeps them: a constant sequence has D = C = 0 with probability 1, so p_rise = p_fall = 1,
 * not 1/n!. Since C + D = n0 - T is fixed, conditioning on the ties loses nothing: D alone is the statistic.
 *
 * <p>These p-values are exact counts, not sampling statements: on a deterministic curve p_rise is the share
 * of the arrangements of its values that have at most as many inverted (discordant) pairs as the curve.
 *
 * <p>References: M. G. Kendall, "A new measure of rank correlation", Biometrika 30 (1938) 81-93; M. G. Kendall,
 * "The treatment of ties in ranking problems", Biometrika 33 (1945) 239-251; P. A. MacMahon, Combinatory
 * Analysis, vol. 1 (1915), section III (inversions of permutations of a multiset).
 *
 * @param n           the length of the sequence
 * @param concordant  C
 * @param discordant  D
 * @param tiedPairs   T
 * @param tauB        Kendall's tau-b
 * @param pRise       exact one-sided p-value of a rise, P(D &lt;= D_obs)
 * @param pFall       exact one-sided p-value of a fall, P(C &lt;= C_obs)
 */
public record KendallTrend(int n, int concordant, int discordant, int tiedPairs, double tauB, double pRise,
                           double pFall) {

    /** The longest sequence: the counts C(m + t, t) stay far inside the range of a double (170! overflows). */
    public static final int MAX_LENGTH = 150;

    /** The test of {@code y} in the order of its positions (increasing eps, say). */
    public static KendallTrend of(double[] y) {
        int n = y.length;
        if (n < 2 || n > MAX_LENGTH) {
            throw new IllegalArgumentException("Kendall trend: a sequence of length " + n + " must have 2.." + MAX_LENGTH
                    + " values");
        }
        for (double v : y) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("Kendall trend: value " + v + " is not finite");
            }
        }
        int concordant = 0;
        int discordant = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (y[j] > y[i]) {
                    concordant++;
                } else if (y[j] < y[i]) {
                    discordant++;
                }
            }
        }
        int pairs = n * (n - 1) / 2;
        int tied = pairs - concordant - discordant;
        double tauB = tied == pairs ? 0.0 : (concordant - discordant) / Math.sqrt((double) pairs * (pairs - tied));
        double[] law = discordantLaw(tieGroups(y), pairs - tied);
        return new KendallTrend(n, concordant, discordant, tied, tauB, atMost(law, discordant), atMost(law, concordant));
    }

    /** The decision of this test at a one-sided level, see {@link TrendDecision#of}. */
    public TrendDecision decide(double level) {
        return TrendDecision.of(pRise, pFall, level);
    }

    /** Sizes of the groups of equal values, in increasing order of value. */
    static int[] tieGroups(double[] y) {
        double[] sorted = y.clone();
        Arrays.sort(sorted);
        int[] sizes = new int[sorted.length];
        int groups = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                groups++;
            }
            sizes[groups - 1]++;
        }
        return Arrays.copyOf(sizes, groups);
    }

    /** P(D = k) for k = 0..maxPairs under the null, built group by group (see the class comment). */
    static double[] discordantLaw(int[] groups, int maxPairs) {
        double[] p = new double[maxPairs + 1];
        p[0] = 1;
        int placed = 0;
        for (int t : groups) {
            double[] counts = gaussianBinomial(placed + t, t);
            double total = binomial(placed + t, t);
            double[] next = new double[maxPairs + 1];
            for (int i = 0; i <= maxPairs; i++) {
                double s = 0;
                for (int j = 0; j <= Math.min(i, counts.length - 1); j++) {
                    s += p[i - j] * counts[j];
                }
                next[i] = s / total;
            }
            p = next;
            placed += t;
        }
        return p;
    }

    /**
     * Coefficients of the Gaussian binomial [a; b]_q: entry j counts the placements of b equal large values among
     * a - b smaller ones with j (large, small) pairs in the wrong order. Recurrence
     * [a; b] = [a - 1; b - 1] + q^b [a - 1; b], with [a; 0] = [a; a] = 1.
     */
    static double[] gaussianBinomial(int a, int b) {
        double[][] row = new double[b + 1][];
        row[0] = new double[] {1};
        for (int m = 1; m <= a; m++) {
            double[][] next = new double[b + 1][];
            for (int k = 0; k <= Math.min(m, b); k++) {
                if (k == 0 || k == m) {
                    next[k] = new double[] {1};
                    continue;
                }
                double[] left = row[k - 1];
                double[] right = row[k];
                double[] c = new double[k * (m - k) + 1];
                for (int j = 0; j < left.length; j++) {
                    c[j] += left[j];
                }
                for (int j = 0; j < right.length; j++) {
                    c[j + k] += right[j];
                }
                next[k] = c;
            }
            row = next;
        }
        return row[b];
    }

    private static double binomial(int a, int b) {
        double c = 1;
        for (int i = 1; i <= b; i++) {
            c = c * (a - b + i) / i;
        }
        return Math.rint(c);
    }

    private static double atMost(double[] law, int observed) {
        double tail = 0;
        for (int i = 0; i <= Math.min(observed, law.length - 1); i++) {
            tail += law[i];
        }
        return Math.min(1.0, tail);
    }
}
