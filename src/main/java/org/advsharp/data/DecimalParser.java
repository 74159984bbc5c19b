package org.advsharp.data;

/**
 * Reads a plain decimal ({@code [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?}) in place, without making a string,
 * and gives exactly the double {@link Double#parseDouble} gives for it.
 *
 * <pre>
 *   the digits, without the point, are an integer m, the value is m * 10^e;
 *   if m has at most 18 significant digits, m <= 2^53 and |e| <= 22: m and 10^|e| are exact doubles, so the one
 *       correctly rounded operation m * 10^e (e >= 0) or m / 10^-e (e < 0) is the correctly rounded value
 *       (Clinger's fast path), the double parseDouble gives;
 *   otherwise: Double.parseDouble of the field's text.
 * </pre>
 *
 * <p>Numbers written by a program are mostly short: on pixel intensities written with Python's repr most
 * fields are 0.0 or 16-digit fractions, nearly all on the fast path. Not thread-safe: one per parse.
 */
final class DecimalParser {
    /** 2^53: every integer up to it is an exact double. */
    private static final long EXACT_INTEGER_LIMIT = 1L << 53;
    /** 10^22 is the largest power of ten that is an exact double. */
    private static final int MAX_EXACT_POWER = 22;
    /** Significant digits that always fit in a long without overflow. */
    private static final int MAX_DIGITS = 18;
    /** Exponent digits read on the fast path (more: parseDouble decides). */
    private static final int MAX_EXPONENT_DIGITS = 3;
    private static final double[] POWERS_OF_TEN = new double[MAX_EXACT_POWER + 1];

    static {
        double p = 1;
        for (int k = 0; k <= MAX_EXACT_POWER; k++) {
            POWERS_OF_TEN[k] = p;
            p *= 10;
        }
    }

    private int end;

    /** Where the last {@link #read} stopped: the first character after the number (or where it failed). */
    int end() {
        return end;
    }

    /**
     * The plain decimal that starts at {@code from} and ends before {@code to} or at the first character that
     * cannot continue it ({@link #end()}); NaN when no plain decimal starts there.
     */
    double read(CharSequence text, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long m = 0;
        int significant = 0;
        int digits = 0;
        int fractionDigits = 0;
        char c;
        for (; i < to && isDigit(c = text.charAt(i)); i++) {
            digits++;
            if (significant > 0 || c != '0') {
                significant++;
                m = m * 10 + (c - '0');
            }
        }
        if (i < to && text.charAt(i) == '.') {
            for (i++; i < to && isDigit(c = text.charAt(i)); i++) {
                digits++;
                fractionDigits++;
                if (significant > 0 || c != '0') {
                    significant++;
                    m = m * 10 + (c - '0');
                }
            }
        }
        end = i;
        if (digits == 0) {
            return Double.NaN;
        }
        int exponent = 0;
        boolean fast = significant <= MAX_DIGITS;
        if (i < to && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            boolean negativeExponent = false;
            if (j < to && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                negativeExponent = text.charAt(j) == '-';
                j++;
            }
            int start = j;
            for (; j < to && isDigit(c = text.charAt(j)); j++) {
                if (j - start < MAX_EXPONENT_DIGITS) {
                    exponent = exponent * 10 + (c - '0');
                } else {
                    fast = false;
                }
            }
            if (j == start) {
                return Double.NaN;
            }
            end = j;
            exponent = negativeExponent ? -exponent : exponent;
        }
        if (fast && m == 0) {
            return negative ? -0.0 : 0.0;
        }
        int e = exponent - fractionDigits;
        if (!fast || m > EXACT_INTEGER_LIMIT || e > MAX_EXACT_POWER || e < -MAX_EXACT_POWER) {
            return Double.parseDouble(text.subSequence(from, end).toString());
        }
        double v = e >= 0 ? m * POWERS_OF_TEN[e] : m / POWERS_OF_TEN[-e];
        return negative ? -v : v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
