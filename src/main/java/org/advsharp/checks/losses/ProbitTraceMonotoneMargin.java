package org.advsharp.checks.losses;

import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.checks.problems.AdversarialCase;
import org.advsharp.checks.problems.LineOfW;
import org.advsharp.checks.problems.Problems;
import org.advsharp.checks.problems.PropertyEvidence;
import org.advsharp.oracle.MarginLoss;
import org.advsharp.property.PropertyReport;
import org.advsharp.property.PropertyRunner;

/**
 * conj:probit-trace-monotone-margin: a search over {@link FallSearch#SEARCH_BUDGET} cases for a fall of the
 * probit trace(H) from eps1 to eps2 under the margin condition with d &gt;= 3, the data pushed towards the
 * line of w with the smallest margin at eps2 put where the trace's derivative is nearest to changing sign
 * ({@link #PROBIT_HARDEST_MARGIN}).
 */
final class ProbitTraceMonotoneMargin implements Check {
    /**
     * Where the bracket (d - 1) r(m) - l'''(m) m^2 - 2 m l''(m) of the trace's derivative is smallest relative
     * to r(m) for the probit loss at d = 3 (m = 1.07, found on a grid of step 0.01 in 30-digit arithmetic, where it is 0.437 r(m)): the search puts its smallest
     * margin there.
     */
    static final double PROBIT_HARDEST_MARGIN = 1.07;

    @Override
    public String id() {
        return "probit-trace-rises-under-margin-condition";
    }

    @Override
    public String claimId() {
        return "conj:probit-trace-monotone-margin";
    }

    @Override
    public String title() {
        return "search: probit, d >= 3, margin condition, data pushed towards the line of w: trace(H) does not fall";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        MarginLoss probit = MarginLoss.probit();
        PropertyReport<AdversarialCase> report = PropertyRunner.check(
                "probit: trace(H) does not fall under the margin condition, d >= 3",
                Problems.marginCondition().map(c -> LineOfW.towards(c, PROBIT_HARDEST_MARGIN)), (c, labels) -> {
                    if (c.data().dimension() < 3 || MarginCases.unusable(c, probit) != null) {
                        labels.label(PropertyEvidence.SKIPPED + " d < 3, w = 0, eps1 = eps2 or an extreme margin");
                        return null;
                    }
                    return MarginCases.traceFall(probit, LossOracle.SUITE, c);
                }, Problems.config(context, FallSearch.SEARCH_BUDGET));
        PropertyEvidence.search(evidence, context, report, Problems::paste);
        return report.holds() ? "No fall of the probit trace found in " + PropertyEvidence.cases(report, "cases") + "."
                : "Counterexample: " + report.violation();
    }
}
