package org.advsharp.checks.losses;

import java.util.Locale;
import java.util.function.Function;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.checks.problems.AdversarialCase;
import org.advsharp.checks.problems.Problems;
import org.advsharp.checks.problems.PropertyEvidence;
import org.advsharp.oracle.MarginLoss;
import org.advsharp.property.Gen;
import org.advsharp.property.PropertyConfig;
import org.advsharp.property.PropertyReport;
import org.advsharp.property.PropertyRunner;

/**
 * The searches of proofs/losses.md for a quantity that falls from eps1 to eps2 under the margin condition
 * (rem:probit-trace-falls-in-two-dimensions, rem:margin-loss-full-top-not-monotone): a full pass over the
 * budget for the find rate, then the property engine's search, whose first fall is shrunk.
 */
final class FallSearch {
    /** Budget of the searches for a fall; the logistic searches of spectrum.md find theirs at rates of 1/100 and above. */
    static final int SEARCH_BUDGET = 1_000;

    private FallSearch() {
    }

    /**
     * Searches {@code budget} cases for a fall of {@code what}, skipping the cases {@link MarginCases#unusable}
     * names, records the search and the find rate over the whole budget, and says what was found.
     *
     * @param what what falls ("trace(H)", "lambda_max(H)"), for the property's title
     * @param fall a description of the fall in a usable case, null where there is none
     */
    static String search(MarginLoss loss, String what, Function<AdversarialCase, String> fall,
                         Gen<AdversarialCase> cases, int budget, CheckContext context, Evidence evidence) {
        PropertyConfig config = Problems.config(context, budget);
        Function<AdversarialCase, String> usableFall = c -> MarginCases.unusable(c, loss) != null ? null : fall.apply(c);
        int found = PropertyRunner.count(cases, config, c -> usableFall.apply(c) != null);
        PropertyReport<AdversarialCase> report = PropertyRunner.check(loss.name() + ": " + what
                + " does not fall under the margin condition (expected to fail)", cases,
                (c, labels) -> usableFall.apply(c), config);
        PropertyEvidence.search(evidence, context, report, Problems::paste);
        evidence.fact("find rate: generated cases with a fall", found + " of " + config.tries());
        return report.holds() ? "No fall found in " + report.tries() + " cases."
                : String.format(Locale.ROOT, "%s loss: a fall in %d of %d cases; the first, shrunk: %s", loss.name(), found,
                        config.tries(), report.violation());
    }
}
