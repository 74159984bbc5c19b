package org.advsharp.training;

import static org.advsharp.numerics.Vectors.norm;

import org.ejml.data.DMatrixRMaj;

/** The term (lambda/2) ||w||^2 added to a loss, its gradient and its Hessian, in place where possible. */
final class WeightDecay {
    private WeightDecay() {
    }

    /** loss + (lambda/2) ||w||^2. */
    static double value(double loss, double[] w, double lambda) {
        double norm = norm(w);
        return loss + 0.5 * lambda * norm * norm;
    }

    /** Adds lambda w to the gradient g and returns g. */
    static double[] gradient(double[] g, double[] w, double lambda) {
        for (int j = 0; j < g.length; j++) {
            g[j] += lambda * w[j];
        }
        return g;
    }

    /** Adds lambda I to the Hessian h and returns h. */
    static DMatrixRMaj hessian(DMatrixRMaj h, double lambda) {
        for (int j = 0; j < h.numRows; j++) {
            h.add(j, j, lambda);
        }
        return h;
    }
}
