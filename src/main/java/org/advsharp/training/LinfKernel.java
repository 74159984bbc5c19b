package org.advsharp.training;

import org.advsharp.data.Dataset;
import org.advsharp.numerics.LinearOperator;
import org.advsharp.numerics.RowBlocks;
import org.advsharp.oracle.Logistic;

/**
 * The mean Linf adversarial logistic loss plus weight decay, F(w) = L(w) + (lambda/2)||w||^2, matrix-free
 * and on every core, including the pieces a method for its kinks needs.
 *
 * <pre>
 *   mu_n = y_n x_n^T w - eps ||w||_1,   sigma_n = sigma(-mu_n),   s_n = sigma(mu_n) sigma(-mu_n)
 *   a = -(1/N) sum sigma_n y_n x_n,     b = eps (1/N) sum sigma_n
 *   on the orthant xi (xi_j in {-1, 0, +1}, w_j = 0 where xi_j = 0):  grad F = a + b xi + lambda w
 *   minimum-norm subgradient g:  g_j = a_j + b sign(w_j) + lambda w_j          where w_j != 0,
 *                                g_j = a_j + b if < 0,  a_j - b if > 0,  else 0  where w_j = 0
 *   Hessian on the face S = {j : xi_j != 0}:  (1/N) sum s_n x''_nS x''_nS^T + lambda I,  x''_n = x_n - eps y_n xi
 * </pre>
 *
 * <p>The face Hessian is the clean Hessian at the attacked inputs restricted to S: the ell_1 term is linear
 * on an orthant and adds no curvature (prop:linf-no-direction-term). Every sum runs over the fixed row
 * blocks of {@link RowBlocks}, so results are bit-identical for any thread count.
 */
public final class LinfKernel {
    private final double[] x;
    private final double[] y;
    private final int n;
    private final int d;
    private final double epsilon;
    private final double lambda;
    private final RowBlocks blocks;

    /**
     * @param data    the samples (labels in {-1, +1})
     * @param epsilon the Linf radius, finite and >= 0
     * @param lambda  weight decay, finite and > 0 (it makes F coercive, so a minimiser exists on any data)
     * @param threads worker threads >= 1 (the results do not depend on it)
     */
    public LinfKernel(Dataset data, double epsilon, double lambda, int threads) {
        this(data.featuresRowMajor(), data.labels(), data.size(), data.dimension(), epsilon, lambda,
                new RowBlocks(data.size(), threads));
    }

    private LinfKernel(double[] x, double[] y, int n, int d, double epsilon, double lambda, RowBlocks blocks) {
        if (!(epsilon >= 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("Linf kernel: eps = " + epsilon + " must be finite and >= 0");
        }
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("Linf kernel: weight decay lambda = " + lambda + " must be finite "
                    + "and > 0 (without it a minimiser need not exist)");
        }
        this.x = x;
        this.y = y;
        this.n = n;
        this.d = d;
        this.epsilon = epsilon;
        this.lambda = lambda;
        this.blocks = blocks;
    }

    /** The same data (shared, not copied) at another radius. */
    public LinfKernel atEpsilon(double otherEpsilon) {
        return new LinfKernel(x, y, n, d, otherEpsilon, lambda, blocks);
    }

    public double epsilon() {
        return epsilon;
    }

    public double lambda() {
        return lambda;
    }

    public int dimension() {
        return d;
    }

    /** F(w), defined everywhere. */
    public double value(double[] w) {
        requireWeights(w);
        return AdversarialKernel.meanLoss(blocks, x, y, d, w, epsilon * l1(w)) + 0.5 * lambda * squaredNorm(w);
    }

    /** The first- and second-order pieces at w: one pass over the rows. */
    public State at(double[] w) {
        requireWeights(w);
        return new State(w.clone());
    }

    /** a, b and the curvature weights s_n at one w. */
    public final class State {
        private final double[] w;
        private final double[] a = new double[d];
        private final double b;
        private final double[] s = new double[n];

        private State(double[] w) {
            this.w = w;
            double l1 = l1(w);
            double[] acc = blocks.reduce(d + 1, (from, to, p) -> {
                for (int i = from; i < to; i++) {
                    int off = i * d;
                    double mu = y[i] * RowBlocks.dot(x, off, w, d) - epsilon * l1;
                    double sigma = Logistic.sigmoid(-mu);
                    s[i] = Logistic.curvature(mu);
                    p[d] += sigma;
                    RowBlocks.axpy(-sigma * y[i], x, off, p, d);
                }
            });
            for (int j = 0; j < d; j++) {
                a[j] = acc[j] / n;
            }
            b = epsilon * acc[d] / n;
        }

        /** The weights this state was computed at (a copy). */
        public double[] weights() {
            return w.clone();
        }

        /** b = eps (1/N) sum sigma(-mu_n): half the jump of the partial derivative across a kink. */
        public double kinkHalfJump() {
            return b;
        }

        /** a_j = -(1/N) sum sigma(-mu_n) y_n x_nj: the smooth part of the partial derivative. */
        public double smoothPartial(int j) {
            return a[j];
        }

        /** The subgradient of least norm; its norm is dist(0, dF(w)), zero exactly at the minimiser. */
        public double[] minimumNormSubgradient() {
            double[] g = new double[d];
            for (int j = 0; j < d; j++) {
                if (w[j] != 0) {
                    g[j] = a[j] + b * Math.signum(w[j]) + lambda * w[j];
                } else if (a[j] + b < 0) {
                    g[j] = a[j] + b;
                } else if (a[j] - b > 0) {
                    g[j] = a[j] - b;
                }
            }
            return g;
        }

        /** The gradient of F restricted to the orthant xi (xi_j = 0: that coordinate is held at 0). */
        public double[] orthantGradient(double[] xi) {
            double[] g = new double[d];
            for (int j = 0; j < d; j++) {
                g[j] = xi[j] == 0 ? 0.0 : a[j] + b * xi[j] + lambda * w[j];
            }
            return g;
        }

        /**
         * out := (A_S + shift I) v on the face S = {j : xi_j != 0}, 0 off it; v is read only on S.
         * A_S is the loss's Hessian on the face (shift 0) or, with shift lambda, the objective's.
         */
        public void applyFace(double[] xi, double[] v, double[] out, double shift) {
            double[] vs = new double[d];
            double along = 0;
            for (int j = 0; j < d; j++) {
                if (xi[j] != 0) {
                    vs[j] = v[j];
                    along += xi[j] * v[j];
                }
            }
            double[] acc = AttackedRows.product(blocks, x, y, d, s, epsilon, vs, along);
            for (int j = 0; j < d; j++) {
                out[j] = xi[j] == 0 ? 0.0 : (acc[j] - epsilon * acc[d] * xi[j]) / n + shift * vs[j];
            }
        }

        /** The diagonal of the objective's face Hessian (A_S + lambda I), 1 off the face: a preconditioner. */
        public double[] faceDiagonal(double[] xi) {
            double[] acc = AttackedRows.diagonal(blocks, x, y, d, s);
            double[] diag = new double[d];
            for (int j = 0; j < d; j++) {
                diag[j] = xi[j] == 0 ? 1.0
                        : (acc[j] - 2 * epsilon * xi[j] * acc[d + j] + epsilon * epsilon * acc[2 * d]) / n + lambda;
            }
            return diag;
        }

        /** The loss's Hessian (no weight decay) on the face of w itself, S = {j : w_j != 0}, as an operator. */
        public LinearOperator faceHessian() {
            double[] xi = signs(w);
            return LinearOperator.of(d, (v, out) -> applyFace(xi, v, out, 0.0));
        }
    }

    /** sign(w) componentwise. */
    static double[] signs(double[] w) {
        double[] xi = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            xi[j] = Math.signum(w[j]);
        }
        return xi;
    }

    private void requireWeights(double[] w) {
        if (w == null || w.length != d) {
            throw new IllegalArgumentException("w has " + (w == null ? "no" : w.length) + " entries but the data have d = "
                    + d);
        }
        for (int j = 0; j < d; j++) {
            if (!Double.isFinite(w[j])) {
                throw new IllegalArgumentException("w[" + j + "] is " + w[j] + "; it must be finite");
            }
        }
    }

    private static double l1(double[] w) {
        double sum = 0;
        for (double v : w) {
            sum += Math.abs(v);
        }
        return sum;
    }

    private static double squaredNorm(double[] w) {
        double sum = 0;
        for (double v : w) {
            sum += v * v;
        }
        return sum;
    }
}
