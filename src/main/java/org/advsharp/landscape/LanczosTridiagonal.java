package org.advsharp.landscape;

import java.util.ArrayList;
import java.util.List;
import org.advsharp.numerics.LinearOperator;
import org.advsharp.numerics.Vectors;

/**
 * m steps of the Lanczos recurrence from a GIVEN unit start vector q_1, with full reorthogonalisation
 * (two Gram-Schmidt passes), returning the tridiagonal T_m = Q_m^T A Q_m:
 *
 * <pre>
 *   w = A q_j - alpha_j q_j - beta_{j-1} q_{j-1},  alpha_j = q_j^T A q_j,  beta_j = ||w||,  q_{j+1} = w / beta_j.
 * </pre>
 *
 * This is the building block of stochastic Lanczos quadrature, which needs T for a chosen start vector
 * (numerics' Lanczos.topK starts from its own random vector and returns Ritz pairs only). If beta_j
 * falls to rounding level the Krylov space is invariant and the recurrence stops early: T is then
 * exact for that start vector.
 */
final class LanczosTridiagonal {
    /** beta below this times the largest |A q| seen counts as an invariant subspace (a few hundred ulps). */
    static final double BREAKDOWN = 256 * Math.ulp(1.0);

    /**
     * @param alpha the diagonal, length k (the steps actually taken, k <= m)
     * @param beta  the off-diagonal, length k - 1
     */
    record Tridiagonal(double[] alpha, double[] beta) {
        int size() {
            return alpha.length;
        }
    }

    private LanczosTridiagonal() {
    }

    static Tridiagonal run(LinearOperator op, double[] start, int steps) {
        int n = op.dimension();
        int m = Math.min(steps, n);
        List<double[]> basis = new ArrayList<>();
        double[] alpha = new double[m];
        double[] beta = new double[m];
        double[] q = start.clone();
        double scale = 0;
        double[] w = new double[n];
        int k = 0;
        while (k < m) {
            basis.add(q);
            op.apply(q, w);
            scale = Math.max(scale, Vectors.norm(w));
            alpha[k] = Vectors.dot(q, w);
            Vectors.axpy(-alpha[k], q, w);
            if (k > 0) {
                Vectors.axpy(-beta[k - 1], basis.get(k - 1), w);
            }
            reorthogonalise(w, basis);
            reorthogonalise(w, basis);
            double b = Vectors.norm(w);
            k++;
            if (k == m || b <= BREAKDOWN * scale) {
                break;
            }
            beta[k - 1] = b;
            q = w.clone();
            for (int i = 0; i < n; i++) {
                q[i] /= b;
            }
        }
        return new Tridiagonal(java.util.Arrays.copyOf(alpha, k), java.util.Arrays.copyOf(beta, Math.max(0, k - 1)));
    }

    private static void reorthogonalise(double[] w, List<double[]> basis) {
        for (double[] q : basis) {
            Vectors.axpy(-Vectors.dot(q, w), q, w);
        }
    }
}
