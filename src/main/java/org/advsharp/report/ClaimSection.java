package org.advsharp.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.advsharp.check.CheckContext;
import org.advsharp.check.CheckResult;
import org.advsharp.check.Counterexample;
import org.advsharp.check.Measurement;
import org.advsharp.check.Reproduction;
import org.advsharp.check.SeedRecord;
import org.advsharp.check.Series;
import org.advsharp.check.Table;
import org.advsharp.claims.Claim;
import org.advsharp.claims.ClaimKind;
import org.advsharp.results.ClaimOutcome;
import org.advsharp.results.Stability;

/**
 * The HTML of one claim: verdict, statement, assumptions, rendered proof, and each check with its
 * evidence (measurements against their bounds, tables, facts, SVG plots, counterexamples, seeds) and
 * the one-line command that replays the claim.
 */
final class ClaimSection {
    /** A table with more rows than this shows a summary row and folds its rows into a details element. */
    static final int LONG_TABLE = 25;

    private final StringBuilder out = new StringBuilder();
    private final long seed;
    private final int tries;
    private final Set<String> pageIds;
    private int plotCounter;
    private String explanation = "";

    private ClaimSection(long seed, int tries, int plotBase, Set<String> pageIds) {
        this.seed = seed;
        this.tries = tries;
        this.plotCounter = plotBase;
        this.pageIds = pageIds;
    }

    /**
     * @param plotBase a number distinct for every claim on the page, so that SVG ids never collide
     * @param pageIds  the ids of the claims on the page: a mention of one in the claim's texts becomes a link
     */
    static String html(ClaimOutcome c, Claim text, long seed, int tries, int plotBase, Set<String> pageIds) {
        ClaimSection s = new ClaimSection(seed, tries, plotBase, pageIds);
        s.claim(c, text);
        return s.out.toString();
    }

    /** Rendered Markdown with the ids of other claims on the page turned into links (text outside tags only). */
    private String markdown(String source, String self) {
        String html = MathMarkdown.toHtml(source);
        StringBuilder s = new StringBuilder(html.length() + 64);
        int i = 0;
        while (i < html.length()) {
            int tag = html.indexOf('<', i);
            String text = html.substring(i, tag < 0 ? html.length() : tag);
            Matcher m = HtmlReport.CLAIM_ID.matcher(text);
            StringBuilder t = new StringBuilder();
            while (m.find()) {
                String id = m.group();
                m.appendReplacement(t, Matcher.quoteReplacement(pageIds.contains(id) && !id.equals(self)
                        ? "<a href=\"#" + Html.anchor(id) + "\">" + id + "</a>" : id));
            }
            m.appendTail(t);
            s.append(t);
            if (tag < 0) {
                break;
            }
            int end = html.indexOf('>', tag);
            end = end < 0 ? html.length() : end + 1;
            s.append(html, tag, end);
            i = end;
        }
        return s.toString();
    }

    /** The heading of the claim's argument, as proofs/ names it for the kind. */
    static String argumentHeading(ClaimKind kind) {
        return switch (kind) {
            case COUNTEREXAMPLE -> "Why it can fail";
            case CONJECTURE, EMPIRICAL -> "Status and evidence";
            default -> "Proof";
        };
    }

    /** "P1 (abstract, sentence 5), P3 (...)" with links to the paper claims' groups on the page and to arXiv. */
    private static String paperLinks(List<String> ids) {
        StringBuilder s = new StringBuilder();
        for (String id : ids) {
            s.append(s.length() == 0 ? "" : ", ");
            PaperClaims.PaperClaim p = PaperClaims.ALL.stream().filter(q -> q.id().equals(id)).findFirst().orElse(null);
            if (p == null) {
                s.append(Html.escape(id));
            } else {
                s.append("<a href=\"#").append(p.anchor()).append("\" title=\"").append(Html.escape(p.text()))
                        .append("\">").append(id).append("</a> (").append(p.where()).append(')');
            }
        }
        return s.append(" of <a href=\"").append(PaperClaims.ARXIV).append("\">arXiv 2102.02950</a>; theorem and "
                + "equation numbers unknown").toString();
    }

    private void claim(ClaimOutcome claim, Claim text) {
        ClaimOutcome c = claim;
        String v = c.verified() ? c.verdict().name() : "UNVERIFIED";
        out.append("<section class=\"claim c-").append(v).append("\" id=\"").append(Html.anchor(claim.id()))
                .append("\">\n<h3>").append(c.verified() ? HtmlReport.verdictBadge(c.verdict())
                        : HtmlReport.UNVERIFIED_BADGE).append(' ')
                .append("<code>").append(Html.escape(claim.id())).append("</code> ")
                .append(Html.escape(claim.title())).append("</h3>\n");
        if (!c.verified()) {
            out.append("<p class=\"unverified\">UNVERIFIED: ").append(Html.escape(c.unverified()))
                    .append(". Its file's data are shown below; they are no verdict of this repository.</p>\n");
        }
        out.append("<p class=\"meta\">").append(Html.escape(claim.kind().name().toLowerCase(Locale.ROOT)))
                .append(" &middot; paper: ").append(claim.paperClaims().isEmpty() ? "none (suite instrument)"
                        : paperLinks(claim.paperClaims()))
                .append(" &middot; expected verdict: ").append(Html.escape(claim.expectedVerdict().label()))
                .append(" &middot; declared in <code>").append(Html.escape(claim.source())).append("</code></p>\n");
        // The explanation already names every NOT RUN reason (VerdictRule); it is not repeated below it.
        explanation = c.explanation();
        out.append("<p class=\"explanation\">").append(HtmlReport.linkIds(Prose.numbers(explanation), pageIds))
                .append("</p>\n");
        if (c.stability() != null && c.verified()) {
            boolean varies = c.stability().status() == Stability.Status.VARIES;
            out.append("<p class=\"").append(varies ? "notrun" : "meta").append("\">Verdict across the merged files: ")
                    .append(Html.escape(c.stability().text())).append("</p>\n");
        }
        if (text == null) {
            out.append("<p class=\"notrun\">The statement, assumptions and proof of this claim are not in proofs/ "
                    + "of the code that rendered this report.</p>\n");
        } else {
            out.append("<h4>Statement</h4>\n<div class=\"md\">").append(markdown(text.statement(), claim.id()))
                    .append("</div>\n");
            out.append("<h4>Assumptions</h4>\n<div class=\"md\">").append(markdown(text.assumptions(), claim.id()))
                    .append("</div>\n");
            out.append("<details><summary>").append(argumentHeading(claim.kind()))
                    .append("</summary>\n<div class=\"md\">").append(markdown(text.proof(), claim.id()))
                    .append("</div></details>\n");
        }
        String replay = new CheckContext(seed, tries, m -> { }).replayCommand(claim.id());
        out.append("<p>Replay this claim: <code>").append(Html.escape(replay))
                .append("</code> (writes <code>reports/replay/").append(Html.escape(claim.id().replaceAll("[^A-Za-z0-9._-]", "-")))
                .append("/</code>; this report stays as it is)</p>\n");
        out.append("<h4>Checks (").append(c.checks().size()).append(")</h4>\n");
        if (c.checks().isEmpty()) {
            out.append("<p class=\"notrun\">No check exists for this claim.</p>\n");
        }
        for (CheckResult r : c.checks()) {
            check(r);
        }
        out.append("</section>\n");
    }

    private void check(CheckResult r) {
        out.append("<div class=\"check\">\n<h5><span class=\"badge o-").append(r.outcome().name()).append("\">")
                .append(Html.escape(r.outcome().name().replace('_', ' '))).append("</span> ")
                .append(Html.escape(r.title())).append(" <code>").append(Html.escape(r.checkId()))
                .append("</code></h5>\n<p>").append(HtmlReport.linkIds(Prose.numbers(r.summary()), pageIds))
                .append(" <span class=\"meta\">(").append(r.elapsedMillis()).append(" ms)</span></p>\n");
        if (r.notRunReason() != null && !explanation.contains(r.notRunReason()) && !r.summary().contains(r.notRunReason())) {
            out.append("<p class=\"notrun\">Not run: ").append(Html.escape(r.notRunReason())).append("</p>\n");
        }
        if (r.inconclusiveReason() != null && !r.summary().contains(r.inconclusiveReason())) {
            out.append("<p class=\"inconclusive\">Inconclusive: ").append(Html.escape(Prose.numbers(r.inconclusiveReason())))
                    .append("</p>\n");
        }
        measurements(r.measurements());
        for (Table t : r.tables()) {
            table(t);
        }
        facts(r);
        for (Series s : r.plots()) {
            out.append("<figure class=\"plot\">").append(SvgPlot.svg(s, "p" + (plotCounter++) + "_"))
                    .append("<figcaption>").append(Html.escape(SvgPlot.caption(s))).append("</figcaption></figure>\n");
        }
        for (Counterexample c : r.counterexamples()) {
            counterexample(c);
        }
        if (!r.seeds().isEmpty()) {
            out.append("<div class=\"scroll\"><table><caption>The check's seeds and what each drew. The replay command "
                    + "reruns the claim with the master seed ").append(seed).append(" of this run, with which the check "
                            + "uses these same seeds again (derived from the master seed and the check id, or fixed in a "
                            + "pre-registered configuration), so it draws the same cases.</caption>"
                            + "<tr><th>seed</th><th>what it drew</th><th>replayed by</th></tr>\n");
            for (SeedRecord s : r.seeds()) {
                out.append("<tr><td class=\"num\">").append(s.seed()).append("</td><td>")
                        .append(Html.escape(s.purpose())).append("</td><td><code>")
                        .append(Html.escape(s.replayCommand())).append("</code></td></tr>\n");
            }
            out.append("</table></div>\n");
        }
        out.append("</div>\n");
    }

    /**
     * A counterexample: what fails, the CSV files and ./advsharp commands that reproduce it (when the
     * check gave them), the Java form, and the replay command.
     */
    private void counterexample(Counterexample c) {
        out.append("<h5>Counterexample</h5>\n<p>").append(Html.escape(Prose.numbers(c.summary())))
                .append(" (shrunk in ").append(Plural.of(c.shrinkSteps(), "step"))
                .append(" from the case of case seed ").append(c.seed())
                .append(", one of the cases drawn from the check's seed in the table of seeds below)</p>\n");
        Reproduction r = c.reproduction();
        if (!r.absent()) {
            out.append("<p>With the command line: save ").append(r.files().size() == 1 ? "this block" : "these blocks")
                    .append(" under the file ").append(r.files().size() == 1 ? "name" : "names")
                    .append(" shown, then run the ").append(r.commands().size() == 1 ? "command" : "commands")
                    .append(" below in that folder.</p>\n");
            for (Reproduction.File f : r.files()) {
                out.append("<p class=\"meta\"><code>").append(Html.escape(f.name())).append("</code></p>\n<pre>")
                        .append(Html.escape(f.content())).append("</pre>\n");
            }
            out.append("<pre>").append(Html.escape(String.join("\n", r.commands()))).append("</pre>\n");
        }
        out.append("<details><summary>The same instance as Java (paste into a test)</summary>\n<pre>")
                .append(Html.escape(c.pasteable())).append("</pre></details>\n<p>Replay the search: <code>")
                .append(Html.escape(c.replayCommand())).append("</code> (the master seed ").append(seed)
                .append(" gives the check the same seed, so the search draws the same cases and finds this "
                        + "counterexample again)</p>\n");
    }

    private void measurements(List<Measurement> ms) {
        if (ms.isEmpty()) {
            return;
        }
        out.append("<div class=\"scroll\"><table><tr><th>measured</th><th>value</th><th></th><th>bound</th>"
                + "<th>bound from</th><th>held</th></tr>\n");
        for (Measurement m : ms) {
            out.append(m.passed() ? "<tr>" : "<tr class=\"fail\">").append("<td>")
                    .append(Html.wholeNumbers(Html.escape(m.name())))
                    .append("</td><td class=\"num\">").append(Html.number(m.value()))
                    .append("</td><td class=\"num\">").append(Html.escape(m.comparison()))
                    .append("</td><td class=\"num\">").append(Html.number(m.bound()))
                    .append("</td><td><code>").append(Html.escape(m.boundName())).append("</code></td><td>")
                    .append(m.passed() ? "yes" : "<b>NO</b>").append("</td></tr>\n");
        }
        out.append("</table></div>\n");
    }

    /**
     * A table; one longer than {@link #LONG_TABLE} rows folds its rows into a details element and, when it
     * has something to say, shows a summary row first ({@link #summaryRow}). Cells are HTML-escaped, a cell
     * that is one number is set right-aligned, and no number is broken across lines. results.json has every
     * row in full precision.
     */
    private void table(Table t) {
        boolean fold = t.rows().size() > LONG_TABLE;
        List<String> summary = fold ? summaryRow(t) : List.of();
        boolean summarised = summary.stream().anyMatch(cell -> !cell.contains(DIFFERENT));
        out.append("<div class=\"scroll\"><table><caption>")
                .append(Html.wholeNumbers(Html.escape(Prose.numbers(t.caption()))))
                .append(fold ? " (" + t.rows().size() + " rows" + (summarised ? "; summary, then all rows folded below)"
                        : ", folded below)") : "").append("</caption>");
        header(t);
        if (summarised) {
            out.append("<tr class=\"summary\">");
            summary.forEach(this::cell);
            out.append("</tr>\n");
        }
        if (fold) {
            out.append("</table></div>\n<details class=\"rows\"><summary>All ").append(t.rows().size())
                    .append(" rows</summary>\n<div class=\"scroll\"><table>");
            header(t);
        }
        for (List<String> row : t.rows()) {
            out.append("<tr>");
            row.forEach(cell -> cell(Prose.numbers(cell)));
            out.append("</tr>\n");
        }
        out.append("</table></div>\n").append(fold ? "</details>\n" : "");
    }

    /** One cell: right-aligned when it is a number, every number kept on one line. */
    private void cell(String text) {
        out.append(Html.isNumber(text) ? "<td class=\"num\">" : "<td>").append(Html.wholeNumbers(Html.escape(text)))
                .append("</td>");
    }

    private void header(Table t) {
        out.append("<tr>");
        t.columns().forEach(col -> out.append("<th>").append(Html.escape(col)).append("</th>"));
        out.append("</tr>\n");
    }

    /** The words of a summary cell of a column with several non-numeric values: "30 different values in 180 rows". */
    static final String DIFFERENT = " different values in ";

    /**
     * Per column, what its rows have in common: "all v" when every row has the value v; "range a … b" over
     * its numbers when every cell is a number (NaN cells counted apart: "range a … b; NaN in k rows", or
     * "all NaN"); otherwise "k different values in n rows", which says little about the column, so a table
     * whose every column is like that gets no summary row.
     */
    static List<String> summaryRow(Table t) {
        List<String> cells = new ArrayList<>();
        for (int j = 0; j < t.columns().size(); j++) {
            Set<String> distinct = new LinkedHashSet<>();
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            int nan = 0;
            boolean numeric = true;
            for (List<String> row : t.rows()) {
                String cell = j < row.size() ? row.get(j).strip() : "";
                distinct.add(cell);
                try {
                    double v = Double.parseDouble(cell);
                    if (Double.isNaN(v)) {
                        nan++;
                    } else {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                } catch (NumberFormatException e) {
                    numeric = false;
                }
            }
            if (distinct.size() == 1) {
                cells.add("all " + Prose.numbers(distinct.iterator().next()));
            } else if (numeric && nan == t.rows().size()) {
                cells.add("all NaN");
            } else if (numeric) {
                cells.add("range " + shortNumber(min) + " … " + shortNumber(max)
                        + (nan > 0 ? "; NaN in " + Plural.of(nan, "row") : ""));
            } else {
                cells.add(distinct.size() + DIFFERENT + t.rows().size() + " rows");
            }
        }
        return cells;
    }

    /** Significant digits of the ends of a summary range. */
    static final int SUMMARY_DIGITS = 3;

    private static String shortNumber(double v) {
        return v == 0 ? "0" : Prose.shorten(v, SUMMARY_DIGITS);
    }

    /**
     * The facts of a check as a table, followed by the rows the verdict rule reads: the most cases this run could
     * try ({@link #budgetText}, for a check that declared a budget) and the cases it counted (usable against its
     * floor, and the skipped ones by reason).
     */
    private void facts(CheckResult r) {
        Map<String, Object> facts = r.facts();
        boolean budget = r.tries().declared() > 0;
        boolean cases = r.cases().counted();
        if (facts.isEmpty() && !budget && !cases) {
            return;
        }
        out.append("<div class=\"scroll\"><table><tr><th>fact</th><th>value</th></tr>\n");
        for (Map.Entry<String, Object> f : facts.entrySet()) {
            factRow(f.getKey(), Html.value(f.getValue()));
        }
        if (budget) {
            factRow(BUDGET_LABEL, budgetText(r.declaredBudget(), r.triesUsed()));
        }
        if (cases) {
            factRow(CASES_LABEL, r.cases().usable() + " (the check needs at least " + r.cases().minimum() + ")");
            r.cases().skipped().forEach((why, n) -> factRow("skipped: " + why, String.valueOf(n)));
        }
        out.append("</table></div>\n");
    }

    private void factRow(String name, String text) {
        out.append("<tr><td>").append(Html.escape(name)).append("</td><td>")
                .append(Html.wholeNumbers(HtmlReport.linkIds(Prose.numbers(text), pageIds))).append("</td></tr>\n");
    }

    /** The label of the row that shows the usable cases a check counted. */
    static final String CASES_LABEL = "usable cases";

    /** The label of the row that shows a check's budget. */
    static final String BUDGET_LABEL = "tries allowed in this run";

    /**
     * What a check's budget means: "at most 3000 (the check's default); a search stops at its first
     * counterexample", or with {@code --tries} "at most 500 (--tries 500; the check's default is 3000); ...".
     */
    static String budgetText(int declared, int used) {
        return "at most " + used + (used == declared ? " (the check's default)" : " (--tries " + used
                + "; the check's default is " + declared + ")") + "; a search stops at its first counterexample";
    }
}
