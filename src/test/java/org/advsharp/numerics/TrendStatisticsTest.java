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
 * Kendall's tau and its exact p-value, the sign test and Spearman's rho on series small enough to work
 * out by hand: every expected value below is a fraction whose numerator is counted in a comment.
 */
class TrendStatisticsTest {
    /**
     * A probability that is a fraction j / n! (n <= 6) or j / 2^n (n <= 10), computed by at most a few
     * hundred additions and divisions of numbers in [0, 1]: the rounding stays below 1e-14, and any
     * wrong count moves the value by at least 1 / 720.
     */
    private static final double EXACT_FRACTION = 1e-14;
    /**
     * The sign test sums exp(log C(n, k) - n log 2); each term carries a relative error of a few ulps of
     * the logarithm (about 10), so 1e-13 relative is generous and still 10^10 times finer than one term.
     */
    private static final double LOG_SPACE = 1e-13;

    // ------------------------------------------------------------------ Kendall

    @Test
    void kendallTauCountsConcordantMinusDiscordantPairsOverAllPairs() {
        // (1, 3, 2, 4): of the 6 pairs only (3, 2) is discordant: tau = (5 - 1) / 6
        assertEquals(1, TrendStatistics.discordant(new double[] {1, 3, 2, 4}));
        assertEquals(4.0 / 6, TrendStatistics.kendallTau(new double[] {1, 3, 2, 4}), EXACT_FRACTION);
        assertEquals(1.0, TrendStatistics.kendallTau(new double[] {-5, 0, 2.5, 7}));
        assertEquals(-1.0, TrendStatistics.kendallTau(new double[] {3, 2, 1}));
        assertEquals(6, TrendStatistics.discordant(new double[] {4, 3, 2, 1}));
        // two values are the smallest series allowed
        assertEquals(1.0, TrendStatistics.kendallTau(new double[] {0, 1}));
        assertEquals(-1.0, TrendStatistics.kendallTau(new double[] {1, 0}));
    }

    @Test
    void tiesAreNeitherConcordantNorDiscordant() {
        // (1, 1, 2): pairs (1,1) tied, (1,2) and (1,2) concordant: tau-a = 2 / 3
        assertEquals(0, TrendStatistics.discordant(new double[] {1, 1, 2}));
        assertEquals(2.0 / 3, TrendStatistics.kendallTau(new double[] {1, 1, 2}), EXACT_FRACTION);
        // (2, 1, 1): two discordant pairs and one tie
        assertEquals(2, TrendStatistics.discordant(new double[] {2, 1, 1}));
        assertEquals(-2.0 / 3, TrendStatistics.kendallTau(new double[] {2, 1, 1}), EXACT_FRACTION);
        assertEquals(0.0, TrendStatistics.kendallTau(new double[] {5, 5, 5, 5}));
    }

    @Test
    void kendallTauNeedsTwoValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrendStatistics.kendallTau(new double[] {1}));
        assertEquals("Kendall's tau needs at least 2 values, got 1", e.getMessage());
    }

    @Test
    void increasingTrendPValueIsTheMahonianTail() {
        // Permutations of 4 by number of inversions 0..6: 1, 3, 5, 6, 5, 3, 1 (of 24).
        assertEquals(1.0 / 24, TrendStatistics.increasingTrendPValue(new double[] {1, 2, 3, 4}), EXACT_FRACTION);
        assertEquals(4.0 / 24, TrendStatistics.increasingTrendPValue(new double[] {1, 3, 2, 4}), EXACT_FRACTION);
        assertEquals(9.0 / 24, TrendStatistics.increasingTrendPValue(new double[] {2, 1, 4, 3}), EXACT_FRACTION);
        assertEquals(15.0 / 24, TrendStatistics.increasingTrendPValue(new double[] {3, 1, 4, 2}), EXACT_FRACTION);
        assertEquals(23.0 / 24, TrendStatistics.increasingTrendPValue(new double[] {4, 3, 1, 2}), EXACT_FRACTION);
        assertEquals(1.0, TrendStatistics.increasingTrendPValue(new double[] {4, 3, 2, 1}), EXACT_FRACTION);
        // Permutations of 3 by inversions: 1, 2, 2, 1 (of 6); of 2: 1, 1.
        assertEquals(1.0 / 6, TrendStatistics.increasingTrendPValue(new double[] {0.1, 0.2, 0.3}), EXACT_FRACTION);
        assertEquals(3.0 / 6, TrendStatistics.increasingTrendPValue(new double[] {0.2, 0.1, 0.3}), EXACT_FRACTION);
        assertEquals(0.5, TrendStatistics.increasingTrendPValue(new double[] {7, 8}), EXACT_FRACTION);
        assertEquals(1.0, TrendStatistics.increasingTrendPValue(new double[] {8, 7}), EXACT_FRACTION);
    }

    /**
     * The p-value of every ordering of 6 distinct values against a brute-force count over all 720
     * orderings (enumerated and inverted here, independently of the class).
     */
    @Test
    void increasingTrendPValueAgreesWithCountingEveryOrderingOfSix() {
        List<int[]> all = new ArrayList<>();
        permutations(new int[] {0, 1, 2, 3, 4, 5}, 0, all);
        assertEquals(720, all.size());
        int[] byInversions = new int[16];
        for (int[] p : all) {
            byInversions[inversions(p)]++;
        }
        for (int[] p : all) {
            int below = 0;
            for (int i = 0; i <= inversions(p); i++) {
                below += byInversions[i];
            }
            double[] y = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                y[i] = p[i];
            }
            assertEquals(below / 720.0, TrendStatistics.increasingTrendPValue(y), EXACT_FRACTION,
                    Arrays.toString(p));
        }
    }

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
        } while (TrendStatistics.nextPermutation(a));
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

    /** Every ordering of a[from..] appended to out (swap recursion, independent of the class). */
    private static void permutations(int[] a, int from, List<int[]> out) {
        if (from == a.length) {
            out.add(a.clone());
            return;
        }
        for (int i = from; i < a.length; i++) {
            swap(a, from, i);
            permutations(a, from + 1, out);
            swap(a, from, i);
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private static int inversions(int[] p) {
        int count = 0;
        for (int i = 0; i < p.length; i++) {
            for (int j = i + 1; j < p.length; j++) {
                count += p[i] > p[j] ? 1 : 0;
            }
        }
        return count;
    }
}
