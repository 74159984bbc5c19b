package org.advsharp.numerics;

/**
 * Small dense-vector arithmetic shared by the solvers of this package and by the packages built on it
 * (landscape, training, the suite). Only the inner product, the overflow-safe norm and axpy are
 * public; the argument checks and the eigenvector conventions stay package-private.
 */
public final class Vectors {
    private Vectors() {
    }

    /** Inner product a^T b. */
    public static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Euclidean norm ||a||_2, scaled so that it neither overflows nor underflows. */
    public static double norm(double[] a) {
        double scale = 0.0;
        for (double v : a) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (scale == 0.0 || !Double.isFinite(scale)) {
            return scale;
        }
        double s = 0.0;
        for (double v : a) {
            double t = v / scale;
            s += t * t;
        }
        return scale * Math.sqrt(s);
    }

    /** a + t b, a fresh array. */
    public static double[] plus(double[] a, double t, double[] b) {
        double[] out = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            out[j] = a[j] + t * b[j];
        }
        return out;
    }

    /** t v, a fresh array. */
    public static double[] scaled(double t, double[] v) {
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = t * v[j];
        }
        return out;
    }

    /** Whether every entry of v is 0 (either sign). */
    public static boolean isZero(double[] v) {
        for (double x : v) {
            if (x != 0.0) {
                return false;
            }
        }
        return true;
    }

    /** y := y + alpha x. */
    public static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    /** x := x / ||x||; returns the norm it divided by (the vector is left alone when that is 0). */
    static double normalize(double[] x) {
        double n = norm(x);
        if (n > 0.0) {
            for (int i = 0; i < x.length; i++) {
                x[i] /= n;
            }
        }
        return n;
    }

    /**
     * Canonical sign: flips x so that its entry of largest absolute value is positive; on ties the
     * lowest index decides. A zero vector is left alone.
     */
    static void canonicalSign(double[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (Math.abs(x[i]) > Math.abs(x[best])) {
                best = i;
            }
        }
        if (x[best] < 0.0) {
            for (int i = 0; i < x.length; i++) {
                x[i] = 0.0 - x[i]; // 0.0 - 0.0 is +0.0, so no -0.0 appears
            }
        }
    }

    /** ||A v - theta v||_2 with A applied through the operator. */
    static double residual(LinearOperator op, double[] v, double theta) {
        double[] av = new double[v.length];
        op.apply(v, av);
        axpy(-theta, v, av);
        return norm(av);
    }

    /** Rejects a null, empty or non-finite vector, naming it. */
    static void requireFinite(String name, double[] x) {
        if (x == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException(name + " has length 0; at least one component is needed");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + x[i]
                        + "; all components must be finite");
            }
        }
    }

    /** Rejects a null or non-positive-dimension operator, naming it. */
    static int requireOperator(String name, LinearOperator op) {
        if (op == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        int n = op.dimension();
        if (n < 1) {
            throw new IllegalArgumentException(name + " has dimension " + n + "; it must be at least 1");
        }
        return n;
    }
}
