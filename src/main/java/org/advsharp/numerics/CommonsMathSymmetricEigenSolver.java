package org.advsharp.numerics;

import org.apache.commons.math3.exception.MathArithmeticException;
import org.apache.commons.math3.exception.MaxCountExceededException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.ejml.data.DMatrixRMaj;

/**
 * Symmetric eigen-decomposition by Apache Commons Math 3.6.1 (EigenDecomposition: Householder
 * tridiagonalisation and the implicit QL algorithm), returned in canonical form. An implementation
 * independent of EJML, used to cross-check it.
 */
public final class CommonsMathSymmetricEigenSolver implements SymmetricEigenSolver {

    @Override
    public SymmetricSpectrum decompose(DMatrixRMaj m) {
        DMatrixRMaj s = DenseSymmetric.symmetrisedCopy("matrix m", m);
        int n = s.numRows;
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rows[i][j] = s.get(i, j);
            }
        }
        EigenDecomposition eig;
        try {
            eig = new EigenDecomposition(new Array2DRowRealMatrix(rows, false));
        } catch (MathArithmeticException | MaxCountExceededException e) {
            throw new ArithmeticException("Commons Math eigen-decomposition failed for a " + n + "x" + n
                    + " matrix: " + e.getMessage());
        }
        if (eig.hasComplexEigenvalues()) {
            throw new ArithmeticException("Commons Math treated the symmetrised matrix as non-symmetric");
        }
        double[] values = eig.getRealEigenvalues();
        DMatrixRMaj vectors = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            RealVector v = eig.getEigenvector(i);
            for (int r = 0; r < n; r++) {
                vectors.set(r, i, v.getEntry(r));
            }
        }
        return SymmetricSpectrum.canonical(values, vectors);
    }

    @Override
    public String name() {
        return "Commons Math 3.6.1 EigenDecomposition";
    }

    @Override
    public String toString() {
        return name();
    }
}
