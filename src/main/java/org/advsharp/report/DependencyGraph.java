package org.advsharp.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.advsharp.claims.Claim;
import org.advsharp.claims.ClaimUses;
import org.advsharp.claims.Verdict;
import org.advsharp.results.ClaimOutcome;
import org.advsharp.results.Results;

/**
 * The claims and what their proofs use (each claim's {@code Uses:} line), drawn as an inline SVG that fits
 * the page's content box ({@value #MAX_WIDTH} px): one band per depth from the top (claims that use none
 * first, then those that use only claims above them, and so on), each band wrapped into as many rows as
 * its claims need; each node a link to the claim, filled with the colour of its verdict; an arrow from
 * each claim up to every claim it uses. Within a band, claims are ordered by the mean position of the
 * claims they use, which keeps arrows short and crossings few. Self-contained: no script, no outside
 * resource.
 */
final class DependencyGraph {
    /** Width of the report's content box: main's 1080 px less its padding of 2 x 24 px. */
    static final int MAX_WIDTH = 1032;
    private static final int FONT_SIZE = 11;
    /** Advance of one character of the 11 px monospace font (DejaVu Sans Mono: 0.602 em = 6.62 px), rounded up. */
    private static final double CHAR_WIDTH = 6.7;
    private static final int TEXT_PAD = 6;
    private static final int NODE_HEIGHT = 20;
    private static final int GAP = 10;
    private static final int ROW_GAP = 6;
    /** Space between two bands, where the arrows run. */
    private static final int BAND_GAP = 30;
    private static final int MARGIN = 6;

    private DependencyGraph() {
    }

    /** The fill of a node: the report's verdict colours (NOT RUN white with a grey dashed outline). */
    static String fill(Verdict v) {
        return switch (v) {
            case VERIFIED -> "#1a7f37";
            case SUPPORTED -> "#0969da";
            case COUNTEREXAMPLE -> "#8250df";
            case INCONCLUSIVE -> "#fff8c5";
            case FAILED -> "#cf222e";
            case NOT_RUN -> "#ffffff";
        };
    }

    private static String textColour(Verdict v) {
        return v == Verdict.INCONCLUSIVE ? "#9a6700" : v == Verdict.NOT_RUN ? "#6e7781" : "#ffffff";
    }

    /**
     * The SVG of the claims of {@code results} whose texts are known, or an empty string when no claim of
     * the run uses another.
     */
    static String svg(Results results, Map<String, Claim> texts) {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        List<Claim> claims = new ArrayList<>();
        for (ClaimOutcome c : results.claims()) {
            Claim text = texts.get(c.id());
            if (text != null) {
                verdicts.put(c.id(), c.verdict());
                claims.add(text);
            }
        }
        boolean anyUse = claims.stream().anyMatch(c -> c.uses().stream().anyMatch(verdicts::containsKey));
        if (!anyUse) {
            return "";
        }
        Map<String, Integer> depth = ClaimUses.depths(claims);
        List<List<Claim>> bands = new ArrayList<>();
        for (Claim c : claims) {
            int d = depth.get(c.id());
            while (bands.size() <= d) {
                bands.add(new ArrayList<>());
            }
            bands.get(d).add(c);
        }
        int longest = claims.stream().mapToInt(c -> c.id().length()).max().orElse(1);
        int nodeWidth = Math.min(MAX_WIDTH - 2 * MARGIN, 2 * TEXT_PAD + (int) Math.ceil(longest * CHAR_WIDTH));
        int perRow = Math.max(1, (MAX_WIDTH - 2 * MARGIN + GAP) / (nodeWidth + GAP));
        Map<String, int[]> at = new LinkedHashMap<>();
        int y = MARGIN;
        int widest = 0;
        for (List<Claim> band : bands) {
            List<Claim> ordered = new ArrayList<>(band);
            ordered.sort(Comparator.comparingDouble(c -> meanX(c, at)));
            for (int i = 0; i < ordered.size(); i++) {
                int row = i / perRow;
                int col = i % perRow;
                at.put(ordered.get(i).id(), new int[] {MARGIN + col * (nodeWidth + GAP),
                        y + row * (NODE_HEIGHT + ROW_GAP)});
                widest = Math.max(widest, col + 1);
            }
            int rows = (ordered.size() + perRow - 1) / perRow;
            y += rows * NODE_HEIGHT + (rows - 1) * ROW_GAP + BAND_GAP;
        }
        int width = 2 * MARGIN + widest * nodeWidth + (widest - 1) * GAP;
        int height = y - BAND_GAP + MARGIN;
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "<svg class=\"uses\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"claims and the claims "
                + "their proofs use\">\n", width, height, width, height));
        out.append("<defs><marker id=\"uses-arrow\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" markerWidth=\"7\" "
                + "markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#57606a\"/></marker></defs>\n");
        for (Claim c : claims) {
            int[] user = at.get(c.id());
            for (String used : c.uses()) {
                int[] target = at.get(used);
                if (target == null) {
                    continue;
                }
                // from the top edge of the user up to the bottom edge of the claim it uses
                out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#8c959f\" "
                                + "stroke-opacity=\"0.8\" stroke-width=\"1\" marker-end=\"url(#uses-arrow)\"><title>%s uses "
                                + "%s</title></line>\n", user[0] + nodeWidth / 2, user[1], target[0] + nodeWidth / 2,
                        target[1] + NODE_HEIGHT, Html.escape(c.id()), Html.escape(used)));
            }
        }
        for (Map.Entry<String, int[]> e : at.entrySet()) {
            Verdict v = verdicts.get(e.getKey());
            int[] p = e.getValue();
            out.append("<a href=\"#").append(Html.anchor(e.getKey())).append("\">")
                    .append(String.format(Locale.ROOT, "<rect class=\"node v-%s\" x=\"%d\" y=\"%d\" width=\"%d\" "
                                    + "height=\"%d\" rx=\"4\" fill=\"%s\" stroke=\"%s\"%s/>", v.name(), p[0], p[1],
                            nodeWidth, NODE_HEIGHT, fill(v), v == Verdict.NOT_RUN ? "#6e7781" : "none",
                            v == Verdict.NOT_RUN ? " stroke-dasharray=\"4 3\"" : ""))
                    .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" "
                                    + "font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\" fill=\"%s\">%s<title>%s: "
                                    + "%s</title></text></a>\n", p[0] + TEXT_PAD, p[1] + 14, FONT_SIZE, textColour(v), Html.escape(e.getKey()), Html.escape(e.getKey()),
                            v.label()));
        }
        return out.append("</svg>\n").toString();
    }

    /** Mean x of the claims {@code c} uses that are placed already (0 if none: the band's order is kept). */
    private static double meanX(Claim c, Map<String, int[]> at) {
        return c.uses().stream().filter(at::containsKey).mapToInt(u -> at.get(u)[0]).average().orElse(0);
    }
}
