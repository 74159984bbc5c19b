package org.advsharp.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advsharp.claims.Verdict;
import java.util.Collection;
import java.util.HashMap;
import org.advsharp.claims.Claim;

/**
 * The verification report: one self-contained {@code index.html} (KaTeX script, style sheet and fonts,
 * SVG plots and the report's own CSS all inlined; nothing is fetched when it is viewed) beside the
 * {@code results.json} it was rendered from.
 *
 * <p>A reader sees, in order: whether every claim has its expected verdict, the counts per verdict, the
 * FAILED claims (if any) and the NOT RUN claims with their reasons, the paper's claims P1-P4 each with
 * the precise claims under it, then every claim in full (statement, assumptions, proof, checks and their
 * evidence, replay command), and the run's provenance. NOT RUN is drawn grey and dashed, never green.
 */
public final class HtmlReport {

    /** The page's file name inside the report folder. */
    public static final String INDEX = "index.html";
    /** The results file's name inside the report folder. */
    public static final String RESULTS = "results.json";

    private HtmlReport() {
    }

    /**
     * Writes {@code results.json} (the given text, unchanged) and the {@code index.html} rendered from that
     * text by {@link ResultsReader} into {@code directory}, atomically: both are written to a folder beside
     * it and swapped in only when complete (see {@link ReportFolder}). A failure leaves the previous report
     * as it was.
     *
     * @param resultsJson the results document of a run
     * @param claimTexts  the claims of proofs/, for their statements, assumptions and proofs
     * @return the path of the written index.html
     * @throws IOException naming the folder and the problem when it cannot be written
     */
    public static Path write(String resultsJson, Collection<Claim> claimTexts, Path directory) throws IOException {
        Results results = ResultsReader.parse(resultsJson, RESULTS);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(RESULTS, resultsJson.getBytes(StandardCharsets.UTF_8));
        files.put(INDEX, render(results, claimTexts).getBytes(StandardCharsets.UTF_8));
        ReportFolder.replace(directory, files);
        return directory.resolve(INDEX);
    }

    /**
     * Renders one report from several results files (merged by {@link ResultsReader#readAll}) into
     * {@code directory/index.html}, atomically; other files in the folder are kept.
     *
     * @return the path of the written index.html
     * @throws IOException naming the file or folder and the problem
     */
    public static Path writeMerged(List<Path> resultsFiles, Collection<Claim> claimTexts, Path directory)
            throws IOException {
        Results results = ResultsReader.readAll(resultsFiles);
        ReportFolder.replace(directory, Map.of(INDEX, render(results, claimTexts).getBytes(StandardCharsets.UTF_8)));
        return directory.resolve(INDEX);
    }

    /** The whole page as a string, from results read back and the claims' texts. */
    public static String render(Results result, Collection<Claim> claimTexts) {
        Map<String, Claim> texts = new HashMap<>();
        claimTexts.forEach(c -> texts.put(c.id(), c));
        KatexAssets katex = KatexAssets.get();
        StringBuilder out = new StringBuilder(1 << 20);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>advsharp verification report</title>\n")
                .append("<style>").append(katex.css).append("</style>\n")
                .append("<style>").append(resource("report.css")).append("</style>\n</head>\n<body>\n<main>\n");
        header(result, out);
        attention(result, out);
        paperClaims(result, out);
        overview(result, out);
        String graph = DependencyGraph.svg(result, texts);
        if (!graph.isEmpty()) {
            out.append("<h2 id=\"uses\">What each proof uses</h2>\n<p>Each claim points to the claims its proof or "
                    + "argument relies on (its <code>Uses:</code> line in <code>proofs/</code>); claims that use none "
                    + "are on the left. The colour is the claim's verdict in this report.</p>\n<div class=\"graph\">")
                    .append(graph).append("</div>\n");
        }
        out.append("<h2 id=\"claims\">Claims in full</h2>\n");
        int base = 0;
        for (ClaimOutcome c : result.claims()) {
            RunRecord run = result.runOf(c);
            out.append(ClaimSection.html(c, texts.get(c.id()), run.masterSeed(), run.tries(), base));
            base += 1000;
        }
        ProvenanceSection.append(result.runs(), out);
        out.append("<footer>Math typeset by KaTeX ").append(Html.escape(katex.version))
                .append(", inlined; plots by JFreeChart as SVG. Machine-readable results: <code>")
                .append(RESULTS).append("</code> beside this page.</footer>\n</main>\n")
                .append("<script>").append(katex.script).append("</script>\n")
                .append("<script>").append(resource("report.js")).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    /** A verdict as a coloured label; NOT RUN is outlined grey, INCONCLUSIVE amber. */
    static String verdictBadge(Verdict v) {
        return "<span class=\"badge v-" + v.name() + "\">" + v.label() + "</span>";
    }

    private static void header(Results result, StringBuilder out) {
        out.append("<h1>advsharp verification report</h1>\n<p class=\"lead\">Executable checks of the claims of "
                + "<i>Adversarial Training Makes Weight Loss Landscape Sharper in Logistic Regression</i> "
                + "(Yamada et al., arXiv 2102.02950), each made precise in <code>proofs/</code>.</p>\n");
        List<ClaimOutcome> failed = result.failed();
        long notRun = result.claims().stream().filter(c -> c.verdict() == Verdict.NOT_RUN).count();
        long inconclusive = result.claims().stream().filter(c -> c.verdict() == Verdict.INCONCLUSIVE).count();
        int total = result.claims().size();
        if (!failed.isEmpty()) {
            out.append("<div class=\"overall bad\">").append(failed.size()).append(" of ").append(total)
                    .append(" claims FAILED.</div>\n");
        } else if (notRun == total) {
            out.append("<div class=\"overall none\">Nothing was verified: all ").append(total)
                    .append(" claims are NOT RUN (reasons below).</div>\n");
        } else if (notRun > 0 || inconclusive > 0) {
            out.append("<div class=\"overall partial\">No claim FAILED: ").append(total - notRun - inconclusive)
                    .append(" of ").append(total).append(" claims ran and got a decided verdict; ")
                    .append(inconclusive).append(" INCONCLUSIVE and ").append(notRun)
                    .append(" NOT RUN (listed below, not counted as passed).</div>\n");
        } else {
            out.append("<div class=\"overall ok\">All ").append(total)
                    .append(" claims ran and got their expected verdict.</div>\n");
        }
        out.append("<div class=\"counts\">");
        for (Map.Entry<Verdict, Integer> e : result.counts().entrySet()) {
            out.append("<div class=\"count v-").append(e.getKey().name()).append("\"><b>").append(e.getValue())
                    .append("</b>").append(e.getKey().label()).append("</div>");
        }
        out.append("</div>\n");
        if (result.runs().size() > 1) {
            out.append("<p class=\"prov\">Merged from ").append(result.runs().size())
                    .append(" results files; each claim is shown from the last file that has it.</p>\n");
        }
        for (RunRecord p : result.runs()) {
            out.append("<p class=\"prov\">").append(result.runs().size() > 1
                            ? "<code>" + Html.escape(p.file()) + "</code> &middot; " : "")
                    .append("Master seed ").append(p.masterSeed()).append(" &middot; tries ")
                    .append(p.tries() > 0 ? String.valueOf(p.tries()) : "per-check defaults").append(" &middot; commit ")
                    .append(Html.escape(p.commitText())).append(" &middot; ")
                    .append(Html.escape(p.startedAt())).append(" &middot; <code>").append(Html.escape(p.command()))
                    .append("</code> &middot; <a href=\"#provenance\">provenance</a></p>\n");
        }
    }

    private static void attention(Results result, StringBuilder out) {
        if (!result.failed().isEmpty()) {
            out.append("<h2 id=\"failed\">FAILED claims</h2>\n<ul>\n");
            for (ClaimOutcome c : result.failed()) {
                out.append("<li>").append(link(c)).append(": ").append(Html.escape(c.explanation())).append("</li>\n");
            }
            out.append("</ul>\n");
        }
        List<ClaimOutcome> inconclusive = result.claims().stream()
                .filter(c -> c.verdict() == Verdict.INCONCLUSIVE).toList();
        if (!inconclusive.isEmpty()) {
            out.append("<h2 id=\"inconclusive\">INCONCLUSIVE claims (ran; the evidence decides neither way; "
                    + "not passed)</h2>\n<ul>\n");
            for (ClaimOutcome c : inconclusive) {
                out.append("<li class=\"inconclusive\">").append(verdictBadge(c.verdict())).append(' ').append(link(c))
                        .append(": ").append(Html.escape(c.explanation())).append("</li>\n");
            }
            out.append("</ul>\n");
        }
        List<ClaimOutcome> notRun = result.claims().stream().filter(c -> c.verdict() == Verdict.NOT_RUN).toList();
        if (!notRun.isEmpty()) {
            out.append("<h2 id=\"not-run\">NOT RUN claims (not passed; no evidence either way)</h2>\n<ul>\n");
            for (ClaimOutcome c : notRun) {
                List<String> reasons = c.notRunReasons();
                out.append("<li>").append(link(c)).append(": ").append(Html.escape(reasons.isEmpty()
                        ? c.explanation() : String.join("; ", reasons))).append("</li>\n");
            }
            out.append("</ul>\n");
        }
    }

    private static void paperClaims(Results result, StringBuilder out) {
        out.append("<h2 id=\"paper\">The paper's claims and the precise claims under them</h2>\n");
        for (PaperClaims.PaperClaim pc : PaperClaims.ALL) {
            List<ClaimOutcome> under = result.claims().stream()
                    .filter(c -> c.paperClaims().contains(pc.id())).toList();
            paperGroup(pc.id() + ". " + pc.text(), under, out);
        }
        List<ClaimOutcome> instruments = result.claims().stream()
                .filter(c -> c.paperClaims().isEmpty()).toList();
        if (!instruments.isEmpty()) {
            paperGroup("The suite's own instruments (solvers, finite differences; no paper claim)", instruments, out);
        }
    }

    private static void paperGroup(String heading, List<ClaimOutcome> claims, StringBuilder out) {
        out.append("<div class=\"paper\"><h3>").append(Html.escape(heading)).append("</h3>\n<ul>\n");
        if (claims.isEmpty()) {
            out.append("<li class=\"notrun\">No precise claim in this run.</li>\n");
        }
        for (ClaimOutcome c : claims) {
            out.append("<li>").append(verdictBadge(c.verdict())).append(' ').append(link(c)).append(' ')
                    .append(Html.escape(c.title())).append("</li>\n");
        }
        out.append("</ul></div>\n");
    }

    private static void overview(Results result, StringBuilder out) {
        out.append("<h2 id=\"overview\">All claims</h2>\n<table><tr><th>claim</th><th>kind</th><th>paper</th>"
                + "<th>checks</th><th>expected</th><th>verdict</th></tr>\n");
        for (ClaimOutcome c : result.claims()) {
            out.append(c.verdict() == Verdict.FAILED ? "<tr class=\"fail\">" : "<tr>").append("<td>").append(link(c))
                    .append("</td><td>").append(c.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .append("</td><td>").append(Html.escape(String.join(", ", c.paperClaims())))
                    .append("</td><td class=\"num\">").append(c.checks().size()).append("</td><td>")
                    .append(Html.escape(c.expectedVerdict().label())).append("</td><td>")
                    .append(verdictBadge(c.verdict())).append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static String link(ClaimOutcome c) {
        return "<a href=\"#" + Html.anchor(c.id()) + "\"><code>" + Html.escape(c.id()) + "</code></a>";
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("report resource " + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("report resource " + name + " could not be read", e);
        }
    }
}
