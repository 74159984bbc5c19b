package org.advsharp.checks.training;

import java.util.Locale;
import java.util.Map;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Counterexample;
import org.advsharp.check.Evidence;
import org.advsharp.check.SeedRecord;
import org.advsharp.checks.problems.CounterexampleFiles;
import org.advsharp.property.PropertyReport;

/**
 * Records a property-engine search over training problems as evidence: the budget, the seed with its
 * replay command, the regimes seen, and (if the property failed) the shrunk counterexample as Java
 * source that rebuilds the problem.
 */
final class SearchEvidence {
    private SearchEvidence() {
    }

    /**
     * @param grid the radii eps/eps_c the search compared, for the sweep command that reproduces a counterexample
     */
    static void record(Evidence evidence, CheckContext context, PropertyReport<TrainedProblem> report, double[] grid) {
        evidence.seed(new SeedRecord(report.tries() + " generated training problems for '" + report.name() + "'",
                report.seed(), context.replayCommand()));
        evidence.fact("problems generated", report.tries());
        for (Map.Entry<String, Integer> e : report.labelCounts().entrySet()) {
            evidence.fact("share of problems: " + e.getKey(),
                    String.format(Locale.ROOT, "%.3f", e.getValue() / (double) Math.max(1, report.tries())));
        }
        if (!report.holds()) {
            evidence.counterexample(new Counterexample(report.violation(), report.shrunk().pasteable(),
                    report.failingCaseSeed(), report.shrinkSteps(), context.replayCommand(),
                    CounterexampleFiles.sweep(CounterexampleFiles.stem(context.claimId()), report.shrunk().data(),
                            report.shrunk().lambda(), grid)));
            evidence.fact("problems generated up to and including the first counterexample", report.tries());
            evidence.fact("counterexample before shrinking", report.original().toString() + ": "
                    + report.originalViolation());
            evidence.fact("counterexample after shrinking", report.shrunk().toString());
        }
    }
}
