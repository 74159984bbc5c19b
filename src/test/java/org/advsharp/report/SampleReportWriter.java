package org.advsharp.report;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Not a test: writes the sample report to target/sample-report for a person to look at (-Dtest=...). */
@Tag("manual")
class SampleReportWriter {
    @Test
    void write() throws Exception {
        HtmlReport.write(SampleReports.run(7), Path.of("target/sample-report"));
    }
}
