package org.advsharp.numerics;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * Hutchinson's stochastic trace estimator for a symmetric operator known through products:
 * trace(A) = E[z^T A z] for z with independent Rademacher entries (+1 or -1 with probability 1/2), and
 * Var(z^T A z) = 2 sum_{i != j} A_ij^2 (the diagonal contributes nothing). With S probes the estimate is
 * the sample mean, and [mean -+ t_{S-1, (1+c)/2} * sd / sqrt(S)] is the Student-t interval of nominal
 * level c (exact for Gaussian samples, asymptotically right otherwise). Used for the trace measures of
 * docs/theory.md sections 4 and 5 and for the deep tier, where only Hessian-vector products exist.
 */
public final class HutchinsonTrace {
    private HutchinsonTrace() {
    }

    /**
     * Estimates trace(A) with {@code samples} seeded Rademacher probes.
     *
     * @param op              symmetric operator
     * @param samples         number of probes S, at least 2 (one is needed for the spread)
     * @param seed            seed of the probes
     * @param confidenceLevel nominal coverage of the interval, strictly between 0 and 1
     * @throws IllegalArgumentException on a null operator or arguments out of range
     */
    public static TraceEstimate estimate(LinearOperator op, int samples, long seed, double confidenceLevel) {
        int n = Vectors.requireOperator("operator op", op);
        if (samples < 2) {
            throw new IllegalArgumentException("samples = " + samples
                    + " must be at least 2 to estimate the standard error");
        }
        if (!(confidenceLevel > 0.0 && confidenceLevel < 1.0)) {
            throw new IllegalArgumentException("confidenceLevel = " + confidenceLevel
                    + " must lie strictly between 0 and 1");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] z = new double[n];
        double[] az = new double[n];
        // Welford's running mean and sum of squared deviations.
        double mean = 0.0;
        double m2 = 0.0;
        for (int s = 1; s <= samples; s++) {
            for (int i = 0; i < n; i++) {
                z[i] = random.nextBoolean() ? 1.0 : -1.0;
            }
            op.apply(z, az);
            double x = Vectors.dot(z, az);
            double delta = x - mean;
            mean += delta / s;
            m2 += delta * (x - mean);
        }
        double variance = m2 / (samples - 1);
        double standardError = Math.sqrt(variance / samples);
        // The distribution is only asked for a quantile; its generator is seeded so nothing is unseeded.
        TDistribution t = new TDistribution(new Well19937c(seed), samples - 1);
        double quantile = t.inverseCumulativeProbability(0.5 * (1.0 + confidenceLevel));
        double half = quantile * standardError;
        return new TraceEstimate(mean, standardError, mean - half, mean + half, samples, confidenceLevel);
    }
}
