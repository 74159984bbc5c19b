package org.advsharp.report;

import java.util.List;
import java.util.Set;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.run.SampleSuite;
import org.advsharp.run.SuiteResult;
import org.advsharp.run.SuiteRunner;

/** Runs the sample suite for the report tests. */
final class SampleReports {
    private SampleReports() {
    }

    static SuiteResult run(long seed) {
        return run(seed, SampleSuite.checks());
    }

    static SuiteResult run(long seed, List<Check> checks) {
        return new SuiteRunner(SampleSuite.claims(), checks)
                .run(new CheckContext(seed, 0, m -> { }), Set.of(), "advsharp verify --seed " + seed);
    }
}
