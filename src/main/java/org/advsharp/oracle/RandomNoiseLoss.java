package org.advsharp.oracle;

import org.advsharp.data.Dataset;
import org.ejml.data.DMatrixRMaj;

/**
 * The clean logistic loss on inputs perturbed by noise that does not depend on w (claim
 * prop:random-noise):
 *
 * <pre>
 *   L(w) = (1/N) sum_n softplus(-y_n w^T z_n),   z_n = x_n + noise_n (held fixed)
 *   grad = -(1/N) sum_n sigma(-r_n) y_n z_n,     r_n = y_n w^T z_n
 *   Hess = (1/N) sum_n s(r_n) z_n z_n^T
 * </pre>
 *
 * <p>The Hessian is the clean Hessian at the perturbed inputs: with no dependence of the noise on w,
 * there is no direction term kappa P. Defined for every w, including w = 0.
 */
public final class RandomNoiseLoss {
    private final int n;
    private final int d;
    private final double[] z;
    private final double[] y;

    /**
     * @param data  the clean samples
     * @param noise one noise vector per sample (N rows of length d), finite
     */
    public RandomNoiseLoss(Dataset data, double[][] noise) {
        if (data == null || noise == null) {
            throw new IllegalArgumentException("data set and noise must not be null");
        }
        this.n = data.size();
        this.d = data.dimension();
        if (noise.length != n) {
            throw new IllegalArgumentException("noise has " + noise.length + " rows but the data have N = " + n);
        }
        this.z = data.featuresRowMajor();
        for (int i = 0; i < n; i++) {
            Require.vector("noise row " + i, noise[i], d);
            for (int j = 0; j < d; j++) {
                z[i * d + j] += noise[i][j];
            }
        }
        this.y = data.labels();
    }

    /** r_n = y_n w^T z_n. */
    public double[] margins(double[] w) {
        Require.vector("w", w, d);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double dot = 0.0;
            for (int j = 0; j < d; j++) {
                dot += z[i * d + j] * w[j];
            }
            r[i] = y[i] * dot;
        }
        return r;
    }

    /** (1/N) sum_n softplus(-r_n). */
    public double value(double[] w) {
        double sum = 0.0;
        for (double ri : margins(w)) {
            sum += Logistic.softplus(-ri);
        }
        return sum / n;
    }

    /** -(1/N) sum_n sigma(-r_n) y_n z_n. */
    public double[] gradient(double[] w) {
        double[] r = margins(w);
        double[] g = new double[d];
        for (int i = 0; i < n; i++) {
            double c = Logistic.sigmoid(-r[i]) * y[i] / n;
            for (int j = 0; j < d; j++) {
                g[j] -= c * z[i * d + j];
            }
        }
        return g;
    }

    /** (1/N) sum_n s(r_n) z_n z_n^T. */
    public DMatrixRMaj hessian(double[] w) {
        double[] r = margins(w);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = Logistic.curvature(r[i]);
        }
        return Gram.weighted(z, n, d, s);
    }
}
