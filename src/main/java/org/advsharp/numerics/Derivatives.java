package org.advsharp.numerics;

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
