package org.advsharp.checks.attack;

import org.advsharp.oracle.Logistic;

/**
 * Projected gradient ascent on the inner problem max_{||eta|| <= eps} softplus(-y w^T (x + eta)), the
 * only attack the deep tier has (claim prop:pgd-reaches-worst-case). Steps are normalised,
 * eta_{k+1} = Proj_ball(eta_k + alpha g_k / ||g_k||), with g_k the gradient in eta.
 */
final class InnerPgd {
    private InnerPgd() {
    }

    /**
     * @param x     the clean input
     * @param y     its label
     * @param w     weights, nonzero
     * @param eps   radius
     * @param start the starting perturbation (projected onto the ball first)
     * @param alpha step length
     * @param steps number of steps
     */
    static double[] run(double[] x, double y, double[] w, double eps, double[] start, double alpha, int steps) {
        double[] eta = project(start.clone(), eps);
        int d = x.length;
        for (int k = 0; k < steps; k++) {
            // With m = y w^T (x + eta): d/d eta softplus(-m) = -sigma(-m) y w. A normalised step does not change under
            // a positive scaling of the gradient, so the factor sigma(-m) > 0 is divided out: it
            // underflows to 0 once m > 745, which would freeze the ascent on confident samples.
            double scale = -y;
            double norm = 0.0;
            for (int j = 0; j < d; j++) {
                norm += (scale * w[j]) * (scale * w[j]);
            }
            norm = Math.sqrt(norm);
            if (norm == 0.0) {
                break;
            }
            for (int j = 0; j < d; j++) {
                eta[j] += alpha * scale * w[j] / norm;
            }
            project(eta, eps);
        }
        return eta;
    }

    /** The inner objective softplus(-y w^T (x + eta)). */
    static double objective(double[] x, double y, double[] w, double[] eta) {
        double dot = 0.0;
        for (int j = 0; j < x.length; j++) {
            dot += w[j] * (x[j] + eta[j]);
        }
        return Logistic.softplus(-y * dot);
    }

    private static double[] project(double[] eta, double eps) {
        double norm = 0.0;
        for (double e : eta) {
            norm += e * e;
        }
        norm = Math.sqrt(norm);
        if (norm > eps) {
            for (int j = 0; j < eta.length; j++) {
                eta[j] *= eps / norm;
            }
        }
        return eta;
    }
}
