package org.advsharp.report;

import java.util.ArrayList;
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
 * The claims and what their proofs use (each claim's {@code Uses:} line), drawn as an inline SVG: one
 * column per depth (claims that use none on the left), each node a link to the claim, filled with the
 * colour of its verdict, an arrow from each claim to every claim it uses. Self-contained: no script,
 * no outside resource.
 */
final class DependencyGraph {
    private static final int NODE_WIDTH = 250;
    private static final int NODE_HEIGHT = 22;
    private static final int COLUMN_GAP = 60;
    private static final int ROW_GAP = 8;
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
        List<List<String>> columns = new ArrayList<>();
        for (Claim c : claims) {
            int d = depth.get(c.id());
            while (columns.size() <= d) {
                columns.add(new ArrayList<>());
            }
            columns.get(d).add(c.id());
        }
        Map<String, int[]> at = new LinkedHashMap<>();
        int rows = 0;
        for (int col = 0; col < columns.size(); col++) {
            List<String> ids = columns.get(col);
            for (int row = 0; row < ids.size(); row++) {
                at.put(ids.get(row), new int[] {MARGIN + col * (NODE_WIDTH + COLUMN_GAP),
                        MARGIN + row * (NODE_HEIGHT + ROW_GAP)});
            }
            rows = Math.max(rows, ids.size());
        }
        int width = 2 * MARGIN + columns.size() * NODE_WIDTH + (columns.size() - 1) * COLUMN_GAP;
        int height = 2 * MARGIN + rows * NODE_HEIGHT + Math.max(0, rows - 1) * ROW_GAP;
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
                out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#8c959f\" "
                                + "stroke-width=\"1\" marker-end=\"url(#uses-arrow)\"><title>%s uses %s</title></line>\n",
                        user[0], user[1] + NODE_HEIGHT / 2, target[0] + NODE_WIDTH, target[1] + NODE_HEIGHT / 2,
                        Html.escape(c.id()), Html.escape(used)));
            }
        }
        for (Map.Entry<String, int[]> e : at.entrySet()) {
            Verdict v = verdicts.get(e.getKey());
            int[] p = e.getValue();
            out.append("<a href=\"#").append(Html.anchor(e.getKey())).append("\">")
                    .append(String.format(Locale.ROOT, "<rect class=\"node v-%s\" x=\"%d\" y=\"%d\" width=\"%d\" "
                                    + "height=\"%d\" rx=\"4\" fill=\"%s\" stroke=\"%s\"%s/>", v.name(), p[0], p[1],
                            NODE_WIDTH, NODE_HEIGHT, fill(v), v == Verdict.NOT_RUN ? "#6e7781" : "none",
                            v == Verdict.NOT_RUN ? " stroke-dasharray=\"4 3\"" : ""))
                    .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" "
                                    + "font-family=\"monospace\" fill=\"%s\">%s<title>%s: %s</title></text></a>\n",
                            p[0] + 6, p[1] + 15, textColour(v), Html.escape(e.getKey()), Html.escape(e.getKey()),
                            v.label()));
        }
        return out.append("</svg>\n").toString();
    }
}
