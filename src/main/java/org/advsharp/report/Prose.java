package org.advsharp.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers inside the report's running text (check summaries, explanations, table cells): a decimal
 * written with more than {@value #LONG} significant digits, as Java prints a double
 * ({@code 0.7916666666666666}), is shown with {@value #DIGITS} significant digits ({@code 0.7917}), and a
 * p-value ({@code p = 0.0312500000001}, {@code p-value 0.79166...}) with {@value #P_DIGITS}
 * ({@code 0.031}, {@code 0.79}). Integers (seeds, counts) and short decimals are left as written, and so
 * are commands and file contents, which the report never passes through here. Full precision stays in
 * results.json.
 */
final class Prose {

    /** More significant digits than this is "a long float". */
    static final int LONG = 6;
    /** Significant digits shown for a long float. */
    static final int DIGITS = 4;
    /** Significant digits shown for a p-value. */
    static final int P_DIGITS = 2;

    private static final Pattern DECIMAL = Pattern.compile(
            "(?<![\\w.])(-?)(\\d+\\.\\d+)([eE][-+]?\\d+)?(?![\\w.])");
    private static final Pattern P_BEFORE = Pattern.compile("(?i)(\\bp\\s*[=<>≤]\\s*|p-value[^0-9]{0,40})$");

    private Prose() {
    }

    /** The text with its long decimals shortened. */
    static String numbers(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        Matcher m = DECIMAL.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String literal = m.group();
            String replacement = literal;
            if (significantDigits(m.group(2)) > LONG) {
                boolean pValue = P_BEFORE.matcher(text.substring(Math.max(0, m.start() - 48), m.start())).find();
                replacement = shorten(Double.parseDouble(literal), pValue ? P_DIGITS : DIGITS);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int significantDigits(String mantissa) {
        String digits = mantissa.replace(".", "").replaceFirst("^0+", "");
        return digits.length();
    }

    /** {@code v} rounded to {@code digits} significant digits, plain between 1e-4 and 1e6, else 1.234e-7. */
    static String shorten(double v, int digits) {
        if (v == 0 || !Double.isFinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e6) {
            BigDecimal b = new BigDecimal(v).round(new MathContext(digits));
            return b.stripTrailingZeros().toPlainString();
        }
        String s = String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
        return s.replaceFirst("\\.?0+e", "e").replaceFirst("e([-+])0*(\\d)", "e$1$2").replace("e+", "e");
    }
}
