package org.advsharp.oracle;

import org.advsharp.data.Dataset;
import org.ejml.data.DMatrixRMaj;

/**
 * The L2 adversarial mean logistic loss of a linear model (claims lem:closed-form-loss, prop:hessian):
 *
 * <pre>
 *   L_eps(w) = (1/N) sum_n max_{||eta|| <= eps} softplus(-y_n w^T (x_n + eta))
 *            = (1/N) sum_n softplus(-m_n),      m_n = y_n w^T x_n - eps ||w||
 * </pre>
 *
 * <p>The inner maximum is attained at eta*_n = -eps y_n w/||w|| (lem:worst-case-l2), so the adversarial
 * input is x'_n = x_n - eps y_n w_hat. Gradient and Hessian (prop:hessian, prop:decomposition):
 *
 * <pre>
 *   grad L_eps = -(1/N) sum_n sigma(-m_n) y_n x'_n
 *   H = A + kappa P,  A = (1/N) sum_n s(m_n) x'_n x'_n^T,  kappa = (eps/||w||) (1/N) sum_n sigma(-m_n),
 *   P = I - w_hat w_hat^T
 * </pre>
 *
 * <p>No weight decay here; see {@link PenalizedAdversarialLoss}. Immutable; the data are copied once.
 */
public final class AdversarialLoss extends AttackedLoss {

    /**
     * @param data    the samples, labels in {-1, +1}
     * @param epsilon the L2 attack radius, finite and >= 0
     */
    public AdversarialLoss(Dataset data, double epsilon) {
        super(data, epsilon);
    }

    /** The same data at another radius. */
    public AdversarialLoss atEpsilon(double otherEpsilon) {
        return new AdversarialLoss(data, otherEpsilon);
    }

    /** Adversarial margins m_n = y_n w^T x_n - eps ||w||; defined at w = 0 too (there L_eps = log 2). */
    @Override
    public double[] margins(double[] w) {
        Require.vector("w", w, d);
        return marginsUnchecked(w, Require.norm(w));
    }

    /**
     * grad L_eps(w) = -(1/N) sum_n sigma(-m_n) y_n x'_n. At eps = 0 this is the clean gradient and exists
     * everywhere; for eps > 0, w = 0 is a kink and is rejected.
     */
    public double[] gradient(double[] w) {
        Require.vector("w", w, d);
        double norm = epsilon > 0 ? Require.nonZeroNorm(w, "the gradient of the adversarial loss")
                : Require.norm(w);
        double[] m = marginsUnchecked(w, norm);
        double[] g = new double[d];
        double sigmaSum = 0.0;
        for (int i = 0; i < n; i++) {
            double a = Logistic.sigmoid(-m[i]);
            sigmaSum += a;
            double c = a * y[i];
            int offset = i * d;
            for (int j = 0; j < d; j++) {
                g[j] -= c * x[offset + j];
            }
        }
        // y_n x'_n = y_n x_n - eps w_hat, so the attack adds eps w_hat (1/N) sum sigma(-m_n).
        double radial = epsilon > 0 ? epsilon * sigmaSum / (n * norm) : 0.0;
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
        double[] s = new double[n];
        double sigmaSum = 0.0;
        for (int i = 0; i < n; i++) {
            s[i] = Logistic.curvature(m[i]);
            sigmaSum += Logistic.sigmoid(-m[i]);
        }
        DMatrixRMaj a = Gram.weighted(adversarial, n, d, s);
        double kappa = (epsilon / norm) * (sigmaSum / n);
        return new HessianDecomposition(a, kappa, unit, norm, m, s, x, n, d);
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
