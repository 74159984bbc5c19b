package org.advsharp.numerics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * The Lanczos method with full reorthogonalisation for the k algebraically largest eigenvalues of a
 * symmetric operator A known only through products A v (for the Hessian sharpness measures of
 * prop:spectral-bounds and the deep tier, docs/theory.md section 6).
 *
 * <p>Recurrence: q_1 random unit (seeded); for j = 1, 2, ...: w = A q_j, alpha_j = q_j^T w,
 * w := w - alpha_j q_j - beta_{j-1} q_{j-1}, then w is orthogonalised against every earlier q twice
 * (classical Gram-Schmidt twice, which keeps Q orthonormal to working precision), beta_j = ||w||,
 * q_{j+1} = w / beta_j. With Q_m = [q_1..q_m] and T_m the tridiagonal of alphas and betas,
 * A Q_m = Q_m T_m + beta_m q_{m+1} e_m^T, so a Ritz pair (theta, y = Q_m s) of T_m has residual
 * ||A y - theta y|| = beta_m |s_m| (the cheap estimate used for stopping).
 *
 * <p>Stops when the k largest Ritz pairs have estimated residual at most
 * {@link #STOPPING_FRACTION} * {@link Tolerances#LANCZOS_RESIDUAL} * max |theta|, when m = n, or after
 * maxIterations steps. If beta_j falls to rounding level the Krylov space is invariant (breakdown, e.g.
 * n = 1, or a low-rank A): the Ritz values found so far are exact, and if fewer than k are known the
 * method restarts with a fresh seeded random vector orthogonal to Q (T gets a zero off-diagonal), which
 * is how repeated eigenvalues such as the null space of a low-rank A are found. A single Krylov space
 * holds one vector per distinct eigenvalue, so an exactly repeated eigenvalue among the top k is only
 * seen with its full multiplicity once the space is exhausted; the residuals are small either way.
 */
public final class Lanczos {
    /** Stop when the cheap estimate is this fraction of the acceptance tolerance (rounding headroom). */
    static final double STOPPING_FRACTION = 0.1;
    /** beta below this times the running norm estimate of A counts as breakdown (a few hundred u). */
    static final double BREAKDOWN = 256 * Tolerances.MACHINE_EPSILON;

    private Lanczos() {
    }

    /**
     * The k largest eigenvalues of A (algebraically largest; for a PSD operator the largest in
     * magnitude) with their Ritz vectors.
     *
     * @param op            symmetric operator of dimension n
     * @param k             how many eigenpairs, 1 &lt;= k &lt;= n
     * @param maxIterations the largest search-space dimension to build, k &lt;= maxIterations (capped at n)
     * @param seed          seed of the random start (and restart) vectors
     * @throws IllegalArgumentException on a null operator or k, maxIterations out of range
     */
    public static LanczosResult topK(LinearOperator op, int k, int maxIterations, long seed) {
        int n = Vectors.requireOperator("operator op", op);
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k = " + k + " must be between 1 and the dimension " + n);
        }
        if (maxIterations < k) {
            throw new IllegalArgumentException("maxIterations = " + maxIterations + " must be at least k = " + k);
        }
        int limit = Math.min(maxIterations, n);
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> basis = new ArrayList<>();
        double[] alpha = new double[limit];
        double[] beta = new double[limit];
        double normEstimate = 0.0;
        double[] q = startVector(random, basis, n);
        double[] w = new double[n];
        SymmetricSpectrum ritz = null;
        boolean converged = false;
        int m = 0;
        while (m < limit) {
            normEstimate = Math.max(normEstimate, step(op, basis, q, w, alpha, beta, m));
            double b = Vectors.norm(w);
            boolean breakdown = b <= BREAKDOWN * normEstimate;
            beta[m] = breakdown ? 0.0 : b;
            m++;
            if (m >= k) {
                ritz = tridiagonalSpectrum(alpha, beta, m);
                double scale = Math.max(Math.abs(ritz.largest()), Math.abs(ritz.smallest()));
                if (m == n || topKConverged(ritz, beta[m - 1], k, scale)) {
                    converged = true;
                    break;
                }
            }
            if (m == limit) {
                break;
            }
            if (breakdown) {
                q = startVector(random, basis, n);
            } else {
                q = w.clone();
                Vectors.normalize(q);
            }
        }
        return assemble(op, basis, ritz, k, m, converged);
    }

    /**
     * The Lanczos tridiagonal matrix T_m = Q_m^T A Q_m built from a given start vector (normalised here),
     * with full reorthogonalisation: its eigenvalues are the Ritz values, and e_1^T f(T_m) e_1 is the Gauss
     * quadrature of v^T f(A) v for the unit start v (exact for polynomials of degree up to 2m - 1). Stops
     * early, with a smaller T, when the Krylov space becomes invariant (breakdown).
     *
     * @param op    symmetric operator of dimension n
     * @param start the start vector, length n, finite and nonzero (not modified)
     * @param steps the largest m to build, 1 &lt;= steps (capped at n)
     * @throws IllegalArgumentException on a null operator, a bad start vector or steps &lt; 1
     */
    public static Tridiagonal tridiagonal(LinearOperator op, double[] start, int steps) {
        int n = Vectors.requireOperator("operator op", op);
        if (start == null || start.length != n) {
            throw new IllegalArgumentException("start vector has length " + (start == null ? 0 : start.length)
                    + " but the operator has dimension " + n);
        }
        Vectors.requireFinite("start vector", start);
        if (steps < 1) {
            throw new IllegalArgumentException("steps = " + steps + " must be at least 1");
        }
        double[] q = start.clone();
        if (Vectors.normalize(q) == 0.0) {
            throw new IllegalArgumentException("start vector is 0");
        }
        int limit = Math.min(steps, n);
        List<double[]> basis = new ArrayList<>();
        double[] alpha = new double[limit];
        double[] beta = new double[limit];
        double[] w = new double[n];
        double normEstimate = 0.0;
        int m = 0;
        while (m < limit) {
            normEstimate = Math.max(normEstimate, step(op, basis, q, w, alpha, beta, m));
            double b = Vectors.norm(w);
            beta[m] = b;
            m++;
            if (b <= BREAKDOWN * normEstimate) {
                break;
            }
            q = w.clone();
            Vectors.normalize(q);
        }
        return new Tridiagonal(Arrays.copyOf(alpha, m), Arrays.copyOf(beta, Math.max(0, m - 1)));
    }

    /**
     * A symmetric tridiagonal matrix.
     *
     * @param alpha the diagonal, length m
     * @param beta  the off-diagonal, length m - 1
     */
    public record Tridiagonal(double[] alpha, double[] beta) {
        public Tridiagonal {
            alpha = alpha.clone();
            beta = beta.clone();
        }

        @Override
        public double[] alpha() {
            return alpha.clone();
        }

        @Override
        public double[] beta() {
            return beta.clone();
        }

        /** Its size m. */
        public int size() {
            return alpha.length;
        }

        /** Its eigen-decomposition (the Ritz values and the coordinates of the Ritz vectors). */
        public SymmetricSpectrum spectrum() {
            return tridiagonalSpectrum(alpha, Arrays.copyOf(beta, alpha.length), alpha.length);
        }
    }

    /**
     * One Lanczos step: appends q to the basis, sets alpha[m] and leaves in w the next residual, made
     * orthogonal (twice) to the whole basis. Returns ||A q|| for the running estimate of ||A||.
     */
    private static double step(LinearOperator op, List<double[]> basis, double[] q, double[] w, double[] alpha,
                               double[] beta, int m) {
        basis.add(q);
        op.apply(q, w);
        double applied = Vectors.norm(w);
        alpha[m] = Vectors.dot(q, w);
        Vectors.axpy(-alpha[m], q, w);
        if (m > 0 && beta[m - 1] != 0.0) {
            Vectors.axpy(-beta[m - 1], basis.get(m - 1), w);
        }
        orthogonalise(w, basis);
        orthogonalise(w, basis);
        return applied;
    }

    private static boolean topKConverged(SymmetricSpectrum ritz, double lastBeta, int k, double scale) {
        double bound = STOPPING_FRACTION * Tolerances.LANCZOS_RESIDUAL * scale;
        int m = ritz.dimension();
        for (int i = 0; i < k; i++) {
            double estimate = lastBeta * Math.abs(ritz.eigenvector(i)[m - 1]);
            if (estimate > bound) {
                return false;
            }
        }
        return true;
    }

    private static SymmetricSpectrum tridiagonalSpectrum(double[] alpha, double[] beta, int m) {
        DMatrixRMaj t = new DMatrixRMaj(m, m);
        for (int i = 0; i < m; i++) {
            t.set(i, i, alpha[i]);
            if (i + 1 < m) {
                t.set(i, i + 1, beta[i]);
                t.set(i + 1, i, beta[i]);
            }
        }
        return SymmetricEigenSolvers.standard().decompose(t);
    }

    private static LanczosResult assemble(LinearOperator op, List<double[]> basis, SymmetricSpectrum ritz,
                                          int k, int m, boolean converged) {
        int n = op.dimension();
        double[] values = new double[k];
        double[][] vectors = new double[k][];
        double[] residuals = new double[k];
        for (int i = 0; i < k; i++) {
            double[] s = ritz.eigenvector(i);
            double[] y = new double[n];
            for (int j = 0; j < m; j++) {
                Vectors.axpy(s[j], basis.get(j), y);
            }
            Vectors.normalize(y);
            Vectors.canonicalSign(y);
            values[i] = ritz.eigenvalue(i);
            vectors[i] = y;
            residuals[i] = Vectors.residual(op, y, values[i]);
        }
        return new LanczosResult(values, vectors, residuals, m, converged);
    }

    /** A seeded Gaussian vector, orthogonalised (twice) against the basis, unit norm. */
    private static double[] startVector(SplittableRandom random, List<double[]> basis, int n) {
        double[] v = new double[n];
        for (int attempt = 0; attempt < 8; attempt++) {
            for (int i = 0; i < n; i++) {
                v[i] = random.nextGaussian();
            }
            orthogonalise(v, basis);
            orthogonalise(v, basis);
            if (Vectors.normalize(v) > 1e-8) {
                return v;
            }
        }
        throw new IllegalStateException("could not find a start vector orthogonal to " + basis.size()
                + " Lanczos vectors in dimension " + n);
    }

    /** One pass of classical Gram-Schmidt: w := w - Q (Q^T w). */
    private static void orthogonalise(double[] w, List<double[]> basis) {
        double[] c = new double[basis.size()];
        for (int j = 0; j < c.length; j++) {
            c[j] = Vectors.dot(basis.get(j), w);
        }
        for (int j = 0; j < c.length; j++) {
            Vectors.axpy(-c[j], basis.get(j), w);
        }
    }
}
