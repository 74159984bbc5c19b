package org.advsharp.training;

import static org.advsharp.numerics.Vectors.dot;
import static org.advsharp.numerics.Vectors.norm;

/**
 * Truncated, Jacobi-preconditioned conjugate gradients for a Newton system M p = r0, shared by the
 * matrix-free trainers:
 *
 * <pre>
 *   from p = 0; preconditioner diag(M) (entries that are not positive are left unscaled);
 *   stops when ||M p - r0|| <= target, after the step limit, or on non-positive curvature q^T M q <= 0,
 *   returning then the current p, or r0 itself if that happens on the first step.
 * </pre>
 */
final class PreconditionedCg {
    /** Computes out := M v. */
    interface Product {
        void apply(double[] v, double[] out);
    }

    private PreconditionedCg() {
    }

    /**
     * @param product the matrix M, symmetric
     * @param diag    the diagonal of M
     * @param rhs     r0 (for Newton, minus the gradient)
     * @param target  the residual norm at which to stop
     * @param limit   the most products to use
     * @return the truncated solution and the number of products used
     */
    static Solution solve(Product product, double[] diag, double[] rhs, double target, int limit) {
        int d = rhs.length;
        double[] p = new double[d];
        double[] r = rhs.clone();
        double[] z = new double[d];
        double[] q = new double[d];
        double[] mq = new double[d];
        for (int j = 0; j < d; j++) {
            z[j] = diag[j] > 0 ? r[j] / diag[j] : r[j];
            q[j] = z[j];
        }
        double rz = dot(r, z);
        int products = 0;
        for (int i = 0; i < limit; i++) {
            product.apply(q, mq);
            products++;
            double curvature = dot(q, mq);
            if (!(curvature > 0)) {
                return new Solution(i == 0 ? r.clone() : p, products);
            }
            double a = rz / curvature;
            for (int j = 0; j < d; j++) {
                p[j] += a * q[j];
                r[j] -= a * mq[j];
            }
            if (norm(r) <= target) {
                break;
            }
            for (int j = 0; j < d; j++) {
                z[j] = diag[j] > 0 ? r[j] / diag[j] : r[j];
            }
            double rzNext = dot(r, z);
            double beta = rzNext / rz;
            rz = rzNext;
            for (int j = 0; j < d; j++) {
                q[j] = z[j] + beta * q[j];
            }
        }
        return new Solution(p, products);
    }

    /** A truncated solution and the products it cost. */
    record Solution(double[] p, int products) {
    }
}
