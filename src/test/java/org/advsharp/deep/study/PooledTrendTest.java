package org.advsharp.deep.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Page's exact distribution, the three decisions, the slope interval and the power simulation. */
class PooledTrendTest {
    private static final double[] RADII = {0, 0.25, 0.5, 0.75, 1};

    @Test
    void exactDistributionCountsEveryRankingOnce() {
        long[] counts = PooledTrend.pageDistribution(5, 3);
        assertEquals(120L * 120 * 120, Arrays.stream(counts).sum());
        // symmetric about its mean: L and 2 E[L] - L are equally likely
        for (int i = 0; i < counts.length; i++) {
            assertEquals(counts[i], counts[counts.length - 1 - i]);
        }
        // k = 3, n = 1: sum j r_j over the 6 permutations of (1, 2, 3) is 10, 11, 11, 13, 13, 14
        assertEquals(Arrays.toString(new long[] {1, 2, 0, 2, 1}), Arrays.toString(PooledTrend.pageDistribution(3, 1)));
    }

    @Test
    void everySeedRisingIsTheMostExtremeRise() {
        double[][] v = new double[5][];
        for (int s = 0; s < 5; s++) {
            v[s] = new double[] {1 + s, 2 + s, 3.5 + s, 4 + s, 7 + s};
        }
        PooledTrend t = PooledTrend.of(RADII, v, 0.05);
        assertEquals(Math.pow(120, -5), t.pRise(), 1e-20);
        assertEquals(1.0, t.pFall());
        assertEquals(PooledTrend.Decision.RISE, t.decision());
        for (double tau : t.kendall()) {
            assertEquals(1.0, tau);
        }
        assertEquals(5.6, t.slope(), 1e-12);
        assertEquals(t.slope(), t.slopeLow(), 1e-9);
    }

    @Test
    void fallsAndNoiseAreDecidedAsSuch() {
        double[][] down = new double[4][];
        for (int s = 0; s < 4; s++) {
            down[s] = new double[] {5, 4, 3.5, 2, 1 - s};
        }
        assertEquals(PooledTrend.Decision.FALL, PooledTrend.of(RADII, down, 0.05).decision());
        double[][] mixed = {{1, 2, 3, 4, 5}, {5, 4, 3, 2, 1}, {2, 1, 4, 3, 5}, {5, 3, 4, 1, 2}, {3, 1, 4, 1.5, 5}};
        PooledTrend t = PooledTrend.of(RADII, mixed, 0.05);
        assertEquals(PooledTrend.Decision.UNDECIDED, t.decision());
        assertTrue(t.slopeLow() < 0 && t.slopeHigh() > 0, "the slope interval straddles 0");
    }

    @Test
    void powerIsTheLevelWithoutEffectAndGrowsWithIt() {
        double none = PooledTrend.power(5, 5, 0, 0.05, 20_000, 1L);
        assertTrue(none <= 0.025 + 0.005, "false-positive rate " + none);
        double two = PooledTrend.power(5, 5, 2, 0.05, 20_000, 1L);
        double three = PooledTrend.power(5, 5, 3, 0.05, 20_000, 1L);
        assertTrue(two > 0.7 && three > two, two + " " + three);
    }

    @Test
    void refusesWhatItCannotTest() {
        assertThrows(IllegalArgumentException.class, () -> PooledTrend.of(RADII, new double[][] {{1, 2, 3, 4, 5}}, 0.05));
        assertThrows(IllegalArgumentException.class, () -> PooledTrend.of(RADII,
                new double[][] {{1, 2, 3, 4, 5}, {1, 2, Double.NaN, 4, 5}}, 0.05));
        assertThrows(IllegalArgumentException.class, () -> PooledTrend.of(RADII,
                new double[][] {{1, 2, 3, 4, 5}, {1, 2, 3, 4}}, 0.05));
    }
}
