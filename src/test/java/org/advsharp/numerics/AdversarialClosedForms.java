package org.advsharp.numerics;

import java.util.SplittableRandom;
import org.advsharp.data.Dataset;
import org.ejml.data.DMatrixRMaj;

/**
 * The closed forms of docs/theory.md sections 2 and 3, written out again here in plain double arithmetic as
 * the test's reference for the forward-mode oracle (the production closed forms live in another
 * package and are checked against the forward-mode oracle elsewhere).
 *
 * <p>L2: m_n = y_n w^T x_n - eps ||w||, x'_n = x_n - eps y_n w/||w||,
 * grad = -(1/N) sum sigma(-m_n) y_n x'_n, H = (1/N) sum s(m_n) x'_n x'_n^T + kappa (I - w_hat w_hat^T),
 * kappa = (eps/||w||)(1/N) sum sigma(-m_n), s(m) = sigma(m) sigma(-m).
 * <p>Linf: m_n = y_n w^T x_n - eps ||w||_1, g_n = y_n x_n - eps sign(w),
 * grad = -(1/N) sum sigma(-m_n) g_n, H = (1/N) sum s(m_n) g_n g_n^T.
 */
final class AdversarialClosedForms {
    private AdversarialClosedForms() {
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1.0 / (1.0 + Math.exp(-z)) : Math.exp(z) / (1.0 + Math.exp(z));
    }

    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    /** A seeded two-class Gaussian mixture: x = y mu + N(0, I). */
    static Dataset mixture(int n, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] mu = new double[d];
        for (int j = 0; j < d; j++) {
            mu[j] = random.nextGaussian() * 0.7;
        }
        double[][] rows = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextBoolean() ? 1.0 : -1.0;
            for (int j = 0; j < d; j++) {
                rows[i][j] = y[i] * mu[j] + random.nextGaussian();
            }
        }
        return Dataset.of(rows, y);
    }

    /** The direction each margin moves in: dm_n/dw (y_n x'_n for L2, g_n for Linf). */
    private static double[] marginGradient(Dataset data, int row, double eps, double[] w, boolean linf) {
        int d = w.length;
        double norm = Vectors.norm(w);
        double[] g = new double[d];
        for (int j = 0; j < d; j++) {
            double attack = linf ? Math.signum(w[j]) : (eps == 0.0 ? 0.0 : w[j] / norm);
            g[j] = data.label(row) * data.feature(row, j) - eps * attack;
        }
        return g;
    }

    static double margin(Dataset data, int row, double eps, double[] w, boolean linf) {
        double score = 0.0;
        double l1 = 0.0;
        for (int j = 0; j < w.length; j++) {
            score += w[j] * data.feature(row, j);
            l1 += Math.abs(w[j]);
        }
        return data.label(row) * score - eps * (linf ? l1 : Vectors.norm(w));
    }

    static double value(Dataset data, double eps, double[] w, boolean linf) {
        double s = 0.0;
        for (int row = 0; row < data.size(); row++) {
            s += softplus(-margin(data, row, eps, w, linf));
        }
        return s / data.size();
    }

    static double[] gradient(Dataset data, double eps, double[] w, boolean linf) {
        int d = w.length;
        double[] g = new double[d];
        for (int row = 0; row < data.size(); row++) {
            double weight = sigmoid(-margin(data, row, eps, w, linf));
            Vectors.axpy(-weight / data.size(), marginGradient(data, row, eps, w, linf), g);
        }
        return g;
    }

    static DMatrixRMaj hessian(Dataset data, double eps, double[] w, boolean linf) {
        int d = w.length;
        int n = data.size();
        DMatrixRMaj h = new DMatrixRMaj(d, d);
        double sigmaSum = 0.0;
        for (int row = 0; row < n; row++) {
            double m = margin(data, row, eps, w, linf);
            double s = sigmoid(m) * sigmoid(-m);
            sigmaSum += sigmoid(-m);
            double[] g = marginGradient(data, row, eps, w, linf);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    h.add(i, j, s * g[i] * g[j] / n);
                }
            }
        }
        if (!linf && eps > 0.0) {
            double norm = Vectors.norm(w);
            double kappa = eps / norm * sigmaSum / n;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double projector = (i == j ? 1.0 : 0.0) - w[i] * w[j] / (norm * norm);
                    h.add(i, j, kappa * projector);
                }
            }
        }
        return h;
    }
}
