package org.advsharp.oracle;

import org.advsharp.data.Dataset;
import org.ejml.data.DMatrixRMaj;

/**
 * The Linf adversarial mean logistic loss (claim prop:linf-no-direction-term):
 *
 * <pre>
 *   L_inf(w) = (1/N) sum_n softplus(-m_n),  m_n = y_n w^T x_n - eps ||w||_1
 *   grad     = -(1/N) sum_n sigma(-m_n) y_n x''_n,  x''_n = x_n - eps y_n sign(w)
 *   Hessian  = (1/N) sum_n s(m_n) x''_n x''_n^T     (off the kinks w_j = 0)
 * </pre>
 *
 * <p>The Hessian is the clean Hessian at the adversarial inputs held fixed: sign(w) is locally constant,
 * so, unlike the L2 case, there is no direction term.
 */
public final class LinfAdversarialLoss extends AttackedLoss {

    /**
     * @param data    the samples, labels in {-1, +1}
     * @param epsilon the Linf attack radius, finite and >= 0
     */
    public LinfAdversarialLoss(Dataset data, double epsilon) {
        super(data, MarginLoss.logistic(), epsilon);
    }

    /** m_n = y_n w^T x_n - eps ||w||_1. */
    @Override
    public double[] margins(double[] w) {
        Require.vector("w", w, d);
        double l1 = 0.0;
        for (double wj : w) {
            l1 += Math.abs(wj);
        }
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            double dot = 0.0;
            for (int j = 0; j < d; j++) {
                dot += x[i * d + j] * w[j];
            }
            m[i] = y[i] * dot - epsilon * l1;
        }
        return m;
    }

    /** -(1/N) sum_n sigma(-m_n) y_n x''_n; rejects a zero component of w when eps > 0 (a kink). */
    public double[] gradient(double[] w) {
        double[] m = margins(w);
        double[] rows = adversarialRows(w);
        double[] g = new double[d];
        for (int i = 0; i < n; i++) {
            double c = Logistic.sigmoid(-m[i]) * y[i] / n;
            for (int j = 0; j < d; j++) {
                g[j] -= c * rows[i * d + j];
            }
        }
        return g;
    }

    /** (1/N) sum_n s(m_n) x''_n x''_n^T; rejects a zero component of w when eps > 0 (a kink). */
    public DMatrixRMaj hessian(double[] w) {
        double[] m = margins(w);
        double[] rows = adversarialRows(w);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = Logistic.curvature(m[i]);
        }
        return Gram.weighted(rows, n, d, s);
    }

    private double[] adversarialRows(double[] w) {
        if (epsilon > 0) {
            for (int j = 0; j < d; j++) {
                if (w[j] == 0.0) {
                    throw new IllegalArgumentException("w[" + j + "] = 0: the Linf adversarial loss has a kink "
                            + "there (|w_j| is not differentiable), so its gradient and Hessian do not exist");
                }
            }
        }
        double[] rows = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                rows[i * d + j] = x[i * d + j] - epsilon * y[i] * Math.signum(w[j]);
            }
        }
        return rows;
    }
}
