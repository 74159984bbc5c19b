package org.advsharp.cli;

/** Checks of numeric options shared by the commands; failures name the option. */
final class Inputs {
    private Inputs() {
    }

    /** A radius or weight-decay coefficient: finite and >= 0. */
    static double nonNegative(String option, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(option + " must be a finite number, got " + value);
        }
        if (value < 0) {
            throw new IllegalArgumentException(option + " must be >= 0, got " + value);
        }
        return value;
    }

    /** A weight vector usable with the data: d entries, finite, not all zero. */
    static double[] weights(String source, double[] w, int dimension) {
        if (w.length != dimension) {
            throw new IllegalArgumentException(source + ": " + w.length + " weight(s) but the data has d = "
                    + dimension + " feature column(s)");
        }
        boolean zero = true;
        for (double v : w) {
            zero &= v == 0.0;
        }
        if (zero) {
            throw new IllegalArgumentException(source + ": all weights are 0; the adversarial loss has a kink at "
                    + "w = 0 (its gradient and Hessian do not exist there)");
        }
        return w;
    }
}
