package org.advsharp.checks;

import java.util.Arrays;
import java.util.Locale;

/**
 * Numbers as the evidence's tables, facts and sentences show them: to a stated number of significant digits
 * (printf's %g in the root locale), and arrays rounded to the same digits for display. results.json keeps the
 * full values wherever a measurement or a series carries them.
 */
public final class Figures {
    /** The digits of {@link #fourDigits} and {@link #roundedToFour}. */
    private static final int FOUR = 4;

    private Figures() {
    }

    /** {@code v} to {@code digits} significant digits, e.g. significant(0.0123456, 3) = "0.0123". */
    public static String significant(double v, int digits) {
        if (digits < 1) {
            throw new IllegalArgumentException("figures: " + digits + " significant digits; need at least 1");
        }
        return String.format(Locale.ROOT, "%." + digits + "g", v);
    }

    /** Each value rounded to {@code digits} significant digits (the double nearest its printed form). */
    public static double[] rounded(double[] v, int digits) {
        return Arrays.stream(v).map(x -> Double.parseDouble(significant(x, digits))).toArray();
    }

    /**
     * Four significant digits, as the deep and Fashion-MNIST checks write radii, eigenvalues and table cells,
     * e.g. fourDigits(0.123456) = "0.1235".
     */
    public static String fourDigits(double v) {
        return significant(v, FOUR);
    }

    /** Each value rounded to four significant digits, as {@link #fourDigits} writes it, for series in summaries. */
    public static double[] roundedToFour(double[] v) {
        return rounded(v, FOUR);
    }

}
