package org.advsharp.numerics;

import java.util.function.BiConsumer;
import org.ejml.data.DMatrixRMaj;

/**
 * A symmetric linear map A: R^n -&gt; R^n known only through products v -&gt; A v (matrix-free), such as a
 * Hessian-vector product. The iterative solvers ({@link Lanczos}, {@link PowerIteration},
 * {@link HutchinsonTrace}) assume A is symmetric; they do not check it.
 */
public interface LinearOperator {

    /** n, the length of the vectors this operator acts on. */
    int dimension();

    /**
     * out := A v. Both arrays have length {@link #dimension()} and are distinct; v must not be changed.
     */
    void apply(double[] v, double[] out);

    /**
     * The operator v -&gt; S v for S = (M + M^T)/2, computed from a private copy of m. For a symmetric m
     * this is m itself; the symmetrisation makes the operator's symmetry exact.
     *
     * @throws IllegalArgumentException if m is null, empty, not square, or has a non-finite entry
     */
    static LinearOperator of(DMatrixRMaj symmetric) {
        return ofUnchecked(DenseSymmetric.symmetrisedCopy("matrix symmetric", symmetric));
    }

    /** The operator of dimension n whose product is {@code product} (out := A v), e.g. a Hessian-vector product. */
    static LinearOperator of(int n, BiConsumer<double[], double[]> product) {
        return new LinearOperator() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public void apply(double[] v, double[] out) {
                product.accept(v, out);
            }
        };
    }

    /** The operator v -&gt; M v for M exactly as given (no copy, no checks); package use only. */
    static LinearOperator ofUnchecked(DMatrixRMaj m) {
        return new LinearOperator() {
            @Override
            public int dimension() {
                return m.numRows;
            }

            @Override
            public void apply(double[] v, double[] out) {
                int n = m.numRows;
                for (int i = 0; i < n; i++) {
                    double s = 0.0;
                    int row = i * m.numCols;
                    for (int j = 0; j < n; j++) {
                        s += m.data[row + j] * v[j];
                    }
                    out[i] = s;
                }
            }
        };
    }
}
