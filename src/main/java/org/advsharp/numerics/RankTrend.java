package org.advsharp.numerics;

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

    /** The trend of {@code y} (in the order of increasing x); see {@link TrendStatistics#spearmanTrend}. */
    public static RankTrend of(double[] y) {
        return TrendStatistics.spearmanTrend(y);
    }
}
