package org.advsharp.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sign test and Spearman's rho on series small enough to work out by hand (Kendall's test:
 * {@link KendallTrendTest}): every expected value below is a fraction whose numerator is counted in a comment.
 */
class TrendStatisticsTest {
    /**
     * The values checked are ratios of small whole numbers: counts of orderings over n! (n <= 9) and
     * Spearman's sxy / sqrt(sxx syy) with half-integer sums, a few roundings each, far below 1e-14 on values
     * at most 1. A wrong count moves a value by at least 1 / 9! = 2.8e-6.
     */
    private static final double EXACT_FRACTION = 1e-14;
    /**
     * The sign test sums exp(log C(n, k) - n log 2); each term carries a relative error of a few ulps of
     * the logarithm (about 10), so 1e-13 relative is generous and still 10^10 times finer than one term.
     */
    private static final double LOG_SPACE = 1e-13;

    // ------------------------------------------------------------------ sign test

    @Test
    void signTestIsTheUpperBinomialTail() {
        // n = 3: P(X >= 3) = 1/8, P(X >= 2) = (3 + 1)/8, P(X >= 0) = 1
        assertRelative(1.0 / 8, TrendStatistics.signTestPValue(3, 0));
        assertRelative(4.0 / 8, TrendStatistics.signTestPValue(2, 1));
        assertRelative(1.0, TrendStatistics.signTestPValue(0, 3));
        // n = 10, 5 up: C(10, k) for k = 5..10 is 252, 210, 120, 45, 10, 1, together 638 of 1024
        assertRelative(638.0 / 1024, TrendStatistics.signTestPValue(5, 5));
        // n = 10, 9 up: 10 + 1 of 1024
        assertRelative(11.0 / 1024, TrendStatistics.signTestPValue(9, 1));
        assertEquals(1.0, TrendStatistics.signTestPValue(0, 0), "no signs: no evidence");
    }

    @Test
    void signTestRejectsNegativeCounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrendStatistics.signTestPValue(-1, 4));
        assertEquals("sign test: counts must be >= 0, got -1, 4", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrendStatistics.signTestPValue(4, -1));
    }

    private static void assertRelative(double expected, double actual) {
        assertEquals(expected, actual, LOG_SPACE * expected);
    }

    // ------------------------------------------------------------------ Spearman

    @Test
    void spearmanWithTiesUsesMidRanks() {
        // (1, 2, 2, 3): ranks (1, 2.5, 2.5, 4); about the mean 2.5, position deviations (-1.5, -0.5, 0.5, 1.5)
        // and rank deviations (-1.5, 0, 0, 1.5): sxy = 4.5, sxx = 5, syy = 4.5, rho = 4.5 / sqrt(22.5).
        double[] y = {1, 2, 2, 3};
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, TrendStatistics.ranks(y));
        RankTrend t = TrendStatistics.spearmanTrend(y);
        assertEquals(Math.sqrt(0.9), t.rho(), EXACT_FRACTION);
        // only the 2 orderings that keep the tied pair in the middle reach sxy = 4.5: p = 2 / 24
        assertEquals(2.0 / 24, t.pValue(), EXACT_FRACTION);
        assertFalse(t.strictlyIncreasing(), "a tie is not an increase");
    }

    @Test
    void spearmanOnTheShortestAndLongestSeriesAllowed() {
        RankTrend two = TrendStatistics.spearmanTrend(new double[] {0.3, 0.7});
        assertEquals(1.0, two.rho(), EXACT_FRACTION);
        assertEquals(0.5, two.pValue(), EXACT_FRACTION);
        assertTrue(two.strictlyIncreasing());
        double[] nine = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        RankTrend up = TrendStatistics.spearmanTrend(nine);
        assertEquals(1.0, up.rho(), EXACT_FRACTION);
        assertEquals(1.0 / 362_880, up.pValue(), EXACT_FRACTION);
        assertTrue(up.strictlyIncreasing());
        IllegalArgumentException ten = assertThrows(IllegalArgumentException.class,
                () -> TrendStatistics.spearmanTrend(new double[10]));
        assertEquals("rank trend: series of length 10 must have 2..9 points", ten.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrendStatistics.spearmanTrend(new double[1]));
        assertThrows(IllegalArgumentException.class,
                () -> TrendStatistics.spearmanTrend(new double[] {0, Double.POSITIVE_INFINITY}));
    }

    @Test
    void onlyAStrictlyIncreasingSeriesIsCalledStrictlyIncreasing() {
        assertFalse(TrendStatistics.spearmanTrend(new double[] {2, 1, 3}).strictlyIncreasing(), "falls first");
        assertFalse(TrendStatistics.spearmanTrend(new double[] {1, 3, 2}).strictlyIncreasing(), "falls last");
        assertFalse(TrendStatistics.spearmanTrend(new double[] {1, 2, 2}).strictlyIncreasing(), "ends level");
        assertTrue(TrendStatistics.spearmanTrend(new double[] {-1, 2, 2.5}).strictlyIncreasing());
        // (1, 3, 2): position deviations (-1, 0, 1), rank deviations (-1, 1, 0): rho = 1/2; orderings with
        // sxy >= 1: (1,2,3) with 2 and (1,3,2), (2,1,3) with 1: p = 3/6
        RankTrend swap = TrendStatistics.spearmanTrend(new double[] {1, 3, 2});
        assertEquals(0.5, swap.rho(), EXACT_FRACTION);
        assertEquals(0.5, swap.pValue(), EXACT_FRACTION);
    }

    // ------------------------------------------------------------------ permutations

    @Test
    void nextPermutationStepsThroughEveryOrderingInLexicographicOrder() {
        int[] a = {0, 1, 2};
        List<String> seen = new ArrayList<>();
        do {
            seen.add(Arrays.toString(a));
        } while (TrendStatistics.nextPermutation(a) && seen.size() < 100);
        assertEquals(List.of("[0, 1, 2]", "[0, 2, 1]", "[1, 0, 2]", "[1, 2, 0]", "[2, 0, 1]", "[2, 1, 0]"), seen);
        assertArrayEquals(new int[] {2, 1, 0}, a, "unchanged after the last ordering");
    }

    @Test
    void nextPermutationOfAMultisetVisitsEachDistinctOrderingOnce() {
        // (0, 0, 1, 1) has 4! / (2! 2!) = 6 distinct orderings
        int[] a = {0, 0, 1, 1};
        List<String> seen = new ArrayList<>();
        do {
            seen.add(Arrays.toString(a));
        } while (TrendStatistics.nextPermutation(a) && seen.size() < 100);
        assertEquals(List.of("[0, 0, 1, 1]", "[0, 1, 0, 1]", "[0, 1, 1, 0]", "[1, 0, 0, 1]", "[1, 0, 1, 0]",
                "[1, 1, 0, 0]"), seen);
        assertFalse(TrendStatistics.nextPermutation(new int[] {3}), "one element has one ordering");
    }
}
