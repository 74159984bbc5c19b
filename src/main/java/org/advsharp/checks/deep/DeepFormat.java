package org.advsharp.checks.deep;

import java.util.Locale;
import org.advsharp.checks.Figures;

/**
 * How the deep checks write numbers into their evidence: {@link #DIGITS} significant digits through
 * {@link Figures}, and eigenvalues and errors in scientific notation, so the checks' tables agree.
 */
final class DeepFormat {
    /** Significant digits of the deep checks' radii, table cells and summary series. */
    static final int DIGITS = 4;

    private DeepFormat() {
    }

    /** {@value #DIGITS} significant digits, e.g. "0.1235", for radii and table cells. */
    static String fmt(double v) {
        return Figures.significant(v, DIGITS);
    }

    /** Seven significant digits in scientific notation, e.g. "1.234568e-03", for eigenvalues and errors. */
    static String sci(double v) {
        return String.format(Locale.ROOT, "%.6e", v);
    }

    /** Each value rounded to {@value #DIGITS} significant digits (as {@link #fmt} writes it), for summaries. */
    static double[] round(double[] v) {
        return Figures.rounded(v, DIGITS);
    }
}
