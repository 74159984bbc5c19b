package org.advsharp.deep;

/**
 * A monotone trend test for a short series y_1..y_n measured at increasing x (the radii eps): Spearman's
 * rank correlation rho and its exact one-sided permutation p-value, P(rho' >= rho) over all n!
 * orderings of y (no ties assumed; ties get average ranks). With n = 4 the smallest p-value is
 * 1/24 = 0.042, reached only when y is strictly increasing.
 *
 * @param rho              Spearman's rho between position and value
 * @param pValue           exact one-sided permutation p-value for an increasing trend
 * @param strictlyIncreasing whether y_1 < y_2 < ... < y_n
 */
public record RankTrend(double rho, double pValue, boolean strictlyIncreasing) {
    /** Longest series for exact enumeration (9! = 362,880 orderings). */
    public static final int MAX_EXACT = 9;

    /** The trend of {@code y} (in the order of increasing x). */
    public static RankTrend of(double[] y) {
        int n = y.length;
        if (n < 2 || n > MAX_EXACT) {
            throw new IllegalArgumentException("rank trend: series of length " + n + " must have 2.." + MAX_EXACT
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

    private static double[] ranks(double[] y) {
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

    private static boolean nextPermutation(int[] a) {
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
