package org.advsharp.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.advsharp.results.RunRecord;

/** The provenance table at the end of the report. */
final class ProvenanceSection {
    private ProvenanceSection() {
    }

    static void append(List<RunRecord> runs, StringBuilder out) {
        out.append("<h2 id=\"provenance\">Provenance</h2>\n");
        for (RunRecord p : runs) {
            if (runs.size() > 1) {
                out.append("<h3><code>").append(Html.escape(p.file())).append("</code></h3>\n");
            }
            out.append("<table>\n");
            row(out, "command", "<code>" + Html.escape(p.command()) + "</code>");
            row(out, "started (UTC)", Html.escape(p.startedAt()));
            row(out, "wall time", String.format(Locale.ROOT, "%.1f s", p.elapsedMillis() / 1000.0));
            row(out, "commit", Html.escape(p.fullCommitText()));
            row(out, "master seed", String.valueOf(p.masterSeed()));
            row(out, "tries", p.tries() > 0 ? String.valueOf(p.tries()) : "each check's default");
            row(out, "device", Html.escape(p.device()));
            row(out, "JVM", Html.escape(p.jvm()));
            row(out, "OS", Html.escape(p.os()));
            row(out, "CPUs", String.valueOf(p.cpus()));
            for (Map.Entry<String, String> lib : p.libraries().entrySet()) {
                row(out, Html.escape(lib.getKey()), Html.escape(lib.getValue()));
            }
            out.append("</table>\n");
        }
    }

    private static void row(StringBuilder out, String name, String valueHtml) {
        out.append("<tr><th>").append(name).append("</th><td>").append(valueHtml).append("</td></tr>\n");
    }
}
