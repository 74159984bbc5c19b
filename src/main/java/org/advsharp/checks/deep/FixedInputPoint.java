package org.advsharp.checks.deep;

import java.util.Arrays;
import org.advsharp.data.Dataset;
import org.advsharp.numerics.SymmetricEigenSolvers;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.oracle.HessianDecomposition;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The fixed-input part A = (1/N) sum_n s(m_n) x'_n x'_n^T of the mean adversarial loss at one trained w
 * (prop:decomposition), read three ways, and the adversarial margins m_n = y_n w^T x_n - eps ||w|| there.
 *
 * @param lambdaMaxA     lambda_max(A), dense
 * @param compressedTop  mu_max = lambda_max(Q^T A Q), Q an orthonormal basis of the complement of w
 *                       (lem:compressed-form; NaN when d = 1)
 * @param alongWeight    w_hat^T A w_hat = (1/N) sum_n s(m_n) m_n^2 / ||w||^2 (lem:compressed-form (c); P w_hat = 0,
 *                       so it is also w_hat^T H w_hat)
 * @param positiveShare  share of the adversarial margins that are &gt; 0
 * @param medianMargin   the median adversarial margin
 */
public record FixedInputPoint(double lambdaMaxA, double compressedTop, double alongWeight, double positiveShare,
                              double medianMargin) {

    /**
     * Measures A at {@code w} for the radius {@code epsilon}.
     *
     * @throws IllegalArgumentException for w = 0 (A is not defined at the kink) or a bad radius
     */
    public static FixedInputPoint at(Dataset data, double epsilon, double[] w) {
        HessianDecomposition h = new AdversarialLoss(data, epsilon).hessian(w);
        DMatrixRMaj a = h.fixedInputPart();
        double top = largest(a);
        double compressed = Double.NaN;
        if (w.length >= 2) {
            DMatrixRMaj q = h.complementBasis();
            DMatrixRMaj qa = new DMatrixRMaj(q.numCols, a.numCols);
            CommonOps_DDRM.multTransA(q, a, qa);
            DMatrixRMaj qaq = new DMatrixRMaj(q.numCols, q.numCols);
            CommonOps_DDRM.mult(qa, q, qaq);
            compressed = largest(qaq);
        }
        double[] m = h.margins();
        int positive = 0;
        for (double mi : m) {
            positive += mi > 0 ? 1 : 0;
        }
        return new FixedInputPoint(top, compressed, h.curvatureAlongWeight(), positive / (double) m.length,
                median(m));
    }

    private static double largest(DMatrixRMaj symmetric) {
        return SymmetricEigenSolvers.standard().decompose(symmetric).largest();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
