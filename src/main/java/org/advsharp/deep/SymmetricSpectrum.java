package org.advsharp.deep;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.ejml.data.DMatrixRMaj;

/** Largest eigenvalue of a small dense symmetric matrix (the oracle's Hessians), by Commons Math. */
final class SymmetricSpectrum {

    private SymmetricSpectrum() {
    }

    /** lambda_max of the symmetrised matrix (M + M^T)/2. */
    static double largest(DMatrixRMaj m) {
        int n = m.numRows;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = 0.5 * (m.get(i, j) + m.get(j, i));
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double e : new EigenDecomposition(new Array2DRowRealMatrix(a, false)).getRealEigenvalues()) {
            max = Math.max(max, e);
        }
        return max;
    }

    /** M x for a dense matrix. */
    static double[] times(DMatrixRMaj m, double[] x) {
        double[] out = new double[m.numRows];
        for (int i = 0; i < m.numRows; i++) {
            double s = 0;
            for (int j = 0; j < m.numCols; j++) {
                s += m.get(i, j) * x[j];
            }
            out[i] = s;
        }
        return out;
    }
}
