package org.advsharp.numerics;

import java.util.SplittableRandom;

/**
 * Power iteration v_{k+1} = A v_k / ||A v_k|| from a seeded random unit vector: the eigenvalue of
 * LARGEST MAGNITUDE of a symmetric operator and its eigenvector. For a positive semidefinite operator
 * (such as the adversarial Hessian, lem:convex) that is lambda_max, the sharpness of
 * prop:spectral-bounds; for an indefinite one it may be the most negative eigenvalue. The error falls
 * like (|lambda_2| / |lambda_1|)^k; if lambda_1 = -lambda_2 (equal magnitudes, opposite signs) the
 * iteration does not settle and the result says converged = false.
 *
 * <p>Stopping rule: after each product, theta = v^T A v and r = ||A v - theta v||; stop when
 * r &lt;= relativeTolerance * |theta|. For symmetric A some eigenvalue lies within r of theta.
 */
public final class PowerIteration {
    private PowerIteration() {
    }

    /**
     * Runs power iteration.
     *
     * @param op                symmetric operator
     * @param maxIterations     the most products A v to take, at least 1
     * @param relativeTolerance stop when ||A v - theta v|| &lt;= relativeTolerance * |theta|; in (0, 1)
     * @param seed              seed of the random start vector
     * @throws IllegalArgumentException on a null operator or arguments out of range
     */
    public static PowerResult top(LinearOperator op, int maxIterations, double relativeTolerance, long seed) {
        int n = Vectors.requireOperator("operator op", op);
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations = " + maxIterations + " must be at least 1");
        }
        if (!(relativeTolerance > 0.0 && relativeTolerance < 1.0)) {
            throw new IllegalArgumentException("relativeTolerance = " + relativeTolerance
                    + " must lie strictly between 0 and 1");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        Vectors.normalize(v);
        double[] av = new double[n];
        double theta = 0.0;
        double residual = Double.POSITIVE_INFINITY;
        int iterations = 0;
        boolean converged = false;
        while (true) {
            op.apply(v, av);
            iterations++;
            theta = Vectors.dot(v, av);
            double[] r = av.clone();
            Vectors.axpy(-theta, v, r);
            residual = Vectors.norm(r);
            // A zero product gives theta = 0 and residual = 0: v is an exact eigenvector for 0.
            if (residual <= relativeTolerance * Math.abs(theta)) {
                converged = true;
                break;
            }
            if (iterations == maxIterations) {
                break; // keep v: theta and residual describe it
            }
            double norm = Vectors.norm(av);
            for (int i = 0; i < n; i++) {
                v[i] = av[i] / norm;
            }
        }
        Vectors.canonicalSign(v);
        return new PowerResult(theta, v, residual, iterations, converged);
    }
}
