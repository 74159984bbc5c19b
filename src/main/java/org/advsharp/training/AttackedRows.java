package org.advsharp.training;

import org.advsharp.numerics.RowBlocks;

/**
 * The two sums over the attacked rows that both kernels' Hessians are made of, for rows attacked along a fixed
 * direction e (L2: e = w/||w||; Linf on a face: e = xi, the signs of w), x'_n = x_n - eps y_n e, with curvature
 * weights s_n:
 *
 * <pre>
 *   product:   acc_j = sum_n z_n x_nj,  acc_d = sum_n z_n y_n,   z_n = s_n (x_n^T v - eps y_n (e^T v)),
 *              so that (1/N) sum_n s_n x'_n x'_n^T v = (acc_{0..d-1} - eps acc_d e) / N
 *   diagonal:  acc_j = sum_n s_n x_nj^2,  acc_{d+j} = sum_n s_n y_n x_nj,  acc_{2d} = sum_n s_n,
 *              so that ((1/N) sum_n s_n x'_n x'_n^T)_jj = (acc_j - 2 eps e_j acc_{d+j} + eps^2 e_j^2 acc_{2d}) / N
 * </pre>
 *
 * Both run over the fixed row blocks of {@link RowBlocks}, so they are bit-identical for any thread count.
 */
final class AttackedRows {
    private AttackedRows() {
    }

    /**
     * The product sums: d + 1 entries (rows with s_n = 0 are skipped).
     *
     * @param along e^T v
     */
    static double[] product(RowBlocks blocks, double[] x, double[] y, int d, double[] s, double epsilon, double[] v,
                            double along) {
        return blocks.reduce(d + 1, (from, to, p) -> {
            for (int i = from; i < to; i++) {
                double si = s[i];
                if (si == 0) {
                    continue;
                }
                int off = i * d;
                double z = si * (RowBlocks.dot(x, off, v, d) - epsilon * y[i] * along);
                p[d] += z * y[i];
                RowBlocks.axpy(z, x, off, p, d);
            }
        });
    }

    /** The diagonal sums: 2 d + 1 entries. */
    static double[] diagonal(RowBlocks blocks, double[] x, double[] y, int d, double[] s) {
        return blocks.reduce(2 * d + 1, (from, to, p) -> {
            for (int i = from; i < to; i++) {
                double si = s[i];
                int off = i * d;
                for (int j = 0; j < d; j++) {
                    double xij = x[off + j];
                    p[j] += si * xij * xij;
                    p[d + j] += si * y[i] * xij;
                }
                p[2 * d] += si;
            }
        });
    }
}
