package org.advsharp.numerics;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/** Seeded test matrices with a known (planted) spectrum M = Q diag(l) Q^T. */
final class PlantedMatrices {
    private PlantedMatrices() {
    }

    /**
     * A random orthogonal n x n matrix: the Q factor of a seeded Gaussian matrix, with the signs of R's
     * diagonal moved into Q so that the distribution is Haar.
     */
    static DMatrixRMaj randomOrthogonal(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            g.data[i] = random.nextGaussian();
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
        if (!qr.decompose(g.copy())) {
            throw new IllegalStateException("QR failed");
        }
        DMatrixRMaj q = qr.getQ(null, false);
        DMatrixRMaj r = qr.getR(null, false);
        for (int j = 0; j < n; j++) {
            if (r.get(j, j) < 0) {
                for (int i = 0; i < n; i++) {
                    q.set(i, j, -q.get(i, j));
                }
            }
        }
        return q;
    }

    /** Q diag(l) Q^T. */
    static DMatrixRMaj withSpectrum(DMatrixRMaj q, double[] l) {
        int n = l.length;
        DMatrixRMaj ql = q.copy();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                ql.set(i, j, q.get(i, j) * l[j]);
            }
        }
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(ql, q, m);
        return m;
    }

    /** A symmetric matrix with i.i.d. Gaussian entries on and above the diagonal. */
    static DMatrixRMaj randomSymmetric(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = random.nextGaussian();
                m.set(i, j, v);
                m.set(j, i, v);
            }
        }
        return m;
    }

    /** The values sorted descending (a copy). */
    static double[] descending(double[] l) {
        double[] s = l.clone();
        Arrays.sort(s);
        for (int i = 0; i < s.length / 2; i++) {
            double t = s[i];
            s[i] = s[s.length - 1 - i];
            s[s.length - 1 - i] = t;
        }
        return s;
    }

    /** max |l_i|, the spectral norm of a matrix with eigenvalues l. */
    static double spectralNorm(double[] l) {
        double m = 0.0;
        for (double v : l) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** The projector sum_{c in cols} v_c v_c^T onto the span of the given columns of v. */
    static DMatrixRMaj projector(DMatrixRMaj v, int from, int to) {
        int n = v.numRows;
        DMatrixRMaj p = new DMatrixRMaj(n, n);
        for (int c = from; c < to; c++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    p.add(i, j, v.get(i, c) * v.get(j, c));
                }
            }
        }
        return p;
    }

    /** Max absolute entry of a - b. */
    static double maxAbsDifference(DMatrixRMaj a, DMatrixRMaj b) {
        double m = 0.0;
        for (int i = 0; i < a.getNumElements(); i++) {
            m = Math.max(m, Math.abs(a.data[i] - b.data[i]));
        }
        return m;
    }

    /** The planted eigenvectors Q reordered to match descending(l). */
    static DMatrixRMaj columnsInDescendingOrder(DMatrixRMaj q, double[] l) {
        int n = l.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(l[b], l[a]));
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        for (int c = 0; c < n; c++) {
            for (int r = 0; r < n; r++) {
                out.set(r, c, q.get(r, order[c]));
            }
        }
        return out;
    }

    /** ||a - b||_2. */
    static double distance(double[] a, double[] b) {
        double[] d = a.clone();
        Vectors.axpy(-1.0, b, d);
        return Vectors.norm(d);
    }
}
