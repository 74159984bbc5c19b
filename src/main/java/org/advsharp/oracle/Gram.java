package org.advsharp.oracle;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;

/**
 * Weighted Gram matrices (1/N) sum_n c_n z_n z_n^T with c_n >= 0, the shape of every Hessian here.
 *
 * <p>Formed as B^T B / N with rows b_n = sqrt(c_n) z_n, which keeps the result symmetric and positive
 * semidefinite to rounding. Large products use EJML's multi-threaded kernel.
 */
final class Gram {
    /** Above this many multiply-adds (N d^2) the multi-threaded kernel pays for its start-up. */
    private static final long CONCURRENT_WORK_THRESHOLD = 20_000_000L;

    private Gram() {
    }

    /**
     * (1/N) sum_n weights[n] rows_n rows_n^T, where rows is N x k row-major.
     *
     * @param rows    row-major N x k values z_n (not modified)
     * @param n       N
     * @param k       length of each z_n
     * @param weights c_n >= 0, length N
     */
    static DMatrixRMaj weighted(double[] rows, int n, int k, double[] weights) {
        DMatrixRMaj b = new DMatrixRMaj(n, k);
        double[] bd = b.data;
        for (int i = 0; i < n; i++) {
            double root = Math.sqrt(weights[i]);
            int offset = i * k;
            for (int j = 0; j < k; j++) {
                bd[offset + j] = root * rows[offset + j];
            }
        }
        DMatrixRMaj gram = new DMatrixRMaj(k, k);
        if ((long) n * k * k > CONCURRENT_WORK_THRESHOLD) {
            CommonOps_MT_DDRM.multInner(b, gram);
        } else {
            CommonOps_DDRM.multInner(b, gram);
        }
        CommonOps_DDRM.scale(1.0 / n, gram);
        return gram;
    }
}
