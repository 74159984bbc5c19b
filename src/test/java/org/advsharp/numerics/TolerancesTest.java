package org.advsharp.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The error measures every comparison in the suite goes through. The cases are small dyadic numbers,
 * so each expected error is computed exactly and compared with equality.
 */
class TolerancesTest {

    @Test
    void vectorErrorIsTheMaxNormOfTheDifferenceOverTheMaxNormOfTheReference() {
        // |diff| = (0, 2, 1), |ref| = (1, 4, 2): 2 / 4
        assertEquals(0.5, Tolerances.relativeError(new double[] {1, 2, -3}, new double[] {1, 4, -2}));
        assertEquals(0.0, Tolerances.relativeError(new double[] {1, -2}, new double[] {1, -2}));
    }

    @Test
    void aZeroReferenceMakesAnyDifferenceHuge() {
        // floor 1e-300: an absolute difference of 1e-200 becomes 1e100
        double error = Tolerances.relativeError(new double[] {1e-200}, new double[] {0.0});
        assertEquals(1e-200 / 1e-300, error);
    }

    @Test
    void matrixErrorIsEntrywiseMaxNorm() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}});
        DMatrixRMaj b = new DMatrixRMaj(new double[][] {{1, 2}, {4, 2}});
        // |diff| max = 2 (entry 1,1), |b| max = 4
        assertEquals(0.5, Tolerances.relativeError(a, b));
        assertThrows(IllegalArgumentException.class, () -> Tolerances.relativeError(a, new DMatrixRMaj(2, 3)));
    }

    @Test
    void scalarErrorIsRelativeToTheReference() {
        assertEquals(0.5, Tolerances.relativeError(3.0, 2.0));
        assertEquals(0.75, Tolerances.relativeError(-1.0, -4.0));
        assertEquals(0.0, Tolerances.relativeError(7.0, 7.0));
    }

    @Test
    void errorAgainstAThirdScaleMatrixDividesTheAbsoluteErrorByItsMaxNorm() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}});
        DMatrixRMaj b = new DMatrixRMaj(new double[][] {{1, 2}, {4, 2}});
        DMatrixRMaj scale = new DMatrixRMaj(new double[][] {{0, -8}, {1, 0}});
        // absolute error 2, max |scale| = 8 (the entry of largest magnitude is negative)
        assertEquals(0.25, Tolerances.relativeError(a, b, scale));
        // a scale smaller than b makes the error larger: 2 / 0.5
        DMatrixRMaj small = new DMatrixRMaj(new double[][] {{0.5, 0}, {0, -0.25}});
        assertEquals(4.0, Tolerances.relativeError(a, b, small));
    }

    @Test
    void binomialUpperMissRateIsTheExactBinomialQuantile() {
        for (int repetitions : new int[] {50, 200, 1000}) {
            double p = 0.1 + Tolerances.HUTCHINSON_COVERAGE_SLACK;
            int expected = binomialQuantile(repetitions, p, 1 - Tolerances.COVERAGE_FALSE_ALARM);
            assertEquals(expected / (double) repetitions, Tolerances.binomialUpperMissRate(0.1, repetitions),
                    "repetitions " + repetitions);
        }
        // a miss probability capped at 1: every interval misses
        assertEquals(1.0, Tolerances.binomialUpperMissRate(0.99, 40));
    }

    @Test
    void binomialLowerMissRateIsTheExactLowerBinomialQuantile() {
        for (int repetitions : new int[] {200, 1000}) {
            double p = 0.1 - Tolerances.HUTCHINSON_COVERAGE_SLACK;
            int expected = binomialQuantile(repetitions, p, Tolerances.COVERAGE_FALSE_ALARM);
            assertEquals(expected / (double) repetitions, Tolerances.binomialLowerMissRate(0.1, repetitions),
                    "repetitions " + repetitions);
        }
        // a miss probability floored at 0: no miss at all is already acceptable
        assertEquals(0.0, Tolerances.binomialLowerMissRate(0.01, 500));
    }

    @Test
    void theCheckAllowanceIsPassedThroughAndThePowerIsTheUpperBinomialTail() {
        double slack = Tolerances.HUTCHINSON_CHECK_COVERAGE_SLACK;
        int expected = binomialQuantile(1000, 0.1 + slack, 1 - Tolerances.COVERAGE_FALSE_ALARM);
        assertEquals(expected / 1000.0, Tolerances.binomialUpperMissRate(0.1, slack, 1000));
        int lower = binomialQuantile(1000, 0.1 - slack, Tolerances.COVERAGE_FALSE_ALARM);
        assertEquals(lower / 1000.0, Tolerances.binomialLowerMissRate(0.1, slack, 1000));
        // n = 3, p = 1/2, limit 1/3 (1 miss allowed): P(X >= 2) = 4/8
        assertEquals(0.5, Tolerances.coveragePower(0.5, 1.0 / 3, 3), 1e-12);
        // limit 0: any miss rejects, P(X >= 1) = 7/8
        assertEquals(7.0 / 8, Tolerances.coveragePower(0.5, 0.0, 3), 1e-12);
    }

    /** Smallest k with P(X <= k) >= level for X ~ Binomial(n, p), summing the pmf by its recurrence. */
    private static int binomialQuantile(int n, double p, double level) {
        double pmf = Math.pow(1 - p, n);
        double cdf = pmf;
        int k = 0;
        while (cdf < level && k < n) {
            pmf *= (n - k) / (double) (k + 1) * p / (1 - p);
            k++;
            cdf += pmf;
        }
        return k;
    }

    /** A fall counts only beyond MONOTONICITY_FALL of the value at eps1; a rise, rounding or a NaN is no fall. */
    @Test
    void aFallCountsOnlyBeyondRounding() {
        assertTrue(Tolerances.fellBeyondRounding(1.0, 1.0 - 2 * Tolerances.MONOTONICITY_FALL));
        assertFalse(Tolerances.fellBeyondRounding(1.0, 1.0 - Tolerances.MONOTONICITY_FALL / 2));
        assertTrue(Tolerances.fellBeyondRounding(-1.0, -1.0 - 2 * Tolerances.MONOTONICITY_FALL));
        assertFalse(Tolerances.fellBeyondRounding(-1.0, -1.0 - Tolerances.MONOTONICITY_FALL / 2), "scaled by |before|");
        assertFalse(Tolerances.fellBeyondRounding(1.0, 2.0));
        assertTrue(Tolerances.fellBeyondRounding(0.0, -1e-300), "at 0 the scale is the smallest normal double");
        assertFalse(Tolerances.fellBeyondRounding(0.0, -Double.MIN_NORMAL * Tolerances.MONOTONICITY_FALL / 2));
        assertFalse(Tolerances.fellBeyondRounding(0.0, -Tolerances.MONOTONICITY_FALL * Double.MIN_NORMAL),
                "a fall of exactly the threshold is not beyond it");
        assertFalse(Tolerances.fellBeyondRounding(Double.NaN, 0.0));
    }
}
