package org.advsharp.checks.deep;

import java.util.Locale;

/** How the deep checks write numbers into their evidence: one place, so the checks' tables agree. */
final class DeepFormat {
    private DeepFormat() {
    }

    /** Four significant digits, e.g. "0.1235", for radii and table cells. */
    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** Seven significant digits in scientific notation, e.g. "1.234568e-03", for eigenvalues and errors. */
    static String sci(double v) {
        return String.format(Locale.ROOT, "%.6e", v);
    }

    /** Each value rounded to four significant digits (as {@link #fmt} writes it), for series in summaries. */
    static double[] round(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.parseDouble(fmt(v[i]));
        }
        return out;
    }
}
