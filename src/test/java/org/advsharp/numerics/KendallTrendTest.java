package org.advsharp.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kendall's tau-b and its exact, tie-aware p-values against counts made here by brute force over every
 * ordering (a swap recursion, independent of the class), and the one trend decision.
 */
class KendallTrendTest {
    /**
     * The p-values checked are counts over n! (n &lt;= 7) computed by a recursion of at most n levels, each a sum
     * of at most 16 products and one division (a few u relative), and a tail of at most 22 terms: below
     * 100 u, that is 2.2e-14, on values at most 1. A wrong count moves a value by at least 1/7! = 2e-4.
     */
    private static final double EXACT_FRACTION = 1e-13;

    @Test
    void countsPairsAndTauBOnSeriesWorkedOutByHand() {
        // (1, 3, 2, 4): of the 6 pairs only (3, 2) is discordant: tau = (5 - 1) / 6, no ties
        KendallTrend t = KendallTrend.of(new double[] {1, 3, 2, 4});
        assertEquals(List.of(5, 1, 0), List.of(t.concordant(), t.discordant(), t.tiedPairs()));
        assertEquals(4.0 / 6, t.tauB(), EXACT_FRACTION);
        assertEquals(1.0, KendallTrend.of(new double[] {-5, 0, 2.5, 7}).tauB());
        assertEquals(-1.0, KendallTrend.of(new double[] {3, 2, 1}).tauB());
        // (1, 1, 2): one tied pair, two concordant: tau-b = 2 / sqrt(3 * 2)
        KendallTrend tied = KendallTrend.of(new double[] {1, 1, 2});
        assertEquals(2 / Math.sqrt(6), tied.tauB(), EXACT_FRACTION);
        assertEquals(-2 / Math.sqrt(6), KendallTrend.of(new double[] {2, 1, 1}).tauB(), EXACT_FRACTION);
        assertEquals(1.0, KendallTrend.of(new double[] {0, 1}).tauB());
    }

    @Test
    void withoutTiesThePValueIsTheMahonianTail() {
        // Permutations of 4 by number of inversions 0..6: 1, 3, 5, 6, 5, 3, 1 (of 24).
        assertEquals(1.0 / 24, KendallTrend.of(new double[] {1, 2, 3, 4}).pRise(), EXACT_FRACTION);
        assertEquals(4.0 / 24, KendallTrend.of(new double[] {1, 3, 2, 4}).pRise(), EXACT_FRACTION);
        assertEquals(9.0 / 24, KendallTrend.of(new double[] {2, 1, 4, 3}).pRise(), EXACT_FRACTION);
        assertEquals(15.0 / 24, KendallTrend.of(new double[] {3, 1, 4, 2}).pRise(), EXACT_FRACTION);
        assertEquals(23.0 / 24, KendallTrend.of(new double[] {4, 3, 1, 2}).pRise(), EXACT_FRACTION);
        assertEquals(1.0, KendallTrend.of(new double[] {4, 3, 2, 1}).pRise(), EXACT_FRACTION);
        assertEquals(1.0 / 24, KendallTrend.of(new double[] {4, 3, 2, 1}).pFall(), EXACT_FRACTION);
        assertEquals(0.5, KendallTrend.of(new double[] {7, 8}).pRise(), EXACT_FRACTION);
        // ten distinct values in order: 1/10!; with 6 of the 45 pairs inverted: 1.11e-3 (proofs/fashion.md)
        double[] rising = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertEquals(1 / 3628800.0, KendallTrend.of(rising).pRise(), 1e-20);
        double[] sixInverted = {3, 2, 1, 0, 4, 5, 6, 7, 8, 9};
        assertEquals(6, KendallTrend.of(sixInverted).discordant());
        assertEquals(1.11e-3, KendallTrend.of(sixInverted).pRise(), 0.005e-3);
    }

    @Test
    void aConstantCurveIsNeitherARiseNorAFall() {
        KendallTrend t = KendallTrend.of(new double[] {5, 5, 5, 5, 5, 5, 5, 5, 5, 5});
        assertEquals(List.of(0, 0, 45), List.of(t.concordant(), t.discordant(), t.tiedPairs()));
        assertEquals(1.0, t.pRise(), EXACT_FRACTION);
        assertEquals(1.0, t.pFall(), EXACT_FRACTION);
        assertEquals(0.0, t.tauB());
        assertEquals(TrendDecision.NEITHER, t.decide(1e-3));
    }

    /** With ties: every p-value of every ordering of a multiset against counting all 7! labelled orderings. */
    @Test
    void withTiesThePValuesAreThoseOfThePermutationNullThatKeepsTheTies() {
        double[] values = {0, 0, 1, 1, 1, 2, 3};
        List<int[]> all = new ArrayList<>();
        permutations(new int[] {0, 1, 2, 3, 4, 5, 6}, 0, all);
        assertEquals(5040, all.size());
        int[] byDiscordant = new int[22];
        for (int[] p : all) {
            byDiscordant[discordant(arrange(values, p))]++;
        }
        for (int[] p : all) {
            double[] y = arrange(values, p);
            int d = discordant(y);
            int c = discordant(reversed(y));
            int atMostD = 0;
            int atMostC = 0;
            for (int i = 0; i < byDiscordant.length; i++) {
                atMostD += i <= d ? byDiscordant[i] : 0;
                atMostC += i <= c ? byDiscordant[i] : 0;
            }
            KendallTrend t = KendallTrend.of(y);
            assertEquals(atMostD / 5040.0, t.pRise(), EXACT_FRACTION, Arrays.toString(y));
            assertEquals(atMostC / 5040.0, t.pFall(), EXACT_FRACTION, Arrays.toString(y));
        }
        // the smallest p: the sorted multiset, 2! 3! of the 5040 orderings = 12/5040, not 1/5040
        assertEquals(12.0 / 5040, KendallTrend.of(values).pRise(), EXACT_FRACTION);
    }

    @Test
    void theDecisionIsRiseThenFallThenNeither() {
        assertEquals(TrendDecision.RISE, TrendDecision.of(1e-3, 0.9, 1e-3));
        assertEquals(TrendDecision.FALL, TrendDecision.of(0.9, 1e-3, 1e-3));
        assertEquals(TrendDecision.NEITHER, TrendDecision.of(2e-3, 0.9, 1e-3));
        assertEquals(TrendDecision.RISE, KendallTrend.of(new double[] {1, 2, 3, 4}).decide(0.05));
        assertEquals(TrendDecision.FALL, KendallTrend.of(new double[] {4, 3, 2, 1}).decide(0.05));
        assertEquals(TrendDecision.NEITHER, KendallTrend.of(new double[] {1, 3, 2, 4}).decide(0.05));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrendDecision.of(1.5, 0, 0.1));
        assertEquals("trend decision: p-values 1.5 (rise) and 0.0 (fall) must lie in [0, 1]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrendDecision.of(0.1, 0.1, 0));
    }

    /**
     * p-values are allowed on all of [0, 1], so an exact p of 0 (a caller with an exact count of nothing) is a
     * decision, not an error; the level must lie strictly inside (0, 1): level 1 would call every curve a rise.
     */
    @Test
    void pValuesOfZeroAreDecidedAndALevelOfZeroOrOneIsRefused() {
        assertEquals(TrendDecision.RISE, TrendDecision.of(0, 1, 0.05));
        assertEquals(TrendDecision.FALL, TrendDecision.of(1, 0, 0.05));
        assertEquals(TrendDecision.NEITHER, TrendDecision.of(1, 1, 0.05));
        for (double level : new double[] {0, 1, -0.5, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TrendDecision.of(0.5, 0.5, level));
            assertEquals("trend decision: level " + level + " must lie in (0, 1)", e.getMessage());
        }
    }

    @Test
    void refusesTooShortAndNonFiniteSeries() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KendallTrend.of(new double[] {1}));
        assertEquals("Kendall trend: a sequence of length 1 must have 2..150 values", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> KendallTrend.of(new double[] {1, Double.NaN}));
        assertEquals("Kendall trend: value NaN is not finite", e.getMessage());
    }

    /**
     * A series of MAX_LENGTH = 150 values is accepted: 150 values in order have p_rise = 1/150! (about 1.7e-263,
     * still a normal double), here against the product of 1/k for k = 1..150 (150 roundings each way, so
     * 1e-12 relative is ample); one value more is refused with the length named.
     */
    @Test
    void theLongestSeriesIsAcceptedAndOneValueMoreIsRefused() {
        double[] longest = new double[KendallTrend.MAX_LENGTH];
        double oneOverFactorial = 1.0;
        for (int i = 0; i < longest.length; i++) {
            longest[i] = i;
            oneOverFactorial /= i + 1;
        }
        KendallTrend t = KendallTrend.of(longest);
        assertEquals(150 * 149 / 2, t.concordant());
        assertEquals(1.0, t.tauB());
        assertEquals(oneOverFactorial, t.pRise(), 1e-12 * oneOverFactorial);
        assertEquals(1.0, t.pFall(), EXACT_FRACTION);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KendallTrend.of(new double[KendallTrend.MAX_LENGTH + 1]));
        assertEquals("Kendall trend: a sequence of length 151 must have 2..150 values", e.getMessage());
    }

    private static double[] arrange(double[] values, int[] order) {
        double[] y = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            y[i] = values[order[i]];
        }
        return y;
    }

    private static double[] reversed(double[] y) {
        double[] r = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            r[i] = y[y.length - 1 - i];
        }
        return r;
    }

    private static int discordant(double[] y) {
        int count = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = i + 1; j < y.length; j++) {
                count += y[i] > y[j] ? 1 : 0;
            }
        }
        return count;
    }

    /** Every ordering of a[from..] appended to out (swap recursion). */
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
}
