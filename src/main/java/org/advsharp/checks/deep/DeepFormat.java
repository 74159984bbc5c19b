package org.advsharp.checks.deep;

import java.util.Locale;
import org.advsharp.checks.Figures;

/**
 * How the deep checks write eigenvalues and errors into their evidence: in scientific notation, so the checks'
 * tables agree; radii and table cells take four significant digits through {@link Figures#fourDigits}.
 */
final class DeepFormat {
    private DeepFormat() {
    }

    /** Seven significant digits in scientific notation, e.g. "1.234568e-03", for eigenvalues and errors. */
    static String sci(double v) {
        return String.format(Locale.ROOT, "%.6e", v);
    }
}
