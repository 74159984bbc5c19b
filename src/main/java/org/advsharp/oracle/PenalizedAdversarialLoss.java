package org.advsharp.oracle;

import org.ejml.data.DMatrixRMaj;

/**
 * The training objective L_eps(w) + (lambda/2) ||w||^2: weight decay adds lambda w to the gradient and
 * lambda I to the Hessian, so it shifts every eigenvalue by lambda and changes no monotonicity in eps.
 */
public final class PenalizedAdversarialLoss {
    private final AdversarialLoss loss;
    private final double lambda;

    /**
     * @param loss   the adversarial loss
     * @param lambda weight decay, finite and >= 0
     */
    public PenalizedAdversarialLoss(AdversarialLoss loss, double lambda) {
        if (loss == null) {
            throw new IllegalArgumentException("adversarial loss is missing (null)");
        }
        this.loss = loss;
        this.lambda = Require.weightDecay(lambda);
    }

    public AdversarialLoss loss() {
        return loss;
    }

    public double lambda() {
        return lambda;
    }

    /** L_eps(w) + (lambda/2) ||w||^2. */
    public double value(double[] w) {
        Require.vector("w", w, loss.data().dimension());
        return WeightDecay.value(loss.value(w), w, lambda);
    }

    /** grad L_eps(w) + lambda w. */
    public double[] gradient(double[] w) {
        return WeightDecay.gradient(loss.gradient(w), w, lambda);
    }

    /** H + lambda I. */
    public DMatrixRMaj hessian(double[] w) {
        return WeightDecay.hessian(loss.hessian(w).full(), lambda);
    }
}
