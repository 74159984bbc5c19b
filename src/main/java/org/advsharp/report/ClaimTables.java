package org.advsharp.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.advsharp.claims.ClaimParser;
import org.advsharp.claims.Verdict;
import org.advsharp.results.ClaimOutcome;

/**
 * The claim tables of a proofs/ file (such as "The family in one table." of proofs/losses.md), shown in the
 * report with the verdicts of the results being rendered.
 *
 * <p>A claim table is a Markdown pipe table (a header row, a {@code |---|} row, body rows) in which every
 * body cell after the first column is a claim id, optionally followed by the verdict proofs/ declares for it
 * ({@code prop:margin-loss-hessian VERIFIED}). The first column is text (the row's statement). Any other table
 * is not a claim table and is left alone. The table's title is the nearest bold paragraph or heading above it.
 *
 * <p>In the report each cell shows the verdict the results give the claim, coloured as the verdict badges are
 * and linked to the claim's section; a claim that is not in the results shows NOT RUN with the note "not in
 * this run", never the declared verdict. The declared verdict in the Markdown is only the file's own reading.
 */
final class ClaimTables {

    /** A cell: one word (the claim id, checked by {@link ClaimParser#ID_IN_TEXT}), then optionally a verdict. */
    private static final Pattern CELL = Pattern.compile(
            "(\\S+)(?:\\s+(VERIFIED|SUPPORTED|COUNTEREXAMPLE|INCONCLUSIVE|FAILED|NOT RUN))?");
    /** The separator row under the header: cells of dashes, optionally with alignment colons. */
    private static final Pattern SEPARATOR = Pattern.compile("\\|(\\s*:?-+:?\\s*\\|)+");
    /** A bold paragraph "**...**" or a Markdown heading, which titles the table below it. */
    private static final Pattern TITLE = Pattern.compile("\\*\\*(.+)\\*\\*|#+\\s+(.+)");

    /**
     * One claim table.
     *
     * @param source  the proofs/ file it is in
     * @param title   the bold paragraph or heading above it ("" when none)
     * @param columns the header cells
     * @param rows    the body rows: the first cell text, the others claim ids (the declared verdict dropped)
     */
    record Table(String source, String title, List<String> columns, List<List<String>> rows) {
        Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }

        /** Whether any cell names a claim of {@code ids}. */
        boolean namesAny(Set<String> ids) {
            return rows.stream().anyMatch(r -> r.subList(1, r.size()).stream().anyMatch(ids::contains));
        }
    }

    private ClaimTables() {
    }

    /** The claim tables of one Markdown file, in file order. */
    static List<Table> parse(String source, String markdown) {
        List<Table> tables = new ArrayList<>();
        String[] lines = markdown.replace("\r\n", "\n").split("\n", -1);
        String title = "";
        int i = 0;
        while (i < lines.length) {
            String line = lines[i].strip();
            Matcher t = TITLE.matcher(line);
            if (t.matches()) {
                title = t.group(1) != null ? t.group(1).strip() : t.group(2).strip();
            }
            if (!line.startsWith("|") || i + 1 >= lines.length || !SEPARATOR.matcher(lines[i + 1].strip()).matches()) {
                i++;
                continue;
            }
            List<String> columns = cells(line);
            List<List<String>> rows = new ArrayList<>();
            boolean claimTable = true;
            int j = i + 2;
            for (; j < lines.length && lines[j].strip().startsWith("|"); j++) {
                List<String> cells = cells(lines[j].strip());
                List<String> row = new ArrayList<>();
                row.add(cells.get(0));
                for (String cell : cells.subList(1, cells.size())) {
                    Matcher m = CELL.matcher(cell);
                    if (!m.matches() || !ClaimParser.ID_IN_TEXT.matcher(m.group(1)).matches()) {
                        claimTable = false;
                        break;
                    }
                    row.add(m.group(1));
                }
                claimTable &= cells.size() == columns.size() && cells.size() > 1;
                rows.add(row);
            }
            if (claimTable && !rows.isEmpty()) {
                tables.add(new Table(source, title, columns, rows));
            }
            i = j;
        }
        return tables;
    }

    /** The cells of a pipe-table row "| a | b |", stripped. */
    private static List<String> cells(String row) {
        String inner = row.substring(1, row.endsWith("|") && row.length() > 1 ? row.length() - 1 : row.length());
        List<String> cells = new ArrayList<>();
        for (String c : inner.split("\\|", -1)) {
            cells.add(c.strip());
        }
        return cells;
    }

    /** The claim tables of the proofs/ file {@code source} on the classpath; none when it is not there. */
    static List<Table> ofResource(String source) {
        try (InputStream in = ClaimTables.class.getClassLoader().getResourceAsStream(source)) {
            return in == null ? List.of() : parse(source, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(source + " could not be read", e);
        }
    }

    /**
     * The table as HTML: the first column as text (claim ids in it linked where on the page), each other cell
     * the verdict badge of the claim as {@code ran} gives it and the claim linked to its section, or NOT RUN
     * and "not in this run" when {@code ran} lacks it.
     */
    static String html(Table table, Map<String, ClaimOutcome> ran) {
        StringBuilder out = new StringBuilder();
        out.append("<h3>").append(Html.escape(table.title().isEmpty() ? "Claims by case" : table.title()))
                .append(" <span class=\"prov\">(<code>").append(Html.escape(table.source()))
                .append("</code>)</span></h3>\n<div class=\"scroll\"><table class=\"claim-table\"><tr>");
        table.columns().forEach(c -> out.append("<th>").append(HtmlReport.linkIds(c, ran.keySet())).append("</th>"));
        out.append("</tr>\n");
        for (List<String> row : table.rows()) {
            out.append("<tr><td>").append(HtmlReport.linkIds(row.get(0), ran.keySet())).append("</td>");
            for (String id : row.subList(1, row.size())) {
                ClaimOutcome c = ran.get(id);
                out.append("<td>");
                if (c == null) {
                    out.append(HtmlReport.verdictBadge(Verdict.NOT_RUN)).append(" <code>").append(Html.escape(id))
                            .append("</code> (not in this run)");
                } else {
                    out.append(HtmlReport.verdictBadge(c.verdict())).append(" <a href=\"#").append(Html.anchor(id))
                            .append("\"><code>").append(Html.escape(id)).append("</code></a>");
                }
                out.append("</td>");
            }
            out.append("</tr>\n");
        }
        return out.append("</table></div>\n").toString();
    }
}
