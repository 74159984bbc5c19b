package org.advsharp.checks.instruments;

import java.util.Locale;
import java.util.SplittableRandom;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.check.SeedRecord;
import org.advsharp.numerics.HutchinsonTrace;
import org.advsharp.numerics.LinearOperator;
import org.advsharp.numerics.Tolerances;
import org.advsharp.numerics.TraceEstimate;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * inst:hutchinson: on one adversarial Hessian, {@value #HUTCHINSON_REPETITIONS} repetitions of Hutchinson's
 * estimate with {@value #HUTCHINSON_PROBES} Rademacher probes. The mean of all probes is unbiased (a z-test
 * against the known variance of one probe, 2 sum_{i != j} H_ij^2), and the 90% interval misses trace(H) at
 * about its nominal rate, neither too often (too narrow) nor too rarely (too wide), by binomial limits; the
 * power against an interval {@value #NARROWER_INTERVAL} times as wide is recorded.
 */
final class HutchinsonInstrument implements Check {
    /**
     * Repetitions of the coverage test: with 40,000 and the allowance
     * {@link Tolerances#HUTCHINSON_CHECK_COVERAGE_SLACK} = 0.005 the acceptance region for the 90% interval is
     * about [0.088, 0.112] of misses, so an interval 5 % too narrow (miss rate 0.1175) fails with power 0.999
     * (recorded with each run), and a 95% or an 80% interval in place of a 90% one fails for sure.
     */
    private static final int HUTCHINSON_REPETITIONS = 40_000;
    /** The interval the power is stated against: half-widths this fraction of the correct ones. */
    private static final double NARROWER_INTERVAL = 0.95;
    private static final int HUTCHINSON_PROBES = 30;
    private static final double HUTCHINSON_LEVEL = 0.9;

    @Override
    public String id() {
        return "hutchinson-interval-coverage";
    }

    @Override
    public String claimId() {
        return "inst:hutchinson";
    }

    @Override
    public String title() {
        return "Hutchinson's estimate is unbiased (z-test against the known variance) and its 90% interval "
                + "covers trace(H) at about its nominal rate, neither too rarely nor too often";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        long seed = context.seed("hutchinson-repetitions");
        SplittableRandom random = new SplittableRandom(seed);
        DMatrixRMaj h = RandomMatrices.adversarialHessian(random, 80, 12);
        double trace = CommonOps_DDRM.trace(h);
        // Var of one probe z^T H z with Rademacher z: 2 sum_{i != j} H_ij^2 (inst:hutchinson).
        double probeVariance = 0;
        for (int i = 0; i < h.numRows; i++) {
            for (int j = 0; j < h.numCols; j++) {
                probeVariance += i == j ? 0 : 2 * h.get(i, j) * h.get(i, j);
            }
        }
        int repetitions = context.tries(HUTCHINSON_REPETITIONS);
        int misses = 0;
        double sumOfMeans = 0;
        for (int r = 0; r < repetitions; r++) {
            TraceEstimate estimate = HutchinsonTrace.estimate(LinearOperator.of(h), HUTCHINSON_PROBES,
                    random.nextLong(), HUTCHINSON_LEVEL);
            sumOfMeans += estimate.mean();
            if (!estimate.covers(trace)) {
                misses++;
            }
        }
        double grandMean = sumOfMeans / repetitions;
        double standardError = Math.sqrt(probeVariance / ((double) repetitions * HUTCHINSON_PROBES));
        double z = (grandMean - trace) / standardError;
        double zLimit = new NormalDistribution(null, 0, 1)
                .inverseCumulativeProbability(1 - Tolerances.COVERAGE_FALSE_ALARM / 2);
        double missRate = misses / (double) repetitions;
        double slack = Tolerances.HUTCHINSON_CHECK_COVERAGE_SLACK;
        double allowed = Tolerances.binomialUpperMissRate(1 - HUTCHINSON_LEVEL, slack, repetitions);
        double required = Tolerances.binomialLowerMissRate(1 - HUTCHINSON_LEVEL, slack, repetitions);
        // the miss rate of half-widths NARROWER_INTERVAL of the correct ones, by the t law of the interval
        TDistribution t = new TDistribution(null, HUTCHINSON_PROBES - 1);
        double narrowMiss = 2 * (1 - t.cumulativeProbability(NARROWER_INTERVAL
                * t.inverseCumulativeProbability(0.5 * (1 + HUTCHINSON_LEVEL))));
        evidence.fact("power of the coverage test against an interval " + Math.round(100 * (1 - NARROWER_INTERVAL))
                + " % too narrow (miss rate " + String.format(Locale.ROOT, "%.4f", narrowMiss) + ")",
                String.format(Locale.ROOT, "%.4f", Tolerances.coveragePower(narrowMiss, allowed,
                        repetitions)));
        evidence.seed(new SeedRecord(repetitions + " repetitions of " + HUTCHINSON_PROBES + " probes", seed,
                context.replayCommand()));
        evidence.fact("nominal miss rate", 1 - HUTCHINSON_LEVEL);
        evidence.fact("true trace, mean of the " + repetitions * HUTCHINSON_PROBES + " probes",
                trace + ", " + grandMean);
        evidence.fact("smallest bias the unbiasedness test detects with power 0.95 (relative to the trace)",
                String.format(Locale.ROOT, "%.2e", (zLimit + 1.645) * standardError / Math.abs(trace)));
        evidence.measure(Measurement.atMost("|mean of all probes - trace| / its standard error (known variance)",
                Math.abs(z), zLimit, "two-sided normal quantile at Tolerances.COVERAGE_FALSE_ALARM"));
        // A miss-rate test whose acceptance range reaches 0 or 1 cannot reject any interval: too few repetitions.
        if (required > 0 && allowed < 1) {
            evidence.measure(Measurement.atMost("observed miss rate of the " + (int) (100 * HUTCHINSON_LEVEL)
                    + "% interval (too narrow if above)", missRate, allowed, "Tolerances.binomialUpperMissRate(0.1, "
                    + "HUTCHINSON_CHECK_COVERAGE_SLACK, " + repetitions + ")"));
            evidence.measure(Measurement.atLeast("observed miss rate of the " + (int) (100 * HUTCHINSON_LEVEL)
                    + "% interval (too wide if below)", missRate, required, "Tolerances.binomialLowerMissRate(0.1, "
                    + "HUTCHINSON_CHECK_COVERAGE_SLACK, " + repetitions + ")"));
        } else {
            evidence.tooFewCases(repetitions + " repetitions cannot decide the coverage: the accepted miss rates ["
                    + required + ", " + allowed + "] reach 0 or 1");
        }
        return String.format(Locale.ROOT, "The mean of %d probes was %.2f standard errors from the true trace; the "
                + "90%% interval missed it in %d of %d repetitions (%.3f; accepted [%.3f, %.3f]).",
                repetitions * HUTCHINSON_PROBES, z, misses, repetitions, missRate, required,
                allowed);
    }
}
