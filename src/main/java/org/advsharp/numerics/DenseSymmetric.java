package org.advsharp.numerics;

import org.ejml.data.DMatrixRMaj;

/** Validation and symmetrisation of dense input matrices, shared by the eigen-solvers. */
final class DenseSymmetric {
    private DenseSymmetric() {
    }

    /**
     * Returns S = (M + M^T)/2 as a fresh matrix after checking M. The result is exactly symmetric:
     * floating-point addition is commutative, so S_ij and S_ji are computed from the same two numbers.
     *
     * @param name how the input is called in error messages
     * @throws IllegalArgumentException if m is null, 0x0, not square or has a NaN or infinite entry
     */
    static DMatrixRMaj symmetrisedCopy(String name, DMatrixRMaj m) {
        if (m == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (m.numRows != m.numCols) {
            throw new IllegalArgumentException(name + " is " + m.numRows + "x" + m.numCols
                    + "; a square matrix is needed");
        }
        int n = m.numRows;
        if (n == 0) {
            throw new IllegalArgumentException(name + " is empty (0x0); at least 1x1 is needed");
        }
        DMatrixRMaj s = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = m.get(i, j);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(name + " has entry (" + i + ", " + j + ") = " + v
                            + "; all entries must be finite");
                }
                s.set(i, j, 0.5 * (v + m.get(j, i)));
            }
        }
        return s;
    }
}
