package org.advsharp.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.advsharp.claims.Claim;
import org.advsharp.claims.ClaimRegistry;
import org.advsharp.results.ResultsJson;
import org.advsharp.run.SampleSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed record of the first study (a significant fall, against its hypothesis) rendered as a report: the
 * finding has its own banner words, count card and P4 colour, and is never counted as a COUNTEREXAMPLE claim
 * that marks a limit nor hidden behind "No claim FAILED".
 */
class StudyFindingReportTest {

    @Test
    void aStudyFindingAgainstItsHypothesisIsShownApart() throws Exception {
        String json = Files.readString(Path.of("reports/records/resnet-cpu-study.json"), StandardCharsets.UTF_8);
        String page = HtmlReport.render(ResultsJson.parse(json, "resnet-cpu-study.json"),
                ClaimRegistry.load().claims());
        assertTrue(page.contains("1 pre-registered study found against its hypothesis (a finding, neither a pass nor "
                + "a failure"), "banner");
        assertFalse(page.contains("No claim FAILED"), "banner");
        assertTrue(page.contains("<div class=\"count finding\"><b>1</b>study finding against its hypothesis</div>"),
                "count card");
        assertFalse(page.contains("<b>1</b>COUNTEREXAMPLE</div>"), "the finding is not counted as a COUNTEREXAMPLE");
        assertTrue(page.contains("<li class=\"pv-FINDING\"><span class=\"pv-id\">P4</span>"), "P4 colour");
    }

    @Test
    void aReplaysBannerDoesNotCountAMergedRecordAsAClaimThatRan(@TempDir Path dir)
            throws Exception {
        Path records = Files.createDirectories(dir.resolve(RecordMerge.RECORDS));
        Path record = records.resolve("resnet-cpu-study.json");
        Files.copy(Path.of("reports/records/resnet-cpu-study.json"), record);
        Path replay = dir.resolve("results.json");
        Files.writeString(replay, SampleReports.json(7, SampleSuite.checks()));
        List<Claim> texts = new ArrayList<>(SampleSuite.claims());
        texts.add(ClaimRegistry.load().find("exp:resnet-cpu-study").orElseThrow());
        String page = HtmlReport.render(RecordMerge.merge(List.of(record, replay)), texts);
        assertTrue(page.contains("4 of 5 claims got their expected verdict; 0 INCONCLUSIVE and 1 NOT RUN (listed "
                + "below, not counted as passed); 1 more shown from committed records under reports/records/ (not run "
                + "by this command); no claim FAILED."), "banner");
    }
}
