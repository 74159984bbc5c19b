package org.advsharp.deep;

import java.util.List;

/**
 * The largest eigenvalue of a Hessian estimated by Lanczos.
 *
 * @param value       the top Ritz value after the last step
 * @param steps       Lanczos steps taken (= Hessian-vector products)
 * @param ritzHistory the top Ritz value after each step
 * @param hvpMillis   wall time of each Hessian-vector product, ms
 * @param converged   whether the last change was within the relative tolerance
 * @param method      how the Hessian-vector products were computed
 */
public record TopEigenvalue(double value, int steps, List<Double> ritzHistory, List<Double> hvpMillis,
                            boolean converged, String method) {

    public TopEigenvalue {
        ritzHistory = List.copyOf(ritzHistory);
        hvpMillis = List.copyOf(hvpMillis);
    }

    /** Median wall time of one Hessian-vector product, ms. */
    public double medianHvpMillis() {
        double[] s = hvpMillis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (s.length == 0) {
            return Double.NaN;
        }
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}
