package org.advsharp.oracle;

/** Input validation shared by the oracles; every message names the input and the problem. */
final class Require {
    private Require() {
    }

    /** eps must be a finite number >= 0. */
    static double epsilon(double eps) {
        if (Double.isNaN(eps) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("epsilon is " + eps + "; it must be a finite number >= 0");
        }
        if (eps < 0) {
            throw new IllegalArgumentException("epsilon is " + eps + "; the attack radius must be >= 0");
        }
        return eps;
    }

    /** lambda must be a finite number >= 0. */
    static double weightDecay(double lambda) {
        if (!Double.isFinite(lambda) || lambda < 0) {
            throw new IllegalArgumentException("weight decay lambda is " + lambda
                    + "; it must be a finite number >= 0");
        }
        return lambda;
    }

    /** A vector of the given length with finite entries. */
    static double[] vector(String name, double[] v, int expectedLength) {
        if (v == null) {
            throw new IllegalArgumentException(name + " is missing (null)");
        }
        if (v.length != expectedLength) {
            throw new IllegalArgumentException(name + " has " + v.length + " entries but the data have d = "
                    + expectedLength + " features");
        }
        for (int j = 0; j < v.length; j++) {
            if (!Double.isFinite(v[j])) {
                throw new IllegalArgumentException(name + "[" + j + "] is " + v[j]
                        + "; every entry must be a finite number");
            }
        }
        return v;
    }

    /** The inputs of a worst-case attack on one sample: finite weights w, a label in {-1, +1}, a radius >= 0. */
    static void attack(double[] w, double y, double eps) {
        if (w == null) {
            throw new IllegalArgumentException("w is missing (null)");
        }
        vector("w", w, w.length);
        label(y);
        epsilon(eps);
    }

    /** A label in {-1, +1}. */
    static double label(double y) {
        if (y != 1.0 && y != -1.0) {
            throw new IllegalArgumentException("label y is " + y + "; it must be -1 or +1");
        }
        return y;
    }

    /** ||v||_2 computed without overflow or underflow for any finite entries. */
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

    /** Rejects w = 0 with the reason the asked-for quantity does not exist there. */
    static double nonZeroNorm(double[] w, String what) {
        double norm = norm(w);
        if (norm == 0.0) {
            throw new IllegalArgumentException("w = 0: " + what + " does not exist at w = 0, where ||w|| has a "
                    + "kink and the direction w/||w|| is undefined; pass a nonzero weight vector");
        }
        return norm;
    }
}
