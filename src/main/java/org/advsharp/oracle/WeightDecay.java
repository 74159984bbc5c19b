package org.advsharp.oracle;

import org.ejml.data.DMatrixRMaj;

/**
 * The weight-decay term (lambda/2) ||w||^2 added to a loss, its gradient lambda w and its Hessian lambda I,
 * in place where possible. The one implementation: the L2 adversarial objective
 * ({@link PenalizedAdversarialLoss}) and the training objectives all add it here.
 */
public final class WeightDecay {
    private WeightDecay() {
    }

    /** lambda itself when it is a valid weight decay (finite and >= 0); otherwise an error naming it. */
    public static double checked(double lambda) {
        return Require.weightDecay(lambda);
    }

    /** loss + (lambda/2) ||w||^2. */
    public static double value(double loss, double[] w, double lambda) {
        double norm = Require.norm(w);
        return loss + 0.5 * lambda * norm * norm;
    }

    /** Adds lambda w to the gradient g and returns g. */
    public static double[] gradient(double[] g, double[] w, double lambda) {
        for (int j = 0; j < g.length; j++) {
            g[j] += lambda * w[j];
        }
        return g;
    }

    /** Adds lambda I to the Hessian h and returns h. */
    public static DMatrixRMaj hessian(DMatrixRMaj h, double lambda) {
        for (int j = 0; j < h.numRows; j++) {
            h.add(j, j, lambda);
        }
        return h;
    }
}
