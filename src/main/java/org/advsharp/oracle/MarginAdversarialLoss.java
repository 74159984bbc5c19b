package org.advsharp.oracle;

import org.advsharp.data.Dataset;
import org.ejml.data.DMatrixRMaj;

/**
 * The L2 adversarial mean loss of a linear model for any convex decreasing margin loss l
 * (claim prop:margin-loss-hessian; {@link AdversarialLoss} is the logistic case):
 *
 * <pre>
 *   L_eps(w) = (1/N) sum_n max_{||eta|| &lt;= eps} l(y_n w^T (x_n + eta)) = (1/N) sum_n l(m_n),
 *   m_n = y_n w^T x_n - eps ||w||
 * </pre>
 *
 * <p>l is decreasing, so the worst case is the smallest margin, attained at eta*_n = -eps y_n w_hat as for
 * the logistic loss; x'_n = x_n - eps y_n w_hat. With grad m_n = y_n x'_n and
 * Hess m_n = -(eps/||w||) P:
 *
 * <pre>
 *   grad L_eps = (1/N) sum_n l'(m_n) y_n x'_n
 *   H = A + kappa P,  A = (1/N) sum_n l''(m_n) x'_n x'_n^T,  kappa = (eps/||w||) (1/N) sum_n (-l'(m_n)),
 *   P = I - w_hat w_hat^T
 * </pre>
 *
 * <p>{@link AdversarialLoss} is its logistic member. The radial term of the gradient uses
 * y_n x'_n = y_n x_n - eps w_hat, so the attack adds eps w_hat (1/N) sum_n (-l'(m_n)). No weight decay.
 * Immutable; the data are copied once.
 */
public final class MarginAdversarialLoss extends AttackedLoss {

    /**
     * @param data    the samples, labels in {-1, +1}
     * @param loss    the margin loss l
     * @param epsilon the L2 attack radius, finite and &gt;= 0
     */
    public MarginAdversarialLoss(Dataset data, MarginLoss loss, double epsilon) {
        super(data, loss, epsilon);
    }

    public MarginLoss loss() {
        return loss;
    }

    /** Adversarial margins m_n = y_n w^T x_n - eps ||w||; defined at w = 0 too. */
    @Override
    public double[] margins(double[] w) {
        Require.vector("w", w, d);
        return marginsUnchecked(w, Require.norm(w));
    }

    /**
     * grad L_eps(w) = (1/N) sum_n l'(m_n) y_n x'_n = (1/N) sum_n l'(m_n) y_n x_n + eps w_hat (1/N) sum_n (-l'(m_n)).
     * At eps = 0 this exists everywhere; for eps &gt; 0, w = 0 is a kink and is rejected.
     */
    public double[] gradient(double[] w) {
        Require.vector("w", w, d);
        double norm = epsilon > 0 ? Require.nonZeroNorm(w, "the gradient of the adversarial loss")
                : Require.norm(w);
        double[] m = marginsUnchecked(w, norm);
        double[] g = new double[d];
        double pullSum = 0.0;
        for (int i = 0; i < n; i++) {
            double a = -loss.slope(m[i]);
            pullSum += a;
            double c = a * y[i];
            int offset = i * d;
            for (int j = 0; j < d; j++) {
                g[j] -= c * x[offset + j];
            }
        }
        double radial = epsilon > 0 ? epsilon * pullSum / (n * norm) : 0.0;
        for (int j = 0; j < d; j++) {
            g[j] = g[j] / n + radial * w[j];
        }
        return g;
    }

    /** The Hessian H = A + kappa P with its parts; w = 0 is rejected (w_hat does not exist there). */
    public HessianDecomposition hessian(double[] w) {
        Require.vector("w", w, d);
        double norm = Require.nonZeroNorm(w, "the Hessian H = A + kappa P");
        double[] m = marginsUnchecked(w, norm);
        double[] unit = new double[d];
        for (int j = 0; j < d; j++) {
            unit[j] = w[j] / norm;
        }
        double[] adversarial = adversarialRows(unit);
        double[] curvatures = new double[n];
        double pullSum = 0.0;
        for (int i = 0; i < n; i++) {
            curvatures[i] = loss.curvature(m[i]);
            pullSum += -loss.slope(m[i]);
        }
        DMatrixRMaj a = Gram.weighted(adversarial, n, d, curvatures);
        double kappa = (epsilon / norm) * (pullSum / n);
        return new HessianDecomposition(a, kappa, unit, norm, m, curvatures, x, n, d);
    }

    /** Adversarial inputs x'_n = x_n - eps y_n w/||w|| as rows (w = 0 allowed only at eps = 0). */
    public double[][] adversarialInputs(double[] w) {
        Require.vector("w", w, d);
        double[] unit = new double[d];
        if (epsilon > 0) {
            double norm = Require.nonZeroNorm(w, "the attack direction w/||w||");
            for (int j = 0; j < d; j++) {
                unit[j] = w[j] / norm;
            }
        }
        double[] rows = adversarialRows(unit);
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows, i * d, out[i], 0, d);
        }
        return out;
    }

    private double[] adversarialRows(double[] unit) {
        double[] rows = new double[n * d];
        for (int i = 0; i < n; i++) {
            double shift = epsilon * y[i];
            int offset = i * d;
            for (int j = 0; j < d; j++) {
                rows[offset + j] = x[offset + j] - shift * unit[j];
            }
        }
        return rows;
    }

    private double[] marginsUnchecked(double[] w, double norm) {
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            int offset = i * d;
            double dot = 0.0;
            for (int j = 0; j < d; j++) {
                dot += x[offset + j] * w[j];
            }
            m[i] = y[i] * dot - epsilon * norm;
        }
        return m;
    }
}
