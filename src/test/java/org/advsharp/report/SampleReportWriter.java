package org.advsharp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.advsharp.claims.Verdict;
import org.advsharp.results.Results;
import org.advsharp.results.ResultsJson;
import org.junit.jupiter.api.Test;

/**
 * Writes the sample report to target/sample-report, for a person to look at, and checks that what was
 * written is a page and a results file that reads back to the page's counts.
 */
class SampleReportWriter {
    @Test
    void writesAPageAndAResultsFileThatReadsBack() throws Exception {
        Path dir = Path.of("target/sample-report");
        Path index = SampleReports.write(7, dir);
        String page = Files.readString(index, StandardCharsets.UTF_8);
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.endsWith("</html>\n"), "a whole page");
        Results back = ResultsJson.read(dir.resolve(HtmlReport.RESULTS));
        assertEquals(SampleReports.run(7).counts(), back.counts());
        assertTrue(page.contains("<b>" + back.counts().get(Verdict.VERIFIED) + "</b>VERIFIED"));
    }
}
