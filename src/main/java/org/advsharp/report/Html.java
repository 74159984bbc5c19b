package org.advsharp.report;

import java.util.Locale;

/** Escaping and number formatting for the HTML report. */
final class Html {
    private Html() {
    }

    /** Escapes text for HTML element content and double-quoted attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A number for a table: six significant digits, plain for moderate magnitudes, else scientific. */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e6) {
            String s = String.format(Locale.ROOT, "%.6g", v);
            return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        }
        return String.format(Locale.ROOT, "%.5e", v);
    }

    /** A fact's value as text: numbers formatted, arrays listed element by element. */
    static String value(Object v) {
        if (v instanceof Double d) {
            return number(d);
        }
        if (v instanceof Float f) {
            return number(f);
        }
        if (v instanceof double[] a) {
            return java.util.Arrays.stream(a).mapToObj(Html::number)
                    .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        }
        if (v instanceof int[] a) {
            return java.util.Arrays.toString(a);
        }
        if (v instanceof long[] a) {
            return java.util.Arrays.toString(a);
        }
        if (v instanceof Object[] a) {
            return java.util.Arrays.deepToString(a);
        }
        return String.valueOf(v);
    }

    /** An id usable as an HTML anchor: the claim id with ':' and other punctuation replaced. */
    static String anchor(String id) {
        return "claim-" + id.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
