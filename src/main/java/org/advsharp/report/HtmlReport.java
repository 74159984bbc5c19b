package org.advsharp.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.advsharp.claims.Claim;
import org.advsharp.claims.ClaimKind;
import org.advsharp.claims.ClaimParser;
import org.advsharp.claims.Verdict;
import org.advsharp.results.ClaimOutcome;
import org.advsharp.results.Results;
import org.advsharp.results.ResultsJson;
import org.advsharp.results.RunRecord;

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
     * text by {@link ResultsJson} into {@code directory}, atomically: both are written to a folder beside
     * it and swapped in only when complete (see {@link ReportFolder}). A failure leaves the previous report
     * as it was.
     *
     * @param resultsJson the results document of a run
     * @param claimTexts  the claims of proofs/, for their statements, assumptions and proofs
     * @return the path of the written index.html
     * @throws IOException naming the folder and the problem when it cannot be written
     */
    public static Path write(String resultsJson, Collection<Claim> claimTexts, Path directory) throws IOException {
        Results results = ResultsJson.parse(resultsJson, RESULTS);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(RESULTS, resultsJson.getBytes(StandardCharsets.UTF_8));
        files.put(INDEX, render(results, claimTexts).getBytes(StandardCharsets.UTF_8));
        ReportFolder.replace(directory, files);
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
        out.append("<h1>advsharp verification report</h1>\n");
        // Every verdict line, count, banner, table and graph is made of the verified claims only.
        Results verified = result.verifiedOnly();
        paperVerdicts(verified, claimTexts, out);
        header(verified, result.unverified().size(), out);
        unverified(result, out);
        attention(verified, out);
        paperClaims(verified, out);
        overview(verified, out);
        claimTables(verified, claimTexts, out);
        String graph = DependencyGraph.svg(verified, texts);
        if (!graph.isEmpty()) {
            out.append("<h2 id=\"uses\">What each proof uses</h2>\n<p>Each claim points to the claims its proof or "
                    + "argument relies on (its <code>Uses:</code> line in <code>proofs/</code>); claims that use none "
                    + "are at the top, and every claim stands below each claim it uses, an arrow pointing up to it. The "
                    + "colour is the claim's verdict in this report.</p>\n<div class=\"graph\">")
                    .append(graph).append("</div>\n");
        }
        out.append("<h2 id=\"claims\">Claims in full</h2>\n");
        int base = 0;
        Set<String> pageIds = new HashSet<>();
        result.claims().forEach(c -> pageIds.add(c.id()));
        for (ClaimOutcome c : result.claims()) {
            RunRecord run = result.runOf(c);
            out.append(ClaimSection.html(c, texts.get(c.id()), run.masterSeed(), run.tries(), base, pageIds));
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

    /** The label of a claim outcome a merge cannot vouch for: no verdict, no verdict colour. */
    static final String UNVERIFIED_BADGE = "<span class=\"badge unverified\">UNVERIFIED</span>";

    /**
     * The claims a merge could not vouch for ({@code results.Unverified}), each with its file and reason in one
     * line; none of them is a verdict or counted as one.
     */
    private static void unverified(Results result, StringBuilder out) {
        List<ClaimOutcome> unverified = result.unverified();
        if (unverified.isEmpty()) {
            return;
        }
        out.append("<h2 id=\"unverified\">UNVERIFIED results (shown, never counted as a verdict)</h2>\n<ul>\n");
        for (ClaimOutcome c : unverified) {
            out.append("<li class=\"unverified\">").append(UNVERIFIED_BADGE).append(' ').append(link(c))
                    .append(" from <code>").append(Html.escape(result.runOf(c).file())).append("</code>: ")
                    .append(Html.escape(c.unverified())).append("</li>\n");
        }
        out.append("</ul>\n");
    }

    /** A verdict as a coloured label; NOT RUN is outlined grey, INCONCLUSIVE amber. */
    static String verdictBadge(Verdict v) {
        return "<span class=\"badge v-" + v.name() + "\">" + v.label() + "</span>";
    }

    /**
     * The lead, the banner, the verdict counts and the runs, from the verified claims only; {@code unverified}
     * results are named in the banner as not counted.
     */
    private static void header(Results result, int unverified, StringBuilder out) {
        out.append("<p class=\"lead\">Executable checks of the claims of "
                + "<i>Adversarial Training Makes Weight Loss Landscape Sharper in Logistic Regression</i> "
                + "(Yamada et al., arXiv 2102.02950), each made precise in <code>proofs/</code>.</p>\n");
        List<ClaimOutcome> failed = result.failed();
        long notRun = result.claims().stream().filter(c -> c.verdict() == Verdict.NOT_RUN).count();
        long inconclusive = result.claims().stream().filter(c -> c.verdict() == Verdict.INCONCLUSIVE).count();
        int total = result.claims().size();
        long findings = result.claims().stream().filter(HtmlReport::findsAgainst).count();
        long findingsShown = findings;
        long fromRecords = result.claims().stream().filter(c -> fromRecord(result, c)).count();
        String records = fromRecords == 0 ? "" : "; " + fromRecords + " more shown from committed records under "
                + "reports/" + RecordMerge.RECORDS + "/ (not run by this command)";
        records += unverified == 0 ? "" : "; " + unverified + " more shown UNVERIFIED (listed below, no verdict)";
        total -= (int) fromRecords;
        findings -= result.claims().stream().filter(c -> fromRecord(result, c) && findsAgainst(c)).count();
        notRun -= result.claims().stream().filter(c -> fromRecord(result, c) && c.verdict() == Verdict.NOT_RUN).count();
        inconclusive -= result.claims().stream().filter(c -> fromRecord(result, c)
                && c.verdict() == Verdict.INCONCLUSIVE).count();
        if (total == 0 && unverified > 0) {
            out.append("<div class=\"overall none\">No verdict: ").append(Plural.of(unverified, "result"))
                    .append(unverified == 1 ? " is" : " are").append(" UNVERIFIED (reasons below).</div>\n");
        } else if (!failed.isEmpty()) {
            out.append("<div class=\"overall bad\">").append(failed.size()).append(" of ").append(total)
                    .append(" claims FAILED.</div>\n");
        } else if (notRun == total) {
            out.append("<div class=\"overall none\">Nothing was verified: ").append(total == 1
                    ? "the 1 claim is" : "all " + total + " claims are").append(" NOT RUN (reasons below).</div>\n");
        } else if (notRun > 0 || inconclusive > 0 || findings > 0) {
            out.append("<div class=\"overall partial\">").append(total - notRun - inconclusive - findings)
                    .append(" of ").append(Plural.of(total, "claim")).append(" got their expected verdict")
                    .append(findings > 0 ? "; " + findings + (findings == 1 ? " pre-registered study" : " pre-registered "
                            + "studies") + " found against " + (findings == 1 ? "its" : "their") + " hypothesis (a "
                            + "finding, neither a pass nor a failure: <a href=\"#paper-verdicts\">P4</a>)" : "")
                    .append("; ").append(inconclusive).append(" INCONCLUSIVE and ").append(notRun)
                    .append(" NOT RUN (listed below, not counted as passed)").append(records)
                    .append("; no claim FAILED.</div>\n");
        } else {
            out.append("<div class=\"overall ok\">").append(total == 1 ? "The 1 claim" : "All " + total + " claims")
                    .append(" ran and got ").append(total == 1 ? "its" : "their").append(" expected verdict")
                    .append(records).append(".</div>\n");
        }
        out.append("<div class=\"counts\">");
        for (Map.Entry<Verdict, Integer> e : result.counts().entrySet()) {
            long apart = result.claims().stream().filter(c -> c.verdict() == e.getKey() && findsAgainst(c)).count();
            if (e.getValue() - apart > 0) {
                out.append("<div class=\"count v-").append(e.getKey().name()).append("\"><b>")
                        .append(e.getValue() - apart).append("</b>").append(e.getKey().label()).append("</div>");
            }
        }
        if (findingsShown > 0) {
            out.append("<div class=\"count finding\"><b>").append(findingsShown).append("</b>study finding")
                    .append(findingsShown == 1 ? "" : "s").append(" against its hypothesis</div>");
        }
        out.append("</div>\n");
        if (result.runs().size() > 1) {
            out.append("<p class=\"prov\">Merged from ").append(result.runs().size())
                    .append(" results files; each claim is shown from the last file that ran it.</p>\n");
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

    /**
     * The first thing on the page: one line per paper claim P1-P4 by the rule of {@link PaperVerdicts},
     * each with the sentence of the abstract it stands for, then the rule itself (folded).
     */
    private static void paperVerdicts(Results result, Collection<Claim> claimTexts, StringBuilder out) {
        Map<String, ClaimOutcome> ran = new HashMap<>();
        result.claims().forEach(c -> ran.put(c.id(), c));
        List<PaperVerdicts.Precise> precise = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Claim t : claimTexts) {
            ClaimOutcome c = ran.get(t.id());
            precise.add(new PaperVerdicts.Precise(t.id(), t.kind(), t.paperClaims(), c == null ? null : c.verdict(),
                    t.expectedVerdict(), c == null ? "" : reason(c), c == null ? "" : finding(c)));
            seen.add(t.id());
        }
        for (ClaimOutcome c : result.claims()) {
            if (!seen.contains(c.id())) {
                precise.add(new PaperVerdicts.Precise(c.id(), c.kind(), c.paperClaims(), c.verdict(),
                        c.expectedVerdict(), reason(c), finding(c)));
            }
        }
        out.append("<ul class=\"paper-verdicts\" id=\"paper-verdicts\">\n");
        for (PaperVerdicts.Line line : PaperVerdicts.of(precise)) {
            PaperClaims.PaperClaim p = line.paper();
            out.append("<li class=\"pv-").append(line.status().name()).append("\"><span class=\"pv-id\">")
                    .append(p.id()).append("</span>: <span class=\"pv-status\">").append(Html.escape(line.status().words()))
                    .append("</span>").append(line.detail().isEmpty() ? "" : ": " + linkIds(Prose.numbers(line.detail()),
                            ran.keySet())).append("<span class=\"pv-paper\">").append(p.id()).append(" (")
                    .append(p.where()).append(" of <a href=\"").append(PaperClaims.ARXIV)
                    .append("\">arXiv 2102.02950</a>, paraphrased): ").append(Html.escape(p.text()))
                    .append(" &middot; <a href=\"#").append(p.anchor()).append("\">its precise claims</a>")
                    .append(line.instruments().isEmpty() ? "" : " &middot; " + Plural.of(line.instruments().size(),
                            "instrument claim") + " under it not counted")
                    .append("</span></li>\n");
        }
        out.append("</ul>\n<details class=\"rule\"><summary>How these lines are computed</summary>\n<ol>\n")
                .append("<li>Only the precise claims of <code>proofs/</code> that name the paper claim count, and of "
                        + "those only claims about the paper's mathematics and experiments: claims of kind "
                        + "<code>instrument</code> (checks of the suite's own measuring tools) never count, whatever "
                        + "their verdict.</li>\n")
                .append("<li>No counting claim: <b>not assessed</b>.</li>\n")
                .append("<li>A counting claim FAILED: <b>FAILED</b>.</li>\n")
                .append("<li>A counting pre-registered study found against its hypothesis (a COUNTEREXAMPLE there is "
                        + "a significant effect in the opposite direction): <b>not confirmed, a study found against "
                        + "it</b>, in its own colour; the finding is neither a pass nor a failure, and every study is "
                        + "named with the regime it measured and what it found.</li>\n")
                .append("<li>A counting claim is INCONCLUSIVE, NOT RUN, or was not part of this run: <b>not "
                        + "confirmed</b>, naming each.</li>\n")
                .append("<li>P4 is about ResNet18: its count of claims that hold counts only the ResNet18 claims "
                        + "(<code>exp:resnet-*</code>); the linear softmax claim under it is context.</li>\n")
                .append("<li>Otherwise every counting claim got the verdict <code>proofs/</code> declares: <b>confirmed "
                        + "as made precise</b>. COUNTEREXAMPLE claims there are over-general readings that are false; "
                        + "they mark where the paper claim stops, they do not refute it. VERIFIED means a written "
                        + "proof and passing checks, not a machine-checked proof.</li>\n</ol>\n<p>")
                .append(Html.escape(PaperClaims.MAPPING_NOTE)).append("</p></details>\n");
    }

    /** The reason a P-line quotes: a check's NOT RUN or INCONCLUSIVE reason, else the explanation. */
    /**
     * Whether a merged report shows a claim from a committed record (a results file in a folder named
     * {@value RecordMerge#RECORDS}) rather than from the run that made the report: such a claim did not run now.
     */
    static boolean fromRecord(Results result, ClaimOutcome c) {
        if (result.runs().size() < 2) {
            return false;
        }
        Path file = Path.of(result.runOf(c).file());
        return file.getParent() != null && file.getParent().getFileName() != null
                && RecordMerge.RECORDS.equals(file.getParent().getFileName().toString());
    }

    /** A study's finding: the summary of its first check (its record check), which starts with it. */
    private static String finding(ClaimOutcome c) {
        return c.kind() == ClaimKind.STUDY && !c.checks().isEmpty() ? c.checks().get(0).summary() : "";
    }

    /** A pre-registered study whose decided verdict is not its hypothesis's: a finding, neither pass nor failure. */
    static boolean findsAgainst(ClaimOutcome c) {
        return c.kind() == ClaimKind.STUDY && c.verdict() != c.expectedVerdict() && (c.verdict() == Verdict.SUPPORTED
                || c.verdict() == Verdict.COUNTEREXAMPLE || c.verdict() == Verdict.VERIFIED);
    }

    private static String reason(ClaimOutcome c) {
        for (var r : c.checks()) {
            if (c.verdict() == Verdict.NOT_RUN && r.notRunReason() != null) {
                return r.notRunReason();
            }
            if (c.verdict() == Verdict.INCONCLUSIVE && r.inconclusiveReason() != null) {
                return r.inconclusiveReason();
            }
        }
        String e = c.explanation();
        String prefix = c.verdict().label() + ": ";
        return e.startsWith(prefix) ? e.substring(prefix.length()) : e;
    }

    /** Claim ids in escaped text turned into links to their sections (only ids present on the page). */
    static String linkIds(String text, Set<String> ids) {
        String escaped = Html.escape(text);
        Matcher m = CLAIM_ID.matcher(escaped);
        StringBuilder s = new StringBuilder();
        while (m.find()) {
            String id = m.group();
            m.appendReplacement(s, Matcher.quoteReplacement(ids.contains(id)
                    ? "<a href=\"#" + Html.anchor(id) + "\"><code>" + id + "</code></a>" : id));
        }
        m.appendTail(s);
        return s.toString();
    }

    /** What a claim id looks like: a prefix, a colon, a lower-case hyphenated name. */
    static final Pattern CLAIM_ID = ClaimParser.ID_IN_TEXT;

    private static void paperClaims(Results result, StringBuilder out) {
        out.append("<h2 id=\"paper\">The paper's claims and the precise claims under them</h2>\n<p class=\"rule\">")
                .append(Html.escape(PaperClaims.MAPPING_NOTE)).append(" The paper: <a href=\"").append(PaperClaims.ARXIV)
                .append("\">").append(PaperClaims.ARXIV).append("</a>.</p>\n");
        for (PaperClaims.PaperClaim pc : PaperClaims.ALL) {
            List<ClaimOutcome> under = result.claims().stream()
                    .filter(c -> c.paperClaims().contains(pc.id())).toList();
            out.append("<div id=\"").append(pc.anchor()).append("\"></div>");
            paperGroup(pc.id() + ". " + pc.text() + " (" + pc.where() + ")", under, out);
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
        out.append("<h2 id=\"overview\">All claims</h2>\n<div class=\"scroll\"><table><tr><th>claim</th><th>kind</th><th>paper</th>"
                + "<th>checks</th><th>expected</th><th>verdict</th></tr>\n");
        for (ClaimOutcome c : result.claims()) {
            out.append(c.verdict() == Verdict.FAILED ? "<tr class=\"fail\">" : "<tr>").append("<td>").append(link(c))
                    .append("</td><td>").append(c.kind().name().toLowerCase(Locale.ROOT))
                    .append("</td><td>").append(Html.escape(String.join(", ", c.paperClaims())))
                    .append("</td><td class=\"num\">").append(c.checks().size()).append("</td><td>")
                    .append(Html.escape(c.expectedVerdict().label())).append("</td><td>")
                    .append(verdictBadge(c.verdict())).append("</td></tr>\n");
        }
        out.append("</table></div>\n");
    }

    /**
     * The claim tables of the proofs/ files the claims come from ({@link ClaimTables}), each cell with the
     * verdict of this page's results; a table none of whose claims is in the results is left out.
     */
    private static void claimTables(Results result, Collection<Claim> claimTexts, StringBuilder out) {
        Map<String, ClaimOutcome> ran = new HashMap<>();
        result.claims().forEach(c -> ran.put(c.id(), c));
        Set<String> sources = new LinkedHashSet<>();
        claimTexts.forEach(c -> sources.add(c.source()));
        result.claims().forEach(c -> sources.add(c.source()));
        List<ClaimTables.Table> shown = sources.stream().flatMap(s -> ClaimTables.ofResource(s).stream())
                .filter(t -> t.namesAny(ran.keySet())).toList();
        if (shown.isEmpty()) {
            return;
        }
        out.append("<h2 id=\"claim-tables\">Claims by case</h2>\n<p>The tables of <code>proofs/</code> whose cells "
                + "are claims, each cell with the verdict this report shows for that claim (NOT RUN where the claim "
                + "is not in it).</p>\n");
        shown.forEach(t -> out.append(ClaimTables.html(t, ran)));
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
