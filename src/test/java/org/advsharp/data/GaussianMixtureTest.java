package org.advsharp.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GaussianMixtureTest {
    /**
     * A point moved onto the planted margin has margin gamma up to the rounding of a d-term dot
     * product of O(1) numbers (a few ulps of 1); 1e-12 leaves room for d <= 100 and fails for any
     * shift that misses the margin by a visible amount.
     */
    private static final double MARGIN_ROUNDING = 1e-12;

    private static double margin(Dataset d, int i, double[] u) {
        double s = 0;
        for (int j = 0; j < d.dimension(); j++) {
            s += u[j] * d.feature(i, j);
        }
        return d.label(i) * s;
    }

    @Test
    void sameSeedSameDataOtherSeedOtherData() {
        assertEquals(GaussianMixture.sample(7, 30, 4, 1, 1), GaussianMixture.sample(7, 30, 4, 1, 1));
        assertNotEquals(GaussianMixture.sample(7, 30, 4, 1, 1), GaussianMixture.sample(8, 30, 4, 1, 1));
        for (SyntheticRegime r : SyntheticRegime.values()) {
            assertEquals(r.generate(3, 40, 3), r.generate(3, 40, 3), r.name());
        }
    }

    @Test
    void labelsAreBalanced() {
        Dataset d = GaussianMixture.sample(1, 31, 2, 1, 1);
        assertEquals(15, Arrays.stream(d.labels()).filter(y -> y > 0).count());
    }

    @Test
    void separableRegimeIsSeparatedByThePlantedDirection() {
        long seed = 11;
        Dataset d = GaussianMixture.separable(seed, 60, 5, 0.5, 1);
        double[] u = GaussianMixture.plantedDirection(seed, 5);
        for (int i = 0; i < d.size(); i++) {
            assertTrue(margin(d, i, u) > 0, "row " + i);
        }
        assertTrue(LinearSeparability.of(d).separable());
    }

    @Test
    void plantedMarginIsAttainedAndNeverUndercut() {
        long seed = 5;
        double gamma = 0.75;
        Dataset d = GaussianMixture.plantedMargin(seed, 80, 3, gamma, 1, 1);
        double[] u = GaussianMixture.plantedDirection(seed, 3);
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < d.size(); i++) {
            min = Math.min(min, margin(d, i, u));
        }
        assertEquals(gamma, min, MARGIN_ROUNDING);
        assertTrue(LinearSeparability.l2Margin(d, u) >= gamma - MARGIN_ROUNDING);
    }

    @Test
    void overlappingRegimeIsNotSeparable() {
        for (long seed = 0; seed < 5; seed++) {
            assertFalse(LinearSeparability.of(SyntheticRegime.OVERLAPPING.generate(seed, 60, 4)).separable());
        }
    }

    @Test
    void overlappingGivesUpClearlyWhenEveryDrawIsSeparable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GaussianMixture.overlapping(1, 3, 10, 1, 1, 0));
        assertTrue(e.getMessage().contains("were all linearly separable"), e.getMessage());
    }

    @Test
    void badArgumentsAreRejectedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GaussianMixture.sample(1, 1, 2, 1, 1))
                .getMessage().contains("N >= 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GaussianMixture.sample(1, 5, 2, 1, 0))
                .getMessage().contains("sd"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> GaussianMixture.plantedMargin(1, 5, 2, -1, 1, 1)).getMessage().contains("margin"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> GaussianMixture.separable(1, 5, 2, 0, 1)).getMessage().contains("meanNorm"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> GaussianMixture.overlapping(1, 5, 2, 1, 1, 0.7)).getMessage().contains("flipRate"));
    }

    @Test
    void alongDirectionUsesTheGivenMeanDirection() {
        Dataset d = GaussianMixture.alongDirection(3, 4000, new double[] {2, 0, 0}, 1.5, 0.5);
        double[] mean = new double[3];
        for (int i = 0; i < d.size(); i++) {
            for (int j = 0; j < 3; j++) {
                mean[j] += d.label(i) * d.feature(i, j) / d.size();
            }
        }
        // mean(y x) = meanNorm * u + noise of sd 0.5/sqrt(4000) = 0.008 per component; 0.05 is 6 sd.
        assertEquals(1.5, mean[0], 0.05);
        assertEquals(0.0, mean[1], 0.05);
        assertThrows(IllegalArgumentException.class,
                () -> GaussianMixture.alongDirection(3, 10, new double[] {0, 0}, 1, 1));
    }
}
