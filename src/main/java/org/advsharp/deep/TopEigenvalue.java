package org.advsharp.deep;

import java.util.List;

/**
 * The largest eigenvalue of a network's Hessian estimated by Lanczos ({@link HessianOperator#topEigenvalue}),
 * with its certificate.
 *
 * @param value           the top Ritz value
 * @param steps           Lanczos steps taken (products, not counting the residual's)
 * @param residual        ||H y - value y|| / |value| at the Ritz vector y (one extra product)
 * @param converged       residual &lt;= {@link HessianOperator#CONVERGED_RESIDUAL}
 * @param hvpMillis       wall time of each product, ms (the residual's included)
 * @param kinkRefinements products whose finite-difference step was shrunk after meeting a kink
 * @param unresolvedKinks products that still met a kink at the smallest step
 * @param method          how the products were computed
 */
public record TopEigenvalue(double value, int steps, double residual, boolean converged, List<Double> hvpMillis,
                            int kinkRefinements, int unresolvedKinks, String method) {

    public TopEigenvalue {
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
