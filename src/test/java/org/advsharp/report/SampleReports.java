package org.advsharp.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.results.Results;
import org.advsharp.results.ResultsJson;
import org.advsharp.run.SampleSuite;
import org.advsharp.run.SuiteRunner;

/** Runs the sample suite for the report tests; the report is rendered from its results JSON. */
final class SampleReports {
    private SampleReports() {
    }

    static Results run(long seed) {
        return run(seed, SampleSuite.checks());
    }

    static Results run(long seed, List<Check> checks) {
        return new SuiteRunner(SampleSuite.claims(), checks)
                .run(new CheckContext(seed, 0, m -> { }), Set.of(), "advsharp verify --seed " + seed);
    }

    /** The results JSON of the sample suite. */
    static String json(long seed, List<Check> checks) {
        return ResultsJson.write(run(seed, checks));
    }

    /** The page rendered from the results JSON of the sample suite. */
    static String page(long seed) {
        return page(seed, SampleSuite.checks());
    }

    static String page(long seed, List<Check> checks) {
        return HtmlReport.render(ResultsJson.parse(json(seed, checks), HtmlReport.RESULTS), SampleSuite.claims());
    }

    /** The page rendered from the results JSON of a run of the sample claims. */
    static String page(Results result) {
        return HtmlReport.render(ResultsJson.parse(ResultsJson.write(result), HtmlReport.RESULTS),
                SampleSuite.claims());
    }

    /** Writes the sample report folder. */
    static Path write(long seed, Path directory) throws IOException {
        return HtmlReport.write(json(seed, SampleSuite.checks()), SampleSuite.claims(), directory);
    }
}
