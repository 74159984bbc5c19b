package org.advsharp.cli;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigenvalues of a symmetric matrix, sorted descending. Provisional: EJML's symmetric solver directly,
 * until org.advsharp.numerics provides the suite's solver (then this class delegates to it or goes).
 * The matrix is symmetrised, (M + M^T)/2, before solving.
 */
final class SymmetricSpectrum {
    private SymmetricSpectrum() {
    }

    static double[] descending(DMatrixRMaj m) {
        int n = m.numRows;
        DMatrixRMaj sym = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                sym.set(i, j, 0.5 * (m.get(i, j) + m.get(j, i)));
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(sym)) {
            throw new IllegalStateException("the symmetric eigen-solver did not converge on a " + n + "x" + n
                    + " matrix");
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(values);
        for (int i = 0; i < n / 2; i++) {
            double t = values[i];
            values[i] = values[n - 1 - i];
            values[n - 1 - i] = t;
        }
        return values;
    }
}
