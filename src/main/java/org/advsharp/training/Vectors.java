package org.advsharp.training;

/** Dense vector arithmetic on double[] used by the trainers (no allocation beyond the result). */
final class Vectors {
    private Vectors() {
    }

    static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    /** ||v||_2, scaled so that it neither overflows nor underflows. */
    static double norm(double[] v) {
        double scale = 0.0;
        for (double x : v) {
            scale = Math.max(scale, Math.abs(x));
        }
        if (scale == 0.0) {
            return 0.0;
        }
        double sum = 0.0;
        for (double x : v) {
            double r = x / scale;
            sum += r * r;
        }
        return scale * Math.sqrt(sum);
    }

    /** a + t b, a fresh array. */
    static double[] plus(double[] a, double t, double[] b) {
        double[] out = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            out[j] = a[j] + t * b[j];
        }
        return out;
    }

    /** t v, a fresh array. */
    static double[] scaled(double t, double[] v) {
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = t * v[j];
        }
        return out;
    }

    static boolean isZero(double[] v) {
        for (double x : v) {
            if (x != 0.0) {
                return false;
            }
        }
        return true;
    }
}
