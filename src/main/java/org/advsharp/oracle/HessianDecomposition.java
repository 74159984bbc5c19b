package org.advsharp.oracle;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The Hessian of the L2 adversarial loss at one w != 0, with its parts (claims prop:hessian,
 * prop:decomposition, lem:compressed-form):
 *
 * <pre>
 *   H = A + kappa P
 *   A     = (1/N) sum_n s(m_n) x'_n x'_n^T        (the clean Hessian at the adversarial inputs, held fixed)
 *   kappa = (eps/||w||) (1/N) sum_n sigma(-m_n)   (exists only because the attack direction moves with w)
 *   P     = I - w_hat w_hat^T
 * </pre>
 *
 * <p>{@link MarginAdversarialLoss} builds the same decomposition for any margin loss l, with l'' in place of
 * s and -l' in place of sigma(-m) (prop:margin-loss-hessian). Every matrix returned is a fresh copy.
 */
public final class HessianDecomposition {
    private final DMatrixRMaj fixedInput;
    private final double kappa;
    private final double[] unit;
    private final double norm;
    private final double[] margins;
    private final double[] curvatures;
    private final double[] x;
    private final int n;
    private final int d;

    HessianDecomposition(DMatrixRMaj fixedInput, double kappa, double[] unit, double norm, double[] margins,
                         double[] curvatures, double[] x, int n, int d) {
        this.fixedInput = fixedInput;
        this.kappa = kappa;
        this.unit = unit;
        this.norm = norm;
        this.margins = margins;
        this.curvatures = curvatures;
        this.x = x;
        this.n = n;
        this.d = d;
    }

    /** H = A + kappa P. */
    public DMatrixRMaj full() {
        DMatrixRMaj h = fixedInput.copy();
        CommonOps_DDRM.addEquals(h, directionTerm());
        return h;
    }

    /** A = (1/N) sum_n s(m_n) x'_n x'_n^T. */
    public DMatrixRMaj fixedInputPart() {
        return fixedInput.copy();
    }

    /** kappa = (eps/||w||) (1/N) sum_n sigma(-m_n) >= 0. */
    public double kappa() {
        return kappa;
    }

    /** P = I - w_hat w_hat^T, the orthogonal projector onto the complement of w. */
    public DMatrixRMaj projector() {
        DMatrixRMaj p = CommonOps_DDRM.identity(d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                p.add(i, j, -unit[i] * unit[j]);
            }
        }
        return p;
    }

    /** kappa P, the direction term. */
    public DMatrixRMaj directionTerm() {
        DMatrixRMaj p = projector();
        CommonOps_DDRM.scale(kappa, p);
        return p;
    }

    /** w_hat = w/||w||. */
    public double[] unitWeight() {
        return unit.clone();
    }

    /** ||w||. */
    public double weightNorm() {
        return norm;
    }

    /** The adversarial margins m_n at this w. */
    public double[] margins() {
        return margins.clone();
    }

    /** Curvature along w by its closed form: w_hat^T H w_hat = (1/N) sum_n s(m_n) m_n^2 / ||w||^2. */
    public double curvatureAlongWeight() {
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            double r = margins[i] / norm;
            sum += curvatures[i] * r * r;
        }
        return sum / n;
    }

    /**
     * An orthonormal basis Q (d x (d-1)) of the complement of w: the last d-1 columns of the Householder
     * reflector that maps w_hat to a multiple of e_1. Deterministic; d x 0 when d = 1.
     */
    public DMatrixRMaj complementBasis() {
        DMatrixRMaj q = new DMatrixRMaj(d, d - 1);
        if (d == 1) {
            return q;
        }
        // v = w_hat + sign(w_hat_0) e_0 avoids cancellation; R = I - 2 v v^T / (v^T v) is symmetric and
        // orthogonal with R w_hat = -sign(w_hat_0) e_0, so its columns 1..d-1 are orthogonal to w_hat.
        double[] v = unit.clone();
        v[0] += unit[0] >= 0 ? 1.0 : -1.0;
        double vv = 0.0;
        for (double vi : v) {
            vv += vi * vi;
        }
        for (int i = 0; i < d; i++) {
            for (int j = 1; j < d; j++) {
                double identity = i == j ? 1.0 : 0.0;
                q.set(i, j - 1, identity - 2.0 * v[i] * v[j] / vv);
            }
        }
        return q;
    }

    /**
     * The Hessian compressed to the complement of w by its closed form (lem:compressed-form):
     * Q^T H Q = (1/N) sum_n s(m_n) (Q^T x_n)(Q^T x_n)^T + kappa I, using Q^T x'_n = Q^T x_n.
     */
    public DMatrixRMaj compressed() {
        int k = d - 1;
        DMatrixRMaj q = complementBasis();
        double[] z = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                double dot = 0.0;
                for (int j = 0; j < d; j++) {
                    dot += x[i * d + j] * q.get(j, c);
                }
                z[i * k + c] = dot;
            }
        }
        DMatrixRMaj compressed = Gram.weighted(z, n, k, curvatures);
        for (int c = 0; c < k; c++) {
            compressed.add(c, c, kappa);
        }
        return compressed;
    }
}
