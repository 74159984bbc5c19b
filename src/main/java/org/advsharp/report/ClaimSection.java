package org.advsharp.report;

import java.util.List;
import java.util.Map;
import org.advsharp.check.CheckContext;
import org.advsharp.check.CheckResult;
import org.advsharp.check.Counterexample;
import org.advsharp.check.Measurement;
import org.advsharp.check.SeedRecord;
import org.advsharp.check.Series;
import org.advsharp.check.Table;
import org.advsharp.claims.Claim;
import org.advsharp.claims.ClaimKind;

/**
 * The HTML of one claim: verdict, statement, assumptions, rendered proof, and each check with its
 * evidence (measurements against their bounds, tables, facts, SVG plots, counterexamples, seeds) and
 * the one-line command that replays the claim.
 */
final class ClaimSection {
    private final StringBuilder out = new StringBuilder();
    private final long seed;
    private final int tries;
    private int plotCounter;

    private ClaimSection(long seed, int tries, int plotBase) {
        this.seed = seed;
        this.tries = tries;
        this.plotCounter = plotBase;
    }

    /**
     * @param plotBase a number distinct for every claim on the page, so that SVG ids never collide
     */
    static String html(ClaimOutcome c, Claim text, long seed, int tries, int plotBase) {
        ClaimSection s = new ClaimSection(seed, tries, plotBase);
        s.claim(c, text);
        return s.out.toString();
    }

    /** The heading of the claim's argument, as proofs/ names it for the kind. */
    static String argumentHeading(ClaimKind kind) {
        return switch (kind) {
            case COUNTEREXAMPLE -> "Why it can fail";
            case CONJECTURE, EMPIRICAL -> "Status and evidence";
            default -> "Proof";
        };
    }

    private void claim(ClaimOutcome claim, Claim text) {
        ClaimOutcome c = claim;
        String v = c.verdict().name();
        out.append("<section class=\"claim c-").append(v).append("\" id=\"").append(Html.anchor(claim.id()))
                .append("\">\n<h3>").append(HtmlReport.verdictBadge(c.verdict())).append(' ')
                .append("<code>").append(Html.escape(claim.id())).append("</code> ")
                .append(Html.escape(claim.title())).append("</h3>\n");
        out.append("<p class=\"meta\">").append(Html.escape(claim.kind().name().toLowerCase(java.util.Locale.ROOT)))
                .append(" &middot; paper: ").append(claim.paperClaims().isEmpty() ? "none (suite instrument)"
                        : Html.escape(String.join(", ", claim.paperClaims())))
                .append(" &middot; expected verdict: ").append(Html.escape(claim.expectedVerdict().label()))
                .append(" &middot; declared in <code>").append(Html.escape(claim.source())).append("</code></p>\n");
        out.append("<p class=\"explanation\">").append(Html.escape(c.explanation())).append("</p>\n");
        if (!c.notRunReasons().isEmpty()) {
            out.append("<p class=\"notrun\">Not run: ")
                    .append(Html.escape(String.join("; ", c.notRunReasons()))).append("</p>\n");
        }
        if (text == null) {
            out.append("<p class=\"notrun\">The statement, assumptions and proof of this claim are not in proofs/ "
                    + "of the code that rendered this report.</p>\n");
        } else {
            out.append("<h4>Statement</h4>\n<div class=\"md\">").append(MathMarkdown.toHtml(text.statement()))
                    .append("</div>\n");
            out.append("<h4>Assumptions</h4>\n<div class=\"md\">").append(MathMarkdown.toHtml(text.assumptions()))
                    .append("</div>\n");
            out.append("<details><summary>").append(argumentHeading(claim.kind()))
                    .append("</summary>\n<div class=\"md\">").append(MathMarkdown.toHtml(text.proof()))
                    .append("</div></details>\n");
        }
        String replay = new CheckContext(seed, tries, m -> { }).replayCommand(claim.id());
        out.append("<p>Replay this claim: <code>").append(Html.escape(replay)).append("</code></p>\n");
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
                .append("</code></h5>\n<p>").append(Html.escape(r.summary()))
                .append(" <span class=\"meta\">(").append(r.elapsedMillis()).append(" ms)</span></p>\n");
        if (r.notRunReason() != null) {
            out.append("<p class=\"notrun\">Not run: ").append(Html.escape(r.notRunReason())).append("</p>\n");
        }
        if (r.inconclusiveReason() != null) {
            out.append("<p class=\"inconclusive\">Inconclusive: ").append(Html.escape(r.inconclusiveReason()))
                    .append("</p>\n");
        }
        measurements(r.measurements());
        for (Table t : r.tables()) {
            table(t);
        }
        facts(r.facts());
        for (Series s : r.plots()) {
            out.append("<div class=\"plot\">").append(SvgPlot.svg(s, "p" + (plotCounter++) + "_"))
                    .append("</div>\n");
        }
        for (Counterexample c : r.counterexamples()) {
            out.append("<h5>Counterexample</h5>\n<p>").append(Html.escape(c.summary())).append(" (seed ")
                    .append(c.seed()).append(", ").append(c.shrinkSteps()).append(" shrink steps)</p>\n<pre>")
                    .append(Html.escape(c.pasteable())).append("</pre>\n<p>Replay: <code>")
                    .append(Html.escape(c.replayCommand())).append("</code></p>\n");
        }
        if (!r.seeds().isEmpty()) {
            out.append("<table><tr><th>seed</th><th>drove</th><th>replay</th></tr>\n");
            for (SeedRecord s : r.seeds()) {
                out.append("<tr><td class=\"num\">").append(s.seed()).append("</td><td>")
                        .append(Html.escape(s.purpose())).append("</td><td><code>")
                        .append(Html.escape(s.replayCommand())).append("</code></td></tr>\n");
            }
            out.append("</table>\n");
        }
        out.append("</div>\n");
    }

    private void measurements(List<Measurement> ms) {
        if (ms.isEmpty()) {
            return;
        }
        out.append("<table><tr><th>measured</th><th>value</th><th></th><th>bound</th><th>bound from</th>"
                + "<th>held</th></tr>\n");
        for (Measurement m : ms) {
            out.append(m.passed() ? "<tr>" : "<tr class=\"fail\">").append("<td>").append(Html.escape(m.name()))
                    .append("</td><td class=\"num\">").append(Html.number(m.value()))
                    .append("</td><td class=\"num\">").append(Html.escape(m.comparison()))
                    .append("</td><td class=\"num\">").append(Html.number(m.bound()))
                    .append("</td><td><code>").append(Html.escape(m.boundName())).append("</code></td><td>")
                    .append(m.passed() ? "yes" : "<b>NO</b>").append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private void table(Table t) {
        out.append("<table><caption>").append(Html.escape(t.caption())).append("</caption><tr>");
        t.columns().forEach(col -> out.append("<th>").append(Html.escape(col)).append("</th>"));
        out.append("</tr>\n");
        for (List<String> row : t.rows()) {
            out.append("<tr>");
            row.forEach(cell -> out.append("<td>").append(Html.escape(cell)).append("</td>"));
            out.append("</tr>\n");
        }
        out.append("</table>\n");
    }

    private void facts(Map<String, Object> facts) {
        if (facts.isEmpty()) {
            return;
        }
        out.append("<table><tr><th>fact</th><th>value</th></tr>\n");
        for (Map.Entry<String, Object> f : facts.entrySet()) {
            String text = Html.value(f.getValue());
            out.append("<tr><td>").append(Html.escape(f.getKey())).append("</td><td>").append(Html.escape(text))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
    }
}
