package org.advsharp.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.advsharp.claims.Claim;
import org.advsharp.results.Results;
import org.advsharp.results.ResultsJson;
import org.advsharp.results.ResultsMerge;
import org.advsharp.results.RunRecord;
import org.advsharp.results.Unverified;

/**
 * Writes report folders: a run's own (its {@code results.json} and the page, with the results of record of
 * reports/records/ merged into the page) and a merge of results files ({@code advsharp report}: the merged
 * {@code results.json}, the page and, since several files were merged, {@value #STABILITY}). The merge rule
 * is {@link ResultsMerge}'s; every page is rendered once, from results read back by {@link ResultsJson}.
 *
 * <p>Every results file a report names (in its page, its {@code results.json} and {@value #STABILITY}) is
 * named relative to the report folder ({@code records/a.json}, {@code ../shard-1/results.json}), never by a
 * path of the machine that wrote it, so a report folder can be moved, committed or sent as it is.
 *
 * <p>Every file read for a merge is first marked by {@link Unverified} against the catalogue the page is
 * rendered with and the repository's history the caller passes in: a claim outside the catalogue, or from a
 * commit outside the history, is kept in the merged {@code results.json} with its reason and shown as
 * UNVERIFIED, never as a verdict. A run's own document is not marked: its claims ran now, in this code.
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

    /** Each file read by {@link ResultsJson#read}, merged by {@link ResultsMerge}, in the given order. */
    public static Results merge(List<Path> files) throws IOException {
        List<Results> parts = new ArrayList<>();
        for (Path f : files) {
            parts.add(ResultsJson.read(f));
        }
        return ResultsMerge.merge(parts);
    }

    /**
     * A results file read for the report in {@code directory}: each run names its file relative to that folder.
     * A file of one run is the run's file; a merged file names its runs' files relative to its own folder, so
     * each is resolved there first.
     */
    static Results readFor(Path directory, Path file) throws IOException {
        Results read = ResultsJson.read(file);
        Path folder = file.toAbsolutePath().getParent();
        List<RunRecord> runs = new ArrayList<>();
        for (RunRecord run : read.runs()) {
            runs.add(run.withFile(relative(directory, read.merged() ? folder.resolve(run.file()) : file)));
        }
        return new Results(runs, read.claims());
    }

    /**
     * {@code file} as seen from {@code directory}, with '/' between names ("records/a.json", "../a.json"); its
     * file name alone when no relative path leads there (another drive).
     */
    static String relative(Path directory, Path file) {
        Path from = directory.toAbsolutePath().normalize();
        Path to = file.toAbsolutePath().normalize();
        try {
            return from.relativize(to).toString().replace(File.separatorChar, '/');
        } catch (IllegalArgumentException e) {
            return to.getFileName().toString();
        }
    }

    /**
     * Writes a run's report folder: {@code results.json} holds the run's document as given; the page shows it
     * read back and, when there are records, merged after them (the run's own claims win where it ran them).
     * No stability summary: the records are not several runs of the same claims.
     *
     * @return the path of the written index.html
     */
    public static Path writeRun(String resultsJson, List<Path> records, Collection<Claim> claimTexts,
                                Unverified.CommitHistory history, Path directory) throws IOException {
        Results own = ResultsJson.parse(resultsJson, HtmlReport.RESULTS);
        Results shown = own;
        if (!records.isEmpty()) {
            List<Results> parts = new ArrayList<>();
            for (Path f : records) {
                parts.add(Unverified.mark(readFor(directory, f), catalogue(claimTexts), history));
            }
            parts.add(own);
            shown = ResultsMerge.merge(parts);
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(HtmlReport.RESULTS, resultsJson.getBytes(StandardCharsets.UTF_8));
        out.put(HtmlReport.INDEX, HtmlReport.render(shown, claimTexts).getBytes(StandardCharsets.UTF_8));
        ReportFolder.replace(directory, out);
        return directory.resolve(HtmlReport.INDEX);
    }

    /**
     * Writes the merge of {@code files} into {@code directory}: the merged {@code results.json}, the page rendered
     * from it, and, when several files were merged, the stability summary; other files in the folder are kept.
     *
     * @return the merged results, as written
     */
    public static Results write(List<Path> files, Collection<Claim> claimTexts, Unverified.CommitHistory history,
                                Path directory) throws IOException {
        List<Results> parts = new ArrayList<>();
        for (Path f : files) {
            parts.add(Unverified.mark(readFor(directory, f), catalogue(claimTexts), history));
        }
        Results merged = ResultsMerge.merge(parts);
        String json = ResultsJson.write(merged);
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(HtmlReport.RESULTS, json.getBytes(StandardCharsets.UTF_8));
        out.put(HtmlReport.INDEX, HtmlReport.render(ResultsJson.parse(json, HtmlReport.RESULTS), claimTexts)
                .getBytes(StandardCharsets.UTF_8));
        if (files.size() > 1) {
            out.put(STABILITY, ResultsMerge.stability(merged, files.stream().map(f -> relative(directory, f)).toList())
                    .getBytes(StandardCharsets.UTF_8));
        }
        ReportFolder.replace(directory, out);
        return merged;
    }

    /** The ids of the claims the page is rendered with: the catalogue a merged claim must belong to. */
    private static Set<String> catalogue(Collection<Claim> claimTexts) {
        Set<String> ids = new HashSet<>();
        claimTexts.forEach(c -> ids.add(c.id()));
        return ids;
    }

    /** The stability summary of a merge of {@code files}, each named as given: one line per claim (the console's). */
    public static String stability(Results merged, List<Path> files) {
        return ResultsMerge.stability(merged, files.stream().map(Path::toString).toList());
    }
}
