package org.advsharp.numerics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Symmetric eigen-decomposition by EJML (DecompositionFactory_DDRM.eig(n, true, true): Householder
 * tridiagonalisation and implicit symmetric QR), returned in canonical form.
 */
public final class EjmlSymmetricEigenSolver implements SymmetricEigenSolver {

    @Override
    public SymmetricSpectrum decompose(DMatrixRMaj m) {
        DMatrixRMaj s = DenseSymmetric.symmetrisedCopy("matrix m", m);
        int n = s.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(s)) {
            throw new ArithmeticException("EJML symmetric eigen-decomposition did not converge for a "
                    + n + "x" + n + " matrix");
        }
        double[] values = new double[n];
        DMatrixRMaj vectors = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            values[i] = eig.getEigenvalue(i).getReal();
            DMatrixRMaj v = eig.getEigenVector(i);
            if (v == null) {
                throw new ArithmeticException("EJML returned no eigenvector for eigenvalue " + i);
            }
            for (int r = 0; r < n; r++) {
                vectors.set(r, i, v.get(r));
            }
        }
        return SymmetricSpectrum.canonical(values, vectors);
    }

    @Override
    public String name() {
        return "EJML 0.46.1 symmetric eig";
    }

    @Override
    public String toString() {
        return name();
    }
}
