package org.advsharp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.advsharp.check.CheckResult;
import org.advsharp.claims.Verdict;
import org.advsharp.run.ClaimResult;
import org.advsharp.run.SampleSuite;
import org.advsharp.run.SuiteResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results files read back hold what the run computed; several merge into one report. */
class ResultsReaderTest {

    @Test
    void aResultsFileReadsBackToTheClaimsVerdictsAndEvidenceOfTheRun() {
        SuiteResult run = SampleReports.run(11);
        // The same run's JSON: elapsed times differ between two runs under load.
        Results back = ResultsReader.parse(org.advsharp.run.ResultsJson.toJson(run), "r.json");
        assertEquals(run.claims().size(), back.claims().size());
        assertEquals(run.counts(), back.counts());
        for (int i = 0; i < run.claims().size(); i++) {
            ClaimResult c = run.claims().get(i);
            ClaimOutcome o = back.claims().get(i);
            assertEquals(c.claim().id(), o.id());
            assertEquals(c.verdict(), o.verdict());
            assertEquals(c.claim().kind(), o.kind());
            assertEquals(c.results().size(), o.checks().size());
            for (int k = 0; k < c.results().size(); k++) {
                CheckResult a = c.results().get(k);
                CheckResult b = o.checks().get(k);
                assertEquals(a.measurements(), b.measurements(), a.checkId());
                assertEquals(a.counterexamples(), b.counterexamples(), a.checkId());
                assertEquals(a.seeds(), b.seeds(), a.checkId());
                assertEquals(a.outcome(), b.outcome(), a.checkId());
                assertEquals(a.elapsedMillis(), b.elapsedMillis(), a.checkId());
            }
        }
        assertEquals(11, back.runs().get(0).masterSeed());
        assertEquals(run.provenance().command(), back.runs().get(0).command());
    }

    @Test
    void thePageShowsWhatTheFileSaysNotWhatWasComputed() {
        String json = SampleReports.json(7, SampleSuite.checks());
        assertTrue(json.contains("\"verdict\" : \"COUNTEREXAMPLE\""), "the sample has a COUNTEREXAMPLE claim");
        String edited = json.replace("\"verdict\" : \"COUNTEREXAMPLE\"", "\"verdict\" : \"FAILED\"");
        String page = HtmlReport.render(ResultsReader.parse(edited, "edited.json"), SampleSuite.claims());
        assertTrue(page.contains("FAILED claims"), "the page is rendered from the (edited) results file");
    }

    @Test
    void severalFilesMergeOneClaimFromTheLastFileThatHasIt(@TempDir Path tmp) throws IOException {
        Path first = tmp.resolve("first.json");
        Path second = tmp.resolve("second.json");
        Files.writeString(first, SampleReports.json(7, SampleSuite.checks()), StandardCharsets.UTF_8);
        List<org.advsharp.check.Check> one = SampleSuite.checks().stream()
                .filter(c -> c.claimId().equals("inst:sample-eigen")).toList();
        String onlyEigen = SampleReports.json(8, one).replace("\"verdict\" : \"VERIFIED\"", "\"verdict\" : \"FAILED\"");
        Files.writeString(second, onlyEigen, StandardCharsets.UTF_8);

        Results merged = ResultsReader.readAll(List.of(first, second));
        assertEquals(2, merged.runs().size());
        assertEquals(SampleSuite.claims().size(), merged.claims().size(), "each claim once");
        ClaimOutcome eigen = merged.claims().stream().filter(c -> c.id().equals("inst:sample-eigen")).findFirst()
                .orElseThrow();
        assertEquals(Verdict.FAILED, eigen.verdict(), "the later file replaces the earlier one");
        assertEquals(8, merged.runOf(eigen).masterSeed());
        assertEquals(1, merged.counts().get(Verdict.FAILED));

        Path index = HtmlReport.writeMerged(List.of(first, second), SampleSuite.claims(), tmp.resolve("merged"));
        String page = Files.readString(index, StandardCharsets.UTF_8);
        assertTrue(page.contains("Merged from 2 results files"), "the page says it is merged");
        assertTrue(page.contains(second.toString()), "and names each file");
    }

    @Test
    void aFileThatIsNotAResultsFileIsRefusedByName(@TempDir Path tmp) throws IOException {
        Path missing = tmp.resolve("missing.json");
        IOException e = assertThrows(IOException.class, () -> ResultsReader.read(missing));
        assertTrue(e.getMessage().contains("missing.json"), e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ResultsReader.parse("{\"schema\":\"other/9\"}", "x.json"));
        assertTrue(bad.getMessage().contains("x.json") && bad.getMessage().contains("schema"), bad.getMessage());
        IllegalArgumentException noRun = assertThrows(IllegalArgumentException.class,
                () -> ResultsReader.parse("{\"schema\":\"" + ResultsReader.SCHEMA + "\",\"claims\":[]}", "y.json"));
        assertTrue(noRun.getMessage().contains("y.json") && noRun.getMessage().contains("run"), noRun.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ResultsReader.readAll(List.of()));
    }

    @Test
    void theReaderAndTheWriterAgreeOnTheLayout() {
        assertEquals(org.advsharp.run.ResultsJson.SCHEMA, ResultsReader.SCHEMA);
        assertEquals(org.advsharp.run.ResultsJson.RUN_KEY, ResultsReader.RUN_KEY);
    }
}
