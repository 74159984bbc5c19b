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

    /** Probes per run in the variance check: few, so that a wrong 1/S vs 1/(S - 1) shows (12.5 percent). */
    private static final int VARIANCE_SAMPLES = 8;
    /** Runs averaged in the variance check. */
    private static final int VARIANCE_REPETITIONS = 2000;
    /**
     * How many standard deviations of the averaged variance estimate the check allows: 5.5, so a
     * correct estimator fails by chance about once in 2.6e7 runs (Gaussian tail).
     */
    private static final double VARIANCE_SIGMAS = 5.5;
    /**
     * Rounding allowed in mean -+ t * se, in units of machine epsilon times its magnitude: the interval
     * is one multiply and one add away from its parts, so a few ulps suffice; 16 leaves room for the
     * t quantile being computed twice by different code paths.
     */
    private static final double INTERVAL_ROUNDING_ULPS = 16;

    /**
     * The reported standard error matches the known spread: Var(z^T A z) = 2 sum_{i != j} A_ij^2 for
     * Rademacher z. S * se^2 is the sample variance of the S probe values, an unbiased estimate of that
     * variance; averaged over R runs its relative standard deviation is sqrt(2 / ((S - 1) R)) (z^T A z
     * is close to Gaussian for a dense random A), 1.2 percent here. The allowed deviation,
     * VARIANCE_SIGMAS times that (6.6 percent), catches a divisor S instead of S - 1 (12.5 percent low)
     * and anything coarser. The check also confirms the interval is exactly mean -+ t * se.
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
        double t = new TDistribution(new Well19937c(1L), VARIANCE_SAMPLES - 1)
                .inverseCumulativeProbability(0.5 * (1 + CONFIDENCE));
        double sum = 0.0;
        for (int rep = 0; rep < VARIANCE_REPETITIONS; rep++) {
            TraceEstimate e = HutchinsonTrace.estimate(LinearOperator.of(m), VARIANCE_SAMPLES, 7_000L + rep,
                    CONFIDENCE);
            sum += VARIANCE_SAMPLES * e.standardError() * e.standardError();
            double scale = Tolerances.MACHINE_EPSILON * INTERVAL_ROUNDING_ULPS * (Math.abs(e.mean()) + t * e.standardError());
            assertEquals(e.mean() + t * e.standardError(), e.upper(), scale);
            assertEquals(e.mean() - t * e.standardError(), e.lower(), scale);
        }
        double band = VARIANCE_SIGMAS * Math.sqrt(2.0 / ((VARIANCE_SAMPLES - 1) * (double) VARIANCE_REPETITIONS));
        double ratio = sum / VARIANCE_REPETITIONS / variance;
        Measured.record("Hutchinson mean S*se^2 / 2 sum A_ij^2 - 1", Math.abs(ratio - 1.0), band);
        assertTrue(Math.abs(ratio - 1.0) <= band, "S * se^2 averages " + ratio + " times the true variance");
    }

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
        assertThrows(IllegalArgumentException.class, () -> HutchinsonTrace.estimate(op, 10, 0L, 0.0));
        // the smallest allowed sample count gives an interval with one degree of freedom
        TraceEstimate two = HutchinsonTrace.estimate(LinearOperator.of(CommonOps_DDRM.diag(1.0, 2.0)), 2, 0L, 0.5);
        assertEquals(3.0, two.mean(), 0.0);
        assertEquals(2, two.samples());
    }
}
