package org.advsharp.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The ASCII mathematics of plot titles, axis labels and legends written in Unicode, since a chart cannot
 * use the page's TeX: {@code lambda_max(H(w*(eps)))} becomes "λmax of H at w*(ε)", {@code eps/eps_c}
 * "ε/εc", {@code ||w*||} "‖w*‖", {@code >=} "≥". Only whole words are replaced ({@code epsilon} stays).
 */
final class MathText {

    /** Replacements in order: longer patterns before the shorter ones they contain. */
    private static final Map<Pattern, String> RULES = new LinkedHashMap<>();

    static {
        rule("(\\w+)\\((H|A)\\(w\\*\\(eps\\)\\)\\)", "$1 of $2 at w*(eps)");
        rule("(\\w+)\\((H|A)\\(w\\*\\)\\)", "$1 of $2 at w*");
        rule("(\\w+)\\((H|A)\\(w_k\\)\\)", "$1 of $2 at w_k");
        rule("\\blambda_max\\b", "λmax");
        rule("\\blambda_i\\b", "λi");
        rule("\\blambda\\b", "λ");
        rule("\\beps_c\\b", "εc");
        rule("\\beps1\\b", "ε₁");
        rule("\\beps2\\b", "ε₂");
        rule("\\beps\\b", "ε");
        rule("\\bkappa\\b", "κ");
        rule("\\bsigma\\b", "σ");
        rule("\\balpha\\b", "α");
        rule("\\btau\\b", "τ");
        rule("\\brho\\b", "ρ");
        rule("\\bmu\\b", "μ");
        rule("\\|\\|_inf\\b", "‖∞");
        rule("\\|\\|_2\\b", "‖₂");
        rule("\\|\\|", "‖");
        rule("\\bw_k\\b", "wₖ");
        rule(">=", "≥");
        rule("<=", "≤");
        rule("->", "→");
    }

    private MathText() {
    }

    private static void rule(String regex, String replacement) {
        RULES.put(Pattern.compile(regex), replacement);
    }

    /** The text with its ASCII mathematics in Unicode. */
    static String unicode(String text) {
        if (text == null) {
            return "";
        }
        String s = text;
        for (Map.Entry<Pattern, String> r : RULES.entrySet()) {
            s = r.getKey().matcher(s).replaceAll(r.getValue());
        }
        return s;
    }
}
