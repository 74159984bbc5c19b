package org.advsharp.training;

import org.advsharp.data.Dataset;
import org.advsharp.numerics.LinearOperator;
import org.advsharp.numerics.RowBlocks;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.MarginLoss;

/**
 * The mean L2 adversarial margin loss plus weight decay, F(w) = L_eps(w) + (lambda/2)||w||^2, for a convex
 * decreasing margin loss l ({@link MarginLoss}; the paper's is the logistic, l(m) = softplus(-m)), computed
 * matrix-free and on every core for large N and d: the value, the gradient, and at a fixed w the
 * Hessian-vector product, the Hessian's diagonal, its trace and kappa, never forming a d x d matrix.
 *
 * <pre>
 *   m_n = y_n x_n^T w - eps ||w||,  x'_n = x_n - eps y_n w_hat,  a_n = -l'(m_n),  s_n = l''(m_n)
 *   (logistic: a_n = sigma(-m_n), s_n = sigma(m_n) sigma(-m_n))
 *   grad F = -(1/N) sum a_n y_n x_n + (eps/||w||) (1/N) sum a_n w + lambda w
 *   A v = (1/N) X'^T (s o X' v),   X' v = X v - eps y (w_hat^T v),   X'^T z = X^T z - eps w_hat (y^T z)
 *   H v = A v + kappa (v - w_hat w_hat^T v),   kappa = (eps/||w||) (1/N) sum a_n
 *   trace A = (1/N) sum s_n ||x'_n||^2,  ||x'_n||^2 = ||x_n||^2 - 2 eps y_n x_n^T w_hat + eps^2
 *   trace kappa P = kappa (d - 1),   diag A_j = (1/N) sum s_n x'_nj^2
 * </pre>
 *
 * <p>Each quantity is one or two passes over the rows, split into the fixed blocks of {@link RowBlocks}
 * and summed in a fixed order, so every result is bit-identical for any thread count. The formulas are
 * those of the oracle (MarginAdversarialLoss) with sums reordered; eps = 0 gives the clean loss (used on
 * inputs with fixed noise for random-noise training). The logistic member's l, -l' and l'' are
 * softplus(-m), sigma(-m) and sigma(m) sigma(-m) evaluated exactly as before the loss became a parameter.
 */
public final class AdversarialKernel {
    private final Dataset data;
    private final MarginLoss loss;
    private final double[] x;
    private final double[] y;
    private final double[] rowNormSquared;
    private final int n;
    private final int d;
    private final double epsilon;
    private final double lambda;
    private final RowBlocks blocks;

    /** The logistic kernel: see {@link #AdversarialKernel(Dataset, MarginLoss, double, double, int)}. */
    public AdversarialKernel(Dataset data, double epsilon, double lambda, int threads) {
        this(data, MarginLoss.logistic(), epsilon, lambda, threads);
    }

    /**
     * @param data    the samples (labels in {-1, +1})
     * @param loss    the margin loss l
     * @param epsilon the L2 radius, finite and >= 0
     * @param lambda  weight decay, finite and >= 0
     * @param threads worker threads >= 1 (the results do not depend on it)
     */
    public AdversarialKernel(Dataset data, MarginLoss loss, double epsilon, double lambda, int threads) {
        this(data, loss, data.featuresRowMajor(), epsilon, lambda, threads, null);
    }

    private AdversarialKernel(Dataset data, MarginLoss loss, double[] x, double epsilon, double lambda, int threads,
                              double[] rowNormSquared) {
        if (loss == null) {
            throw new IllegalArgumentException("adversarial kernel: the margin loss is missing (null)");
        }
        if (!(epsilon >= 0) || !Double.isFinite(epsilon) || !(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("adversarial kernel: eps = " + epsilon + " and lambda = " + lambda
                    + " must be finite and >= 0");
        }
        this.data = data;
        this.loss = loss;
        this.x = x;
        this.y = data.labels();
        this.n = data.size();
        this.d = data.dimension();
        this.epsilon = epsilon;
        this.lambda = lambda;
        this.blocks = new RowBlocks(n, threads);
        if (rowNormSquared == null) {
            double[] norms = new double[n];
            blocks.forEach((from, to, unused) -> {
                for (int i = from; i < to; i++) {
                    double sq = 0;
                    for (int j = i * d; j < (i + 1) * d; j++) {
                        sq += x[j] * x[j];
                    }
                    norms[i] = sq;
                }
            });
            this.rowNormSquared = norms;
        } else {
            this.rowNormSquared = rowNormSquared;
        }
    }

    /** The same data (shared, not copied) and loss at another radius. */
    public AdversarialKernel atEpsilon(double otherEpsilon) {
        return new AdversarialKernel(data, loss, x, otherEpsilon, lambda, blocks.threads(), rowNormSquared);
    }

    /** The margin loss l. */
    public MarginLoss loss() {
        return loss;
    }

    public Dataset data() {
        return data;
    }

    public double epsilon() {
        return epsilon;
    }

    public double lambda() {
        return lambda;
    }

    public int threads() {
        return blocks.threads();
    }

    /** m_n = y_n x_n^T w - eps ||w|| (w = 0 allowed). */
    public double[] margins(double[] w) {
        double norm = norm(w);
        double[] m = new double[n];
        blocks.forEach((from, to, unused) -> {
            for (int i = from; i < to; i++) {
                m[i] = y[i] * RowBlocks.dot(x, i * d, w, d) - epsilon * norm;
            }
        });
        return m;
    }

    /** F(w) = (1/N) sum l(m_n) + (lambda/2)||w||^2, defined everywhere. */
    public double value(double[] w) {
        double norm = norm(w);
        return meanLoss(loss, blocks, x, y, d, w, epsilon * norm) + 0.5 * lambda * norm * norm;
    }

    /** The logistic {@link #meanLoss(MarginLoss, RowBlocks, double[], double[], int, double[], double)}. */
    static double meanLoss(RowBlocks blocks, double[] x, double[] y, int d, double[] w, double cost) {
        return meanLoss(MarginLoss.logistic(), blocks, x, y, d, w, cost);
    }

    /**
     * (1/N) sum l(y_n x_n^T w - cost) over the fixed row blocks: the mean margin loss at margins lowered by the
     * attack's cost (eps ||w|| for L2, eps ||w||_1 for Linf).
     */
    static double meanLoss(MarginLoss loss, RowBlocks blocks, double[] x, double[] y, int d, double[] w,
                           double cost) {
        double[] sum = blocks.reduce(1, (from, to, p) -> {
            double s = 0;
            for (int i = from; i < to; i++) {
                s += loss.value(y[i] * RowBlocks.dot(x, i * d, w, d) - cost);
            }
            p[0] = s;
        });
        return sum[0] / y.length;
    }

    /** grad F(w); for eps > 0 the kink w = 0 is rejected. */
    public double[] gradient(double[] w) {
        double norm = norm(w);
        if (epsilon > 0 && norm == 0) {
            throw new IllegalArgumentException("the gradient of the adversarial loss does not exist at w = 0 for "
                    + "eps > 0 (the kink of ||w||)");
        }
        double[] acc = blocks.reduce(d + 1, (from, to, p) -> {
            for (int i = from; i < to; i++) {
                int off = i * d;
                double a = -loss.slope(y[i] * RowBlocks.dot(x, off, w, d) - epsilon * norm);
                p[d] += a;
                RowBlocks.axpy(-a * y[i], x, off, p, d);
            }
        });
        double radial = epsilon > 0 ? epsilon * acc[d] / (n * norm) : 0.0;
        double[] g = new double[d];
        for (int j = 0; j < d; j++) {
            g[j] = acc[j] / n + radial * w[j] + lambda * w[j];
        }
        return g;
    }

    /** The curvature at w (w != 0 when eps > 0): one pass over the rows. */
    public Curvature curvature(double[] w) {
        return new Curvature(w);
    }

    /** The second-order quantities at one w: Hessian-vector products, diagonal, trace, kappa. */
    public final class Curvature {
        private final double[] unit;
        private final double norm;
        private final double[] s;
        private final double kappa;
        private final double traceA;

        private Curvature(double[] w) {
            if (w == null || w.length != d) {
                throw new IllegalArgumentException("w must have d = " + d + " entries");
            }
            norm = norm(w);
            if (!Double.isFinite(norm) || (norm == 0 && epsilon > 0)) {
                throw new IllegalArgumentException("w has norm " + norm + ": for eps > 0 the Hessian needs a finite "
                        + "nonzero w (w = 0 is the kink of ||w||)");
            }
            unit = new double[d];
            for (int j = 0; j < d; j++) {
                unit[j] = norm > 0 ? w[j] / norm : 0.0;
            }
            s = new double[n];
            double[] sums = blocks.reduce(2, (from, to, p) -> {
                for (int i = from; i < to; i++) {
                    int off = i * d;
                    double xw = RowBlocks.dot(x, off, w, d);
                    double xu = norm > 0 ? xw / norm : 0.0;
                    double m = y[i] * xw - epsilon * norm;
                    s[i] = loss.curvature(m);
                    p[0] += -loss.slope(m);
                    p[1] += s[i] * (rowNormSquared[i] - 2 * epsilon * y[i] * xu + epsilon * epsilon);
                }
            });
            kappa = epsilon > 0 ? epsilon / norm * sums[0] / n : 0.0;
            traceA = sums[1] / n;
        }

        /** The weight decay lambda, the shift of the trained objective's Hessian. */
        public double lambdaShift() {
            return lambda;
        }

        /** kappa = (eps/||w||) (1/N) sum (-l'(m_n)); 0 at eps = 0. */
        public double kappa() {
            return kappa;
        }

        /** ||w||. */
        public double weightNorm() {
            return norm;
        }

        /** trace A = (1/N) sum l''(m_n) ||x'_n||^2, exact. */
        public double traceA() {
            return traceA;
        }

        /** trace H = trace A + kappa (d - 1) of the loss (no weight decay), exact. */
        public double traceH() {
            return traceA + kappa * (d - 1);
        }

        /**
         * out := (A + [kappa P] + shift I) v.
         *
         * @param directionTerm whether to include kappa P
         * @param shift         added times v (lambda for the trained objective, 0 for the loss alone)
         */
        public void apply(double[] v, double[] out, boolean directionTerm, double shift) {
            double along = dot(unit, v);
            double[] acc = AttackedRows.product(blocks, x, y, d, s, epsilon, v, along);
            double k = directionTerm ? kappa : 0.0;
            for (int j = 0; j < d; j++) {
                out[j] = (acc[j] - epsilon * acc[d] * unit[j]) / n + k * (v[j] - unit[j] * along) + shift * v[j];
            }
        }

        /** The diagonal of A + kappa P + lambda I (the trained objective's Hessian), for preconditioning. */
        public double[] objectiveDiagonal() {
            double[] acc = AttackedRows.diagonal(blocks, x, y, d, s);
            double[] diag = new double[d];
            for (int j = 0; j < d; j++) {
                double u = unit[j];
                double a = (acc[j] - 2 * epsilon * u * acc[d + j] + epsilon * epsilon * u * u * acc[2 * d]) / n;
                diag[j] = a + kappa * (1 - u * u) + lambda;
            }
            return diag;
        }

        /** H = A + kappa P of the loss (no weight decay) as an operator. */
        public LinearOperator hessian() {
            return operator(true);
        }

        /** A, the fixed-input part, as an operator. */
        public LinearOperator fixedInputPart() {
            return operator(false);
        }

        private LinearOperator operator(boolean directionTerm) {
            return LinearOperator.of(d, (v, out) -> Curvature.this.apply(v, out, directionTerm, 0.0));
        }
    }

    private static double dot(double[] a, double[] b) {
        return RowBlocks.dot(a, 0, b, a.length);
    }

    private static double norm(double[] w) {
        return Vectors.norm(w);
    }
}
