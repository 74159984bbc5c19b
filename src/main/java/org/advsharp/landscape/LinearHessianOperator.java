package org.advsharp.landscape;

import java.util.Arrays;
import org.advsharp.data.Dataset;
import org.advsharp.numerics.LinearOperator;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.Logistic;

/**
 * The Hessian of the penalized L2 adversarial loss of the linear model at one w != 0, as a
 * matrix-free operator (prop:hessian, prop:decomposition):
 *
 * <pre>
 *   H v = (1/N) sum_n s(m_n) (x'_n^T v) x'_n + kappa (v - w_hat (w_hat^T v)) + lambda v,
 *   x'_n^T v = x_n^T v - eps y_n (w_hat^T v),
 * </pre>
 *
 * so one product costs about 4 N d flops and the d x d matrix is never formed. With
 * {@code withDirectionTerm = false} it is the fixed-input part A + lambda I (attack held fixed).
 */
public final class LinearHessianOperator implements LinearOperator {
    private final double[] x;
    private final double[] y;
    private final int n;
    private final int d;
    private final double epsilon;
    private final double lambda;
    private final double[] unit;
    private final double[] curvature;
    private final double kappa;

    /**
     * @param data              the samples
     * @param epsilon           the L2 radius eps >= 0
     * @param lambda            weight decay >= 0
     * @param w                 the weights, nonzero when eps > 0
     * @param withDirectionTerm whether to include kappa P (false: A + lambda I only)
     */
    public LinearHessianOperator(Dataset data, double epsilon, double lambda, double[] w, boolean withDirectionTerm) {
        this.n = data.size();
        this.d = data.dimension();
        if (w == null || w.length != d) {
            throw new IllegalArgumentException("w must have d = " + d + " entries");
        }
        double norm = Vectors.norm(w);
        if (!Double.isFinite(norm) || (norm == 0 && epsilon > 0)) {
            throw new IllegalArgumentException("w has norm " + norm + ": for eps > 0 the Hessian needs a finite "
                    + "nonzero w (w = 0 is the kink of ||w||)");
        }
        this.x = data.featuresRowMajor();
        this.y = data.labels();
        this.epsilon = epsilon;
        this.lambda = lambda;
        this.unit = new double[d];
        for (int j = 0; j < d; j++) {
            unit[j] = norm > 0 ? w[j] / norm : 0.0;
        }
        this.curvature = new double[n];
        double sigmaSum = 0;
        for (int i = 0; i < n; i++) {
            double dotx = 0;
            int off = i * d;
            for (int j = 0; j < d; j++) {
                dotx += x[off + j] * w[j];
            }
            double m = y[i] * dotx - epsilon * norm;
            curvature[i] = Logistic.curvature(m);
            sigmaSum += Logistic.sigmoid(-m);
        }
        this.kappa = withDirectionTerm && epsilon > 0 ? epsilon / norm * sigmaSum / n : 0.0;
    }

    /** kappa = (eps/||w||) (1/N) sum sigma(-m_n), or 0 without the direction term. */
    public double kappa() {
        return kappa;
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public void apply(double[] v, double[] out) {
        double along = Vectors.dot(unit, v);
        Arrays.fill(out, 0.0);
        double shift = 0;
        for (int i = 0; i < n; i++) {
            int off = i * d;
            double a = 0;
            for (int j = 0; j < d; j++) {
                a += x[off + j] * v[j];
            }
            a -= epsilon * y[i] * along;
            double c = curvature[i] * a;
            if (c != 0) {
                for (int j = 0; j < d; j++) {
                    out[j] += c * x[off + j];
                }
                shift += c * y[i];
            }
        }
        for (int j = 0; j < d; j++) {
            out[j] = (out[j] - epsilon * shift * unit[j]) / n + kappa * (v[j] - unit[j] * along) + lambda * v[j];
        }
    }
}
