package org.advsharp.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.advsharp.deep.DeepTolerances;
import org.junit.jupiter.api.Test;

/** The exact permutation trend test behind the ResNet and softmax trend verdicts. */
class RankTrendTest {
    /** Exact fractions k/24 computed in double: equality up to a few ulps. */
    private static final double EXACT = 1e-12;

    @Test
    void onlyAStrictlyIncreasingSeriesOfFourReachesTheSmallestPValue() {
        RankTrend up = RankTrend.of(new double[] {1, 2, 3, 40});
        assertEquals(1.0, up.rho(), EXACT);
        assertEquals(1.0 / 24, up.pValue(), EXACT);
        assertTrue(up.strictlyIncreasing());
        assertTrue(up.pValue() <= DeepTolerances.TREND_SIGNIFICANCE);
        RankTrend oneSwap = RankTrend.of(new double[] {1, 3, 2, 4});
        assertTrue(oneSwap.pValue() > DeepTolerances.TREND_SIGNIFICANCE, "p = " + oneSwap.pValue());
        RankTrend down = RankTrend.of(new double[] {4, 3, 2, 1});
        assertEquals(-1.0, down.rho(), EXACT);
        assertEquals(1.0, down.pValue(), EXACT);
    }

    @Test
    void nonFiniteValuesAndBadLengthsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> RankTrend.of(new double[] {1, Double.NaN, 3}));
        assertThrows(IllegalArgumentException.class, () -> RankTrend.of(new double[] {1}));
    }
}
