package org.advsharp.training;

/**
 * Dense vector arithmetic on double[] used by the trainers (no allocation beyond the result); the inner
 * product and the norm come from {@link org.advsharp.numerics.Vectors}.
 */
final class Vectors {
    private Vectors() {
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
