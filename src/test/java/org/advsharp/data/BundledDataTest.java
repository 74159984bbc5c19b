package org.advsharp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BundledDataTest {
    /**
     * Standardised columns have mean 0 and population variance 1 up to the rounding of sums of 569
     * terms of size about 1: each sum carries a relative error of a few 1e-16 per term, so 1e-12 is
     * loose for rounding and far too tight for a wrong divisor (N - 1 instead of N changes the
     * variance by 1/568, about 1.8e-3).
     */
    private static final double STANDARDISATION_TOLERANCE = 1e-12;

    @Test
    void digitsHaveTheDocumentedShapeAndClassSizes() {
        LabelledImages digits = BundledData.digits();
        assertEquals(1797, digits.size());
        assertEquals(64, digits.dimension());
        assertEquals(10, digits.classes());
        int[] counts = digits.classCounts();
        assertEquals(178, counts[0]);
        assertEquals(182, counts[1]);
        assertEquals(183, counts[3]);
        assertEquals(174, counts[8]);
        for (int c : counts) {
            assertTrue(c >= 174 && c <= 183, "class size " + c);
        }
    }

    @Test
    void digitPixelsAreScaledToTheUnitIntervalAndReachBothEnds() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : BundledData.digits().rows()) {
            for (double v : row) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        assertEquals(0.0, min);
        assertEquals(1.0, max);
        // first image, first row of the file: 0,0,5,13,9,1,0,0
        assertArrayEquals(new double[] {0, 0, 5 / 16.0, 13 / 16.0, 9 / 16.0, 1 / 16.0, 0, 0},
                Arrays.copyOf(BundledData.digits().row(0), 8));
        assertEquals(0, BundledData.digits().label(0));
    }

    @Test
    void binaryPairsUseMinusOneForTheFirstDigit() {
        Dataset d01 = BundledData.digits0vs1();
        assertEquals(360, d01.size());
        assertEquals(-1.0, d01.label(0));
        long plus = Arrays.stream(d01.labels()).filter(y -> y > 0).count();
        assertEquals(182, plus);
        Dataset d38 = BundledData.digits3vs8();
        assertEquals(357, d38.size());
        assertEquals(174, Arrays.stream(d38.labels()).filter(y -> y > 0).count());
    }

    @Test
    void breastCancerIsStandardisedWithPopulationSd() {
        Dataset bc = BundledData.breastCancer();
        assertEquals(569, bc.size());
        assertEquals(30, bc.dimension());
        assertEquals(357, Arrays.stream(bc.labels()).filter(y -> y > 0).count());
        for (int j = 0; j < bc.dimension(); j++) {
            double mean = 0;
            double sq = 0;
            for (int i = 0; i < bc.size(); i++) {
                mean += bc.feature(i, j);
                sq += bc.feature(i, j) * bc.feature(i, j);
            }
            mean /= bc.size();
            assertEquals(0.0, mean, STANDARDISATION_TOLERANCE, "mean of column " + j);
            assertEquals(1.0, sq / bc.size(), STANDARDISATION_TOLERANCE, "population variance of column " + j);
        }
    }

    @Test
    void constantColumnIsOnlyCentred() {
        double[][] z = BundledData.standardise(new double[][] {{2, 1}, {2, 3}});
        assertArrayEquals(new double[] {0, -1}, z[0]);
        assertArrayEquals(new double[] {0, 1}, z[1]);
    }

    @Test
    void attributionIsBundled() {
        assertTrue(BundledData.class.getResource("/datasets/ATTRIBUTION.md") != null);
    }
}
