package org.advsharp.numerics;

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.ejml.data.DMatrixRMaj;

/**
 * A function's value, gradient and Hessian at one point, as computed by forward-mode automatic
 * differentiation ({@link ForwardModeAdversarialLoss}). Immutable; accessors return copies.
 */
public final class Derivatives {
    private final double value;
    private final double[] gradient;
    private final DMatrixRMaj hessian;

    Derivatives(double value, double[] gradient, DMatrixRMaj hessian) {
        this.value = value;
        this.gradient = gradient.clone();
        this.hessian = hessian.copy();
    }

    /**
     * Reads value, gradient and Hessian out of a DerivativeStructure of order 2 in its d free parameters
     * (the partial derivatives of orders e_i and e_i + e_j).
     */
    public static Derivatives of(DerivativeStructure f) {
        int d = f.getFreeParameters();
        double[] gradient = new double[d];
        DMatrixRMaj hessian = new DMatrixRMaj(d, d);
        int[] orders = new int[d];
        for (int i = 0; i < d; i++) {
            orders[i] = 1;
            gradient[i] = f.getPartialDerivative(orders);
            for (int j = 0; j <= i; j++) {
                orders[j]++;
                double hij = f.getPartialDerivative(orders);
                orders[j]--;
                hessian.set(i, j, hij);
                hessian.set(j, i, hij);
            }
            orders[i] = 0;
        }
        return new Derivatives(f.getValue(), gradient, hessian);
    }

    /** f(w). */
    public double value() {
        return value;
    }

    /** grad f(w) (a copy). */
    public double[] gradient() {
        return gradient.clone();
    }

    /** The d x d Hessian of f at w (a copy). */
    public DMatrixRMaj hessian() {
        return hessian.copy();
    }

    /** d, the number of variables. */
    public int dimension() {
        return gradient.length;
    }
}
