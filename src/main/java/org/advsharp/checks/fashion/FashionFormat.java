package org.advsharp.checks.fashion;

import org.advsharp.checks.Figures;

/**
 * How the Fashion-MNIST checks write numbers into their tables and sentences: {@value #DIGITS} significant digits
 * through {@link Figures}.
 */
final class FashionFormat {
    /** Significant digits of the Fashion-MNIST tables and sentences. */
    static final int DIGITS = 4;

    private FashionFormat() {
    }

    /** {@value #DIGITS} significant digits, e.g. "0.1235". */
    static String fmt(double v) {
        return Figures.significant(v, DIGITS);
    }

    /** Each value rounded to {@value #DIGITS} significant digits (as {@link #fmt} writes it), for the tables. */
    static double[] round(double[] v) {
        return Figures.rounded(v, DIGITS);
    }
}
