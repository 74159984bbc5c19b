package org.advsharp.landscape;

import org.advsharp.numerics.LinearOperator;

/**
 * The one interface every sharpness measure works through: a training loss as a function of the
 * weights, with its gradient and a matrix-free Hessian at any point. The linear model implements it
 * in closed form ({@link LinearModelSurface}); the deep tier implements it with PGD and
 * Hessian-vector products, so the same measures (top-k eigenvalues, trace, spectral density,
 * epsilon-sharpness, loss curves) run on both.
 *
 * <p>For an adversarial loss, {@link #value} must recompute the attack at the weights it is given
 * (the robust loss of Wu et al. 2020), not reuse the attack of the trained weights.
 */
public interface LossSurface {

    /** The number of weights. */
    int dimension();

    /** The loss at weights w (attack recomputed at w for adversarial losses). */
    double value(double[] w);

    /** The gradient at w. */
    double[] gradient(double[] w);

    /** The Hessian at w as a symmetric operator v -> H v. */
    LinearOperator hessianAt(double[] w);

    /** One line naming the surface, for reports. */
    String description();
}
