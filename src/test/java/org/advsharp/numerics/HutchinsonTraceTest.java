package org.advsharp.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class HutchinsonTraceTest {
    /** Independent repetitions of the interval, each with its own seed. */
    private static final int REPETITIONS = 1000;
    private static final int SAMPLES = 40;
    private static final double CONFIDENCE = 0.90;

    /**
     * Coverage: over REPETITIONS seeded runs the number of intervals that miss the true trace is
     * Binomial(R, p) with p the true miss rate. If the interval is right, p lies in
     * [1 - CONFIDENCE - HUTCHINSON_COVERAGE_SLACK, 1 - CONFIDENCE + HUTCHINSON_COVERAGE_SLACK]; the
     * miss count must then lie between the COVERAGE_FALSE_ALARM quantile of the lower rate and the
     * 1 - COVERAGE_FALSE_ALARM quantile of the upper rate. Too many misses means an interval too
     * narrow or biased; too few means one too wide.
     */
    @Test
    void studentTIntervalCoversTheTrueTraceAtAboutItsStatedRate() {
        int n = 30;
        DMatrixRMaj m = PlantedMatrices.randomSymmetric(n, 404L);
        double trace = CommonOps_DDRM.trace(m);
        LinearOperator op = LinearOperator.of(m);
        int misses = 0;
        for (int rep = 0; rep < REPETITIONS; rep++) {
            TraceEstimate e = HutchinsonTrace.estimate(op, SAMPLES, 9_000L + rep, CONFIDENCE);
            if (!e.covers(trace)) {
                misses++;
            }
        }
        double nominalMiss = 1.0 - CONFIDENCE;
        int allowedMost = new BinomialDistribution(null, REPETITIONS,
                nominalMiss + Tolerances.HUTCHINSON_COVERAGE_SLACK)
                .inverseCumulativeProbability(1.0 - Tolerances.COVERAGE_FALSE_ALARM);
        int allowedLeast = new BinomialDistribution(null, REPETITIONS,
                nominalMiss - Tolerances.HUTCHINSON_COVERAGE_SLACK)
                .inverseCumulativeProbability(Tolerances.COVERAGE_FALSE_ALARM);
        Measured.record("Hutchinson miss rate minus nominal (R=" + REPETITIONS + ")",
                Math.abs(misses / (double) REPETITIONS - nominalMiss), Tolerances.HUTCHINSON_COVERAGE_SLACK);
        assertTrue(misses <= allowedMost && misses >= allowedLeast, "interval missed the trace " + misses
                + " times in " + REPETITIONS + "; allowed " + allowedLeast + ".." + allowedMost);
    }

    /**
     * The reported standard error matches the known spread: Var(z^T A z) = 2 sum_{i != j} A_ij^2 for
     * Rademacher z. S * se^2 is the sample variance of the S probe values, an unbiased estimate of that
     * variance; averaged over REPETITIONS runs its relative standard deviation is about
     * sqrt(2 / ((S - 1) R)) = 0.72 percent (z^T A z is close to Gaussian for a dense random A).
     * The check also confirms the interval is mean -+ t * se.
     */
    @Test
    void standardErrorMatchesTheRademacherVariance() {
        int n = 25;
        DMatrixRMaj m = PlantedMatrices.randomSymmetric(n, 505L);
        double variance = 0.0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    variance += 2.0 * m.get(i, j) * m.get(i, j);
                }
            }
        }
        double sum = 0.0;
        for (int rep = 0; rep < REPETITIONS; rep++) {
            TraceEstimate e = HutchinsonTrace.estimate(LinearOperator.of(m), SAMPLES, 7_000L + rep, CONFIDENCE);
            sum += SAMPLES * e.standardError() * e.standardError();
            // interval is mean -+ t quantile * se
            double t = new TDistribution(new Well19937c(1L), SAMPLES - 1)
                    .inverseCumulativeProbability(0.5 * (1 + CONFIDENCE));
            assertEquals(e.mean() + t * e.standardError(), e.upper(), Tolerances.EIGEN_RESIDUAL * Math.abs(e.upper()));
            assertEquals(e.mean() - t * e.standardError(), e.lower(), Tolerances.EIGEN_RESIDUAL * Math.abs(e.upper()));
        }
        double ratio = sum / REPETITIONS / variance;
        Measured.record("Hutchinson mean S*se^2 / 2 sum A_ij^2 - 1", Math.abs(ratio - 1.0), VARIANCE_BAND);
        assertTrue(Math.abs(ratio - 1.0) <= VARIANCE_BAND, "S * se^2 averages " + ratio + " times the true variance");
    }

    /**
     * Allowed relative deviation of the averaged S * se^2 from the true variance: 0.04 is about 5.5
     * standard deviations of that average (0.72 percent, see standardErrorMatchesTheRademacherVariance),
     * so a correct estimator fails by chance less than once in 10^7 runs, while a standard error off by
     * 2 percent or more (for instance a missing square root or a wrong 1/S) is caught.
     */
    private static final double VARIANCE_BAND = 0.04;

    @Test
    void diagonalOperatorIsEstimatedExactlyWithZeroSpread() {
        DMatrixRMaj d = CommonOps_DDRM.diag(1.0, -2.0, 3.5, 0.25);
        TraceEstimate e = HutchinsonTrace.estimate(LinearOperator.of(d), 5, 1L, 0.95);
        assertEquals(2.75, e.mean(), 0.0);
        assertEquals(0.0, e.standardError(), 0.0);
        assertTrue(e.covers(2.75));
        assertEquals(5, e.samples());
        assertEquals(0.95, e.confidenceLevel());
    }

    @Test
    void rejectsBadArguments() {
        LinearOperator op = LinearOperator.of(new DMatrixRMaj(2, 2));
        assertThrows(IllegalArgumentException.class, () -> HutchinsonTrace.estimate(null, 10, 0L, 0.9));
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> HutchinsonTrace.estimate(op, 1, 0L, 0.9));
        assertTrue(one.getMessage().contains("samples = 1"));
        assertThrows(IllegalArgumentException.class, () -> HutchinsonTrace.estimate(op, 10, 0L, 1.0));
        assertThrows(IllegalArgumentException.class, () -> HutchinsonTrace.estimate(op, 10, 0L, Double.NaN));
    }
}
