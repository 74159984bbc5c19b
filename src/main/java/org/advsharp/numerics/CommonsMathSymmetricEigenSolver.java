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
 *
 * <p>Commons Math compares some quantities against absolute thresholds, so on a matrix whose entries are
 * far from 1 (a Hessian at a large trained w has entries near 1e-100) its QL iteration can give up or
 * return wrong eigenvalues. The matrix is therefore scaled by the power of two that brings its largest
 * entry into [1, 2) and the eigenvalues are scaled back: both scalings are exact in floating point, and
 * eigenvectors do not change with the scale. Entries below u^2 = 2^-106 times the largest are then set
 * to 0: on a Hessian with entries 7e-5 and 1e-162 (w far out, every s(m_n) near e^-372) the QL iteration
 * otherwise stops with "convergence failed", as products of the tiny entries underflow. Setting them to 0
 * perturbs the matrix by at most n u^2 max|m_ij| in the 2-norm, far below the u ||M|| that any backward-stable
 * solver already allows, so the eigenvalues keep the accuracy a symmetric eigen-solver promises (absolute,
 * relative to ||M||).
 */
public final class CommonsMathSymmetricEigenSolver implements SymmetricEigenSolver {
    /** u^2 = 2^-106 relative to the largest entry, which the scaling puts in [1, 2). */
    private static final double NEGLIGIBLE = Math.scalb(1.0, -106);

    @Override
    public SymmetricSpectrum decompose(DMatrixRMaj m) {
        DMatrixRMaj s = DenseSymmetric.symmetrisedCopy("matrix m", m);
        int n = s.numRows;
        double largest = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                largest = Math.max(largest, Math.abs(s.get(i, j)));
            }
        }
        // the zero matrix scales by 2^1022 and stays 0
        int exponent = Math.getExponent(Math.max(largest, Double.MIN_NORMAL));
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = Math.scalb(s.get(i, j), -exponent);
                rows[i][j] = Math.abs(v) < NEGLIGIBLE ? 0.0 : v;
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
        for (int i = 0; i < n; i++) {
            values[i] = Math.scalb(values[i], exponent);
        }
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
