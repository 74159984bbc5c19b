package org.advsharp.checks.spectrum;

import java.util.Locale;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Counterexample;
import org.advsharp.check.Evidence;
import org.advsharp.checks.problems.AdversarialCase;
import org.advsharp.checks.problems.CounterexampleFiles;
import org.advsharp.checks.problems.LineOfW;
import org.advsharp.checks.problems.Problems;
import org.advsharp.checks.problems.PropertyEvidence;
import org.advsharp.data.Dataset;
import org.advsharp.property.Gen;
import org.advsharp.property.PropertyConfig;
import org.advsharp.property.PropertyReport;
import org.advsharp.property.PropertyRunner;

/**
 * rem:trace-falls-in-two-dimensions: for d = 2 trace(H) can fall under the margin condition.
 * {@link OnTheProofsInstance} computes the proof's own instance (it must fall); {@link Search} searches
 * {@link FallSearch#SEARCH_BUDGET} two-dimensional cases pushed towards the line of w and reports the find
 * rate over the whole budget.
 */
final class TraceFallsInTwoDimensions {
    static final String CLAIM_ID = "rem:trace-falls-in-two-dimensions";

    private TraceFallsInTwoDimensions() {
    }

    /**
     * The instance given in proofs/spectrum.md under rem:trace-falls-in-two-dimensions: one sample on the
     * line of w with margin 1 at eps = 0, margin 0.9 at eps2 = 0.1.
     */
    static AdversarialCase instanceFromProof() {
        return new AdversarialCase(Dataset.of(new double[][] {{1.0, 0.0}}, new double[] {1.0}),
                new double[] {1.0, 0.0}, 0.0, 0.1);
    }

    /** The proof's instance, computed (not asserted): the oracle must show the fall on it. */
    static final class OnTheProofsInstance implements Check {

        @Override
        public String id() {
            return "trace-falls-on-the-proofs-instance";
        }

        @Override
        public String claimId() {
            return CLAIM_ID;
        }

        @Override
        public String title() {
            return "the proof's instance: trace(H) falls in d = 2 although the margin at eps2 is >= 0";
        }

        @Override
        public String run(CheckContext context, Evidence evidence) {
            AdversarialCase stated = instanceFromProof();
            String statedFall = FallSearch.traceFall(stated);
            if (statedFall != null) {
                evidence.counterexample(new Counterexample("the instance stated in the proof: " + statedFall,
                        Problems.paste(stated), 0L, 0, context.replayCommand(),
                        CounterexampleFiles.hessian("rem-trace-falls-in-two-dimensions-proof", stated)));
            }
            evidence.fact("the proof's instance (N = 1, x = (1, 0), w = (1, 0), eps 0 -> 0.1)",
                    statedFall == null ? "no fall: the trace did not fall on it" : statedFall);
            return statedFall == null ? "The proof's instance shows no fall." : "The proof's instance falls: "
                    + statedFall + ".";
        }
    }

    /**
     * The random search: two-dimensional margin-condition cases pushed towards the line of w ({@link
     * LineOfW#towards} with the smallest margin at eps2 set to 1, where h(m) &gt; 1 in the proof of
     * thm:trace-monotone-margin); a full pass over the budget for the find rate, then the engine's search
     * (first fall, shrunk).
     */
    static final class Search implements Check {

        @Override
        public String id() {
            return "trace-can-fall-in-two-dimensions";
        }

        @Override
        public String claimId() {
            return CLAIM_ID;
        }

        @Override
        public String title() {
            return "search (3,000 cases pushed towards the line of w): trace(H) falls in d = 2 although every "
                    + "margin at eps2 is >= 0; find rate over the whole budget";
        }

        @Override
        public String run(CheckContext context, Evidence evidence) {
            Gen<AdversarialCase> gen = Problems.marginConditionInTwoDimensions().map(c -> LineOfW.towards(c, 1.0));
            PropertyConfig config = Problems.config(context, FallSearch.SEARCH_BUDGET);
            int found = PropertyRunner.count(gen, config, c -> FallSearch.usable(c) && FallSearch.traceFall(c) != null);
            PropertyReport<AdversarialCase> report = PropertyRunner.check(
                    "trace(H) rises under the margin condition in d = 2 (expected to fail)", gen,
                    (c, labels) -> FallSearch.usable(c) ? FallSearch.traceFall(c) : null, config);
            PropertyEvidence.search(evidence, context, report, Problems::paste);
            double rate = found / (double) config.tries();
            evidence.fact("find rate: generated cases whose trace falls", found + " of " + config.tries() + " = "
                    + String.format(Locale.ROOT, "%.4f", rate));
            return report.holds()
                    ? "the random search found no fall in " + report.tries() + " two-dimensional cases"
                    : String.format(Locale.ROOT, "the random search found a fall in %d of %d cases (find rate %.4f); the "
                            + "first, after %d cases, shrunk to: %s", found, config.tries(), rate, report.tries(),
                            report.violation());
        }
    }
}
