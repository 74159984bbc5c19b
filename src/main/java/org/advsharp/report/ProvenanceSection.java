package org.advsharp.report;

import java.util.Map;
import org.advsharp.run.GitState;
import org.advsharp.run.Provenance;

/** The provenance table at the end of the report. */
final class ProvenanceSection {
    private ProvenanceSection() {
    }

    /** "abc123... (dirty)", "abc123... (clean)" or why the commit is unknown. */
    static String commitText(GitState git) {
        if (git.commit() == null) {
            return git.note() == null ? "unknown" : git.note();
        }
        String shortHash = git.commit().length() > 12 ? git.commit().substring(0, 12) : git.commit();
        return shortHash + (Boolean.TRUE.equals(git.dirty()) ? " (working tree dirty)" : " (clean)");
    }

    static void append(Provenance p, long elapsedMillis, StringBuilder out) {
        out.append("<h2 id=\"provenance\">Provenance</h2>\n<table>\n");
        row(out, "command", "<code>" + Html.escape(p.command()) + "</code>");
        row(out, "started (UTC)", Html.escape(p.startedAt()));
        row(out, "wall time", String.format(java.util.Locale.ROOT, "%.1f s", elapsedMillis / 1000.0));
        row(out, "commit", Html.escape(p.git().commit() == null ? commitText(p.git()) : p.git().commit()
                + (Boolean.TRUE.equals(p.git().dirty()) ? " (working tree dirty)" : " (clean)")));
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

    private static void row(StringBuilder out, String name, String valueHtml) {
        out.append("<tr><th>").append(name).append("</th><td>").append(valueHtml).append("</td></tr>\n");
    }
}
