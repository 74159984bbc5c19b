package org.advsharp.numerics;

import java.util.Arrays;
import java.util.Comparator;
import org.ejml.data.DMatrixRMaj;

/**
 * The eigen-decomposition M = V diag(lambda) V^T of a real symmetric matrix in one canonical form,
 * whichever solver produced it: eigenvalues sorted in descending order (lambda_1 &gt;= ... &gt;= lambda_n),
 * column i of V the unit eigenvector of lambda_i, and each column's sign fixed so that its entry of
 * largest absolute value is positive (on ties, the lowest index). Immutable; accessors return copies.
 *
 * <p>Within a repeated eigenvalue the eigenvectors are any orthonormal basis of its eigenspace and are
 * not unique: compare eigenspaces (projectors), not single vectors, there. Supports the spectral claims
 * prop:spectral-bounds, thm:compressed-monotone and the counterexample claims of docs/theory.md section 4.
 */
public final class SymmetricSpectrum {
    private final double[] eigenvalues;
    private final DMatrixRMaj eigenvectors;

    private SymmetricSpectrum(double[] eigenvalues, DMatrixRMaj eigenvectors) {
        this.eigenvalues = eigenvalues;
        this.eigenvectors = eigenvectors;
    }

    /**
     * Puts a solver's raw output into canonical form: sorts descending, normalises each column and fixes
     * its sign. Column i of {@code vectors} belongs to {@code values[i]}. Inputs are not modified.
     */
    static SymmetricSpectrum canonical(double[] values, DMatrixRMaj vectors) {
        int n = values.length;
        if (vectors.numRows != n || vectors.numCols != n) {
            throw new IllegalStateException("eigenvector matrix is " + vectors.numRows + "x"
                    + vectors.numCols + " for " + n + " eigenvalues");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalStateException("solver returned eigenvalue " + values[i]);
            }
            order[i] = i;
        }
        // Stable sort: equal eigenvalues keep the solver's order.
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> values[i]).reversed());
        double[] sorted = new double[n];
        DMatrixRMaj v = new DMatrixRMaj(n, n);
        double[] column = new double[n];
        for (int k = 0; k < n; k++) {
            int src = order[k];
            sorted[k] = values[src];
            for (int r = 0; r < n; r++) {
                column[r] = vectors.get(r, src);
            }
            if (Vectors.normalize(column) == 0.0) {
                throw new IllegalStateException("solver returned a zero eigenvector for eigenvalue "
                        + values[src]);
            }
            Vectors.canonicalSign(column);
            for (int r = 0; r < n; r++) {
                v.set(r, k, column[r]);
            }
        }
        return new SymmetricSpectrum(sorted, v);
    }

    /** n, the size of the matrix. */
    public int dimension() {
        return eigenvalues.length;
    }

    /** The eigenvalues, descending: lambda_1 &gt;= lambda_2 &gt;= ... &gt;= lambda_n (a copy). */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** The eigenvectors as the columns of an n x n orthogonal matrix V, column i for lambda_i (a copy). */
    public DMatrixRMaj eigenvectors() {
        return eigenvectors.copy();
    }

    /** Eigenvalue i (0-based, descending order). */
    public double eigenvalue(int i) {
        checkIndex(i);
        return eigenvalues[i];
    }

    /** Column i of V: the unit eigenvector of lambda_i in canonical sign (a copy). */
    public double[] eigenvector(int i) {
        checkIndex(i);
        double[] out = new double[eigenvalues.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = eigenvectors.get(r, i);
        }
        return out;
    }

    /** lambda_max = lambda_1. */
    public double largest() {
        return eigenvalues[0];
    }

    /** lambda_min = lambda_n. */
    public double smallest() {
        return eigenvalues[eigenvalues.length - 1];
    }

    /** trace(M) = sum_i lambda_i. */
    public double trace() {
        double s = 0.0;
        for (double l : eigenvalues) {
            s += l;
        }
        return s;
    }

    /**
     * max_i ||M v_i - lambda_i v_i||_2 for the given matrix M (normally the one decomposed): how far this
     * decomposition is from being exact for M.
     *
     * @throws IllegalArgumentException if m is null or not n x n
     */
    public double residual(DMatrixRMaj m) {
        int n = eigenvalues.length;
        if (m == null || m.numRows != n || m.numCols != n) {
            throw new IllegalArgumentException("matrix m must be " + n + "x" + n + " to match this spectrum"
                    + (m == null ? ", got null" : ", got " + m.numRows + "x" + m.numCols));
        }
        LinearOperator op = LinearOperator.ofUnchecked(m);
        double worst = 0.0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, Vectors.residual(op, eigenvector(i), eigenvalues[i]));
        }
        return worst;
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= eigenvalues.length) {
            throw new IllegalArgumentException("eigen index " + i + " is outside 0.." + (eigenvalues.length - 1));
        }
    }

    @Override
    public String toString() {
        return "SymmetricSpectrum" + Arrays.toString(eigenvalues);
    }
}
