package org.advsharp.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.advsharp.claims.Claim;
import org.advsharp.claims.Verdict;

/**
 * Merges results files into one report, and the results of record (reports/records/*.json, committed runs too long
 * for the build) into every report. The rule for a claim present in several files: the last file that RAN it wins
 * (a NOT RUN replaces nothing, so a GPU record shows even where this machine has no GPU); a claim every file
 * left NOT RUN stays NOT RUN. {@link #stability} tells, per claim, which verdicts the files gave it (several master
 * seeds or machines: is the verdict stable?).
 */
public final class RecordMerge {
    /** The folder of the committed records, inside the reports folder. */
    public static final String RECORDS = "records";
    /** The stability summary written next to a merged report. */
    public static final String STABILITY = "verdict-stability.txt";

    private RecordMerge() {
    }

    /** The records (*.json) in the folder {@code dir}, sorted by name (none if the folder is missing). */
    public static List<Path> records(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    /** The files merged by the rule above (each file is read and checked by {@link ResultsReader}). */
    public static Results merge(List<Path> files) throws IOException {
        List<Results> parts = new ArrayList<>();
        for (Path f : files) {
            parts.add(ResultsReader.read(f));
        }
        Map<String, Boolean> ranSomewhere = new LinkedHashMap<>();
        for (Results r : parts) {
            for (ClaimOutcome c : r.claims()) {
                ranSomewhere.merge(c.id(), c.verdict() != Verdict.NOT_RUN, Boolean::logicalOr);
            }
        }
        List<Results> kept = new ArrayList<>();
        for (Results r : parts) {
            kept.add(new Results(r.runs(), r.claims().stream()
                    .filter(c -> c.verdict() != Verdict.NOT_RUN || !ranSomewhere.get(c.id())).toList()));
        }
        return Results.merge(kept);
    }

    /**
     * Per claim, the verdict each file gave it ("-" where a file does not have the claim) and whether the files
     * that ran it agree; one line per claim.
     */
    public static String stability(List<Path> files) throws IOException {
        Map<String, List<String>> verdicts = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            for (ClaimOutcome c : ResultsReader.read(files.get(i)).claims()) {
                List<String> row = verdicts.computeIfAbsent(c.id(), k -> new ArrayList<>());
                while (row.size() < i) {
                    row.add("-");
                }
                row.add(c.verdict().label());
            }
        }
        StringBuilder out = new StringBuilder("# verdict per claim in each file: ");
        for (int i = 0; i < files.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(i + 1).append(" = ").append(files.get(i));
        }
        out.append('\n');
        for (Map.Entry<String, List<String>> e : verdicts.entrySet()) {
            List<String> row = new ArrayList<>(e.getValue());
            while (row.size() < files.size()) {
                row.add("-");
            }
            List<String> ran = row.stream().filter(v -> !v.equals("-") && !v.equals(Verdict.NOT_RUN.label()))
                    .distinct().toList();
            String status = ran.isEmpty() ? "not run" : ran.size() == 1 ? "stable" : "VARIES";
            out.append(e.getKey()).append(": ").append(String.join(", ", row)).append(" (").append(status)
                    .append(")\n");
        }
        return out.toString();
    }

    /**
     * Writes {@code directory/index.html} from the merged files and the stability summary next to it; other files
     * in the folder are kept.
     */
    public static Path write(List<Path> files, Collection<Claim> claimTexts, Path directory) throws IOException {
        Results merged = merge(files);
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(HtmlReport.INDEX, HtmlReport.render(merged, claimTexts).getBytes(StandardCharsets.UTF_8));
        out.put(STABILITY, stability(files).getBytes(StandardCharsets.UTF_8));
        ReportFolder.replace(directory, out);
        return directory.resolve(HtmlReport.INDEX);
    }
}
