package org.advsharp.checks.hessian;

import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.oracle.Logistic;
import org.ejml.data.DMatrixRMaj;

/**
 * The scales that finite-difference errors are measured against in the oracle checks.
 *
 * <p>A central difference of a computed function carries rounding of order u times the size of what the
 * function adds up, divided by the step, whatever the size of the result. Where the summands cancel
 * (a gradient near a stationary point; a Hessian whose adversarial inputs x'_n are nearly 0; H = 0
 * exactly when every x'_n = 0 in one dimension) an error relative to the result alone is meaningless:
 * it reached 1e18 on such a generated case although the closed form was exact. So the error is taken
 * relative to the larger of the result and the size of its summands, the quantity the tolerances'
 * derivations (see {@link org.advsharp.numerics.Tolerances}) are stated in.
 */
final class FiniteDifferenceScales {
    private FiniteDifferenceScales() {
    }

    /**
     * The size of the summands of the gradient of the mean adversarial loss at w:
     * (1/N) sum_n sigma(-m_n) max_j |x'_nj|, with x'_n the adversarial inputs and m_n the margins.
     */
    static double gradientSummands(AdversarialLoss loss, double[] w) {
        double[] margins = loss.margins(w);
        double[][] inputs = loss.adversarialInputs(w);
        double sum = 0.0;
        for (int n = 0; n < margins.length; n++) {
            double largest = 0.0;
            for (double v : inputs[n]) {
                largest = Math.max(largest, Math.abs(v));
            }
            sum += Logistic.sigmoid(-margins[n]) * largest;
        }
        return sum / margins.length;
    }

    /** max_i |a_i - b_i| / max(scale, smallest normal double). */
    static double error(double[] a, double[] b, double scale) {
        double largest = 0.0;
        for (int i = 0; i < a.length; i++) {
            largest = Math.max(largest, Math.abs(a[i] - b[i]));
        }
        return largest / Math.max(scale, Double.MIN_NORMAL);
    }

    /** max_ij |a_ij - b_ij| / max(scale, smallest normal double). */
    static double error(DMatrixRMaj a, DMatrixRMaj b, double scale) {
        return error(a.getData(), b.getData(), scale);
    }

    /** max_i |a_i|. */
    static double maxAbs(double[] a) {
        double largest = 0.0;
        for (double v : a) {
            largest = Math.max(largest, Math.abs(v));
        }
        return largest;
    }
}
