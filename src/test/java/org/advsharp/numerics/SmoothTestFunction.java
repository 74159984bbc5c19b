package org.advsharp.numerics;

import org.ejml.data.DMatrixRMaj;

/**
 * f(x) = exp(a^T x) + sum_{i &lt; d-1} sin(x_i) x_{i+1} + log(1 + ||x||^2) with its gradient and Hessian
 * derived by hand, for testing finite differences on a smooth non-polynomial function.
 */
final class SmoothTestFunction {
    private final double[] a;

    SmoothTestFunction(double[] a) {
        this.a = a.clone();
    }

    double value(double[] x) {
        double s = Math.exp(Vectors.dot(a, x));
        for (int i = 0; i + 1 < x.length; i++) {
            s += Math.sin(x[i]) * x[i + 1];
        }
        return s + Math.log1p(Vectors.dot(x, x));
    }

    double[] gradient(double[] x) {
        int d = x.length;
        double e = Math.exp(Vectors.dot(a, x));
        double q = 1.0 + Vectors.dot(x, x);
        double[] g = new double[d];
        for (int i = 0; i < d; i++) {
            g[i] = e * a[i] + 2.0 * x[i] / q;
            if (i + 1 < d) {
                g[i] += Math.cos(x[i]) * x[i + 1];
            }
            if (i > 0) {
                g[i] += Math.sin(x[i - 1]);
            }
        }
        return g;
    }

    DMatrixRMaj hessian(double[] x) {
        int d = x.length;
        double e = Math.exp(Vectors.dot(a, x));
        double q = 1.0 + Vectors.dot(x, x);
        DMatrixRMaj h = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double v = e * a[i] * a[j] - 4.0 * x[i] * x[j] / (q * q);
                if (i == j) {
                    v += 2.0 / q;
                    if (i + 1 < d) {
                        v -= Math.sin(x[i]) * x[i + 1];
                    }
                }
                if (j == i + 1) {
                    v += Math.cos(x[i]);
                }
                if (i == j + 1) {
                    v += Math.cos(x[j]);
                }
                h.set(i, j, v);
            }
        }
        return h;
    }
}
