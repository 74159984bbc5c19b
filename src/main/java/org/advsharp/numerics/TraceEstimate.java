package org.advsharp.numerics;

/**
 * A stochastic trace estimate with its Student-t confidence interval (see {@link HutchinsonTrace}).
 *
 * @param mean            the sample mean of the probe values z^T A z: the unbiased trace estimate
 * @param standardError   sample standard deviation / sqrt(samples)
 * @param lower           mean - t * standardError, t the (1 + confidenceLevel)/2 quantile of Student's t
 *                        with samples - 1 degrees of freedom
 * @param upper           mean + t * standardError
 * @param samples         the number of probes S
 * @param confidenceLevel the nominal coverage of [lower, upper], in (0, 1)
 */
public record TraceEstimate(double mean, double standardError, double lower, double upper, int samples,
                            double confidenceLevel) {

    /** Whether lower &lt;= value &lt;= upper (no extra slack). */
    public boolean covers(double value) {
        return lower <= value && value <= upper;
    }
}
