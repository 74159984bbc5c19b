package org.advsharp.property;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.StringJoiner;

/**
 * Prints values as Java source a person can paste into a test: doubles with the fewest significant
 * digits that still parse back to the same double, arrays as array initialisers, and any
 * {@link PasteableValue} by its own source. Property engine; no paper claim.
 */
public final class Pasteable {

    /** Decimal exponents in [-3, 7) print plainly (0.001 .. 9999999.0), others as 1.5E-6. */
    private static final int PLAIN_MIN_EXPONENT = -3;
    private static final int PLAIN_MAX_EXPONENT = 7;

    private Pasteable() {
    }

    /** The shortest decimal that parses back to v, as a Java double literal (or Double.NaN etc.). */
    public static String of(double v) {
        if (Double.isNaN(v)) {
            return "Double.NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        if (v == 0.0) {
            return 1.0 / v < 0 ? "-0.0" : "0.0";
        }
        // Any decimal that parses to v will do as an anchor; Double.toString gives one with <= 17 digits.
        // The interval of reals that parse to v is convex, so if some p-digit decimal lies in it, so does
        // the p-digit neighbour of the anchor on that side; and if p digits suffice, so do p + 1. So a
        // binary search over p, trying both neighbours, finds the shortest; each is checked by parsing.
        BigDecimal anchor = new BigDecimal(Double.toString(v));
        BigDecimal shortest = anchor;
        int enough = anchor.precision();
        int tooFew = 0;
        while (enough - tooFew > 1) {
            int digits = (enough + tooFew) / 2;
            BigDecimal found = roundTrippingNeighbour(anchor, digits, v);
            if (found != null) {
                shortest = found;
                enough = digits;
            } else {
                tooFew = digits;
            }
        }
        shortest = shortest.stripTrailingZeros();
        int exponent = shortest.precision() - shortest.scale() - 1;
        if (exponent >= PLAIN_MIN_EXPONENT && exponent < PLAIN_MAX_EXPONENT) {
            String plain = shortest.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String digits = shortest.unscaledValue().abs().toString();
        String mantissa = digits.charAt(0) + "." + (digits.length() > 1 ? digits.substring(1) : "0");
        return (v < 0 ? "-" : "") + mantissa + "E" + exponent;
    }

    /** The p-digit neighbour of anchor (the nearer one first) that parses to v, or null. */
    private static BigDecimal roundTrippingNeighbour(BigDecimal anchor, int digits, double v) {
        BigDecimal down = anchor.round(new MathContext(digits, RoundingMode.DOWN));
        BigDecimal up = anchor.round(new MathContext(digits, RoundingMode.UP));
        boolean downNearer = anchor.subtract(down).abs().compareTo(up.subtract(anchor).abs()) <= 0;
        for (BigDecimal candidate : downNearer ? List.of(down, up) : List.of(up, down)) {
            if (Double.parseDouble(candidate.toString()) == v) {
                return candidate;
            }
        }
        return null;
    }

    /** new double[] {a0, a1, ...}. */
    public static String of(double[] values) {
        return "new double[] " + braces(values);
    }

    /** new double[][] {{...}, {...}}. */
    public static String of(double[][] rows) {
        StringJoiner out = new StringJoiner(", ", "new double[][] {", "}");
        for (double[] row : rows) {
            out.add(braces(row));
        }
        return out.toString();
    }

    /**
     * Any value: doubles, double[] and double[][] as above; a {@link PasteableValue} by its own source; ints and longs
     * as literals; strings quoted; lists as List.of(...); anything else by String.valueOf.
     */
    public static String of(Object value) {
        if (value instanceof Double d) {
            return of(d.doubleValue());
        } else if (value instanceof double[] a) {
            return of(a);
        } else if (value instanceof double[][] m) {
            return of(m);
        } else if (value instanceof PasteableValue p) {
            return p.pasteable();
        } else if (value instanceof Long l) {
            return l + "L";
        } else if (value instanceof String s) {
            return quote(s);
        } else if (value instanceof List<?> list) {
            StringJoiner out = new StringJoiner(", ", "List.of(", ")");
            for (Object element : list) {
                out.add(of(element));
            }
            return out.toString();
        }
        return String.valueOf(value);
    }

    private static String braces(double[] values) {
        StringJoiner out = new StringJoiner(", ", "{", "}");
        for (double v : values) {
            out.add(of(v));
        }
        return out.toString();
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
