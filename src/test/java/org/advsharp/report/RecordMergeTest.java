package org.advsharp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.advsharp.results.ResultsJson;
import org.advsharp.results.Unverified;
import org.advsharp.run.SampleSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report folders: a run's own (no stability summary) and a merge (merged results.json, stability for several). */
class RecordMergeTest {
    /** A history that holds every commit: these tests are about folders and names, not about provenance. */
    static final Unverified.CommitHistory IN_HISTORY = commit -> null;

    @Test
    void thePageShowsWhatTheFileSaysNotWhatWasComputed() {
        String json = SampleReports.json(7, SampleSuite.checks());
        assertTrue(json.contains("\"verdict\" : \"COUNTEREXAMPLE\""), "the sample has a COUNTEREXAMPLE claim");
        String edited = json.replace("\"verdict\" : \"COUNTEREXAMPLE\"", "\"verdict\" : \"FAILED\"");
        String page = HtmlReport.render(ResultsJson.parse(edited, "edited.json"), SampleSuite.claims());
        assertTrue(page.contains("FAILED claims"), "the page is rendered from the (edited) results file");
    }

    @Test
    void aRunWritesItsOwnResultsAndNoStabilitySummary(@TempDir Path tmp) throws IOException {
        Path record = tmp.resolve("record.json");
        Files.writeString(record, SampleReports.json(8, SampleSuite.checks()), StandardCharsets.UTF_8);
        String own = SampleReports.json(7, SampleSuite.checks());
        Path index = RecordMerge.writeRun(own, List.of(record), SampleSuite.claims(), IN_HISTORY, tmp.resolve("out"));
        assertEquals(own, Files.readString(tmp.resolve("out").resolve(HtmlReport.RESULTS)), "the run's own document");
        assertTrue(Files.isRegularFile(index));
        assertFalse(Files.exists(tmp.resolve("out").resolve(RecordMerge.STABILITY)), "plain verify writes none");
    }

    @Test
    void aMergeWritesTheMergedResultsBesideThePageAndStabilityOnlyForSeveralFiles(@TempDir Path tmp)
            throws IOException {
        Path first = tmp.resolve("first.json");
        Path second = tmp.resolve("second.json");
        Files.writeString(first, SampleReports.json(7, SampleSuite.checks()), StandardCharsets.UTF_8);
        Files.writeString(second, SampleReports.json(8, SampleSuite.checks()), StandardCharsets.UTF_8);
        Path two = tmp.resolve("two");
        RecordMerge.write(List.of(first, second), SampleSuite.claims(), IN_HISTORY, two);
        assertEquals(2, ResultsJson.read(two.resolve(HtmlReport.RESULTS)).runs().size());
        String stability = Files.readString(two.resolve(RecordMerge.STABILITY));
        assertTrue(stability.contains("inst:sample-eigen: VERIFIED, VERIFIED (stable)"), stability);
        String page = Files.readString(two.resolve(HtmlReport.INDEX));
        assertTrue(page.contains("Merged from 2 results files"), "the page says it is merged");
        assertTrue(page.contains("<code>../second.json</code>"), "and names each file, relative to the report");
        Path one = tmp.resolve("one");
        RecordMerge.write(List.of(first), SampleSuite.claims(), IN_HISTORY, one);
        assertTrue(Files.isRegularFile(one.resolve(HtmlReport.RESULTS)));
        assertFalse(Files.exists(one.resolve(RecordMerge.STABILITY)), "one file has no stability to speak of");
    }

    @Test
    void aReportNamesEveryFileRelativeToItsFolderAndNoPathOfTheMachine(@TempDir Path tmp) throws IOException {
        Path reports = tmp.resolve("reports");
        Path records = reports.resolve(RecordMerge.RECORDS);
        Files.createDirectories(records);
        Path record = records.resolve("study.json");
        Files.writeString(record, SampleReports.json(8, SampleSuite.checks()), StandardCharsets.UTF_8);
        String absolute = tmp.toAbsolutePath().toString();

        RecordMerge.writeRun(SampleReports.json(7, SampleSuite.checks()), RecordMerge.records(records),
                SampleSuite.claims(), IN_HISTORY, reports);
        String page = Files.readString(reports.resolve(HtmlReport.INDEX));
        assertTrue(page.contains("<code>records/study.json</code>"), "the record, named from the report folder");
        assertFalse(page.contains(absolute), "no absolute path of the folder in the page");
        assertFalse(Files.readString(reports.resolve(HtmlReport.RESULTS)).contains(absolute));

        Path shard = tmp.resolve("shards").resolve("a.json");
        Files.createDirectories(shard.getParent());
        Files.writeString(shard, SampleReports.json(9, SampleSuite.checks()), StandardCharsets.UTF_8);
        Path merged = tmp.resolve("merged");
        RecordMerge.write(List.of(record.toAbsolutePath(), shard.toAbsolutePath()), SampleSuite.claims(), IN_HISTORY, merged);
        for (String name : List.of(HtmlReport.INDEX, HtmlReport.RESULTS, RecordMerge.STABILITY)) {
            String text = Files.readString(merged.resolve(name));
            assertFalse(text.contains(absolute), name + " names no absolute path: " + text.substring(0,
                    Math.min(400, text.length())));
            assertTrue(text.contains("../shards/a.json"), name + " names the shard relative to the report");
        }
        // a merged results.json merged again names its runs relative to the new report folder
        Path again = tmp.resolve("deeper").resolve("again");
        RecordMerge.write(List.of(merged.resolve(HtmlReport.RESULTS)), SampleSuite.claims(), IN_HISTORY, again);
        String twice = Files.readString(again.resolve(HtmlReport.RESULTS));
        assertTrue(twice.contains("../../shards/a.json") && twice.contains("../../reports/records/study.json"), twice);
        assertFalse(twice.contains(absolute));
    }

    /** verify's page marks the records it shows, never the run's own claims (they ran now, in this code). */
    @Test
    void aRunMarksTheRecordsItShowsButNotItsOwnClaims(@TempDir Path tmp) throws IOException {
        Path record = tmp.resolve("records").resolve("gone.json");
        Files.createDirectories(record.getParent());
        Files.writeString(record, SampleReports.json(8, SampleSuite.checks())
                .replaceFirst("\"id\" : \"inst:sample-eigen\"", "\"id\" : \"inst:gone\""), StandardCharsets.UTF_8);
        Unverified.CommitHistory nothing = commit -> "commit " + commit.substring(0, 7)
                + " is not in this repository's history";
        Path index = RecordMerge.writeRun(SampleReports.json(7, SampleSuite.checks()), List.of(record),
                SampleSuite.claims(), nothing, tmp.resolve("out"));
        String page = Files.readString(index);
        assertTrue(page.contains("<section class=\"claim c-UNVERIFIED\" id=\"claim-inst-gone\">"), "the record's");
        assertTrue(page.contains(": claim not in this catalogue</li>"), "with the first reason that holds");
        assertEquals(1, page.split("<li class=\"unverified\">", -1).length - 1, "only the record's claim: " + page);
        assertFalse(Files.readString(tmp.resolve("out").resolve(HtmlReport.RESULTS)).contains("\"unverified\""),
                "the run's own results.json is its own, unmarked");
    }
}
