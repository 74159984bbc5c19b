package org.advsharp.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Escaping and number formatting for the HTML report. */
final class Html {
    /**
     * A number as written in a cell or a sentence: a sign, digits (with thousands commas), a fraction and an
     * exponent ("-0.861", "2.67e+03", "1,032", "NaN" is not one); not digits inside a word ("resnet18").
     */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\w.])[-+−]?\\d(?:[\\d,]*\\d)?(?:\\.\\d+)?(?:[eE][-+]?\\d+)?(?![\\w])");
    /** A cell that is one number and nothing else. */
    private static final Pattern ONLY_NUMBER = Pattern.compile("\\s*" + NUMBER.pattern() + "\\s*");

    private Html() {
    }

    /**
     * HTML (escaped text and tags) with every number outside tags and code wrapped in
     * {@code <span class="n">}, which the style sheet keeps on one line: a table cell or a sentence may
     * wrap between numbers, never inside one ("0.861" never becomes "0.86" over "1").
     */
    static String wholeNumbers(String html) {
        StringBuilder out = new StringBuilder(html.length() + 32);
        boolean inCode = false;
        int i = 0;
        while (i < html.length()) {
            int tag = html.indexOf('<', i);
            String text = html.substring(i, tag < 0 ? html.length() : tag);
            out.append(inCode ? text : NUMBER.matcher(text).replaceAll("<span class=\"n\">$0</span>"));
            if (tag < 0) {
                break;
            }
            int end = html.indexOf('>', tag);
            end = end < 0 ? html.length() : end + 1;
            String t = html.substring(tag, end);
            inCode = t.startsWith("<code") || (inCode && !t.startsWith("</code"));
            out.append(t);
            i = end;
        }
        return out.toString();
    }

    /** Whether a cell's text is one number (then it is set right-aligned, on one line). */
    static boolean isNumber(String text) {
        return ONLY_NUMBER.matcher(text).matches();
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
            return Arrays.stream(a).mapToObj(Html::number)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (v instanceof int[] a) {
            return Arrays.toString(a);
        }
        if (v instanceof long[] a) {
            return Arrays.toString(a);
        }
        if (v instanceof Object[] a) {
            return Arrays.deepToString(a);
        }
        return String.valueOf(v);
    }

    /** An id usable as an HTML anchor: the claim id with ':' and other punctuation replaced. */
    static String anchor(String id) {
        return "claim-" + id.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
