package org.advsharp.checks.losses;

import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.checks.problems.AdversarialCase;
import org.advsharp.checks.problems.Problems;
import org.advsharp.checks.problems.PropertyEvidence;
import org.advsharp.oracle.MarginLoss;
import org.advsharp.property.PropertyReport;
import org.advsharp.property.PropertyRunner;

/**
 * thm:exponential-trace-monotone: for the exponential loss, d &gt;= 2 and any margins, trace(H) rises
 * strictly from eps1 to eps2 at fixed w; checked on {@value #THEOREM_TRIES} problems of any regime (a
 * change within rounding, Tolerances.MONOTONICITY_FALL, shows no direction and passes).
 */
final class ExponentialTraceMonotone implements Check {
    private static final int THEOREM_TRIES = 300;

    @Override
    public String id() {
        return "exponential-trace-rises-any-margins";
    }

    @Override
    public String claimId() {
        return "thm:exponential-trace-monotone";
    }

    @Override
    public String title() {
        return "exponential, d >= 2: trace(H) rises strictly from eps1 to eps2, any margins";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        return traceRises(MarginLoss.exponential(), LossOracle.SUITE, context, evidence);
    }

    /** The check run on {@code loss} (the tests run it on the logistic loss, whose trace can fall). */
    static String traceRises(MarginLoss loss, LossOracle.Factory oracles, CheckContext context, Evidence evidence) {
        PropertyReport<AdversarialCase> report = PropertyRunner.check(
                loss.name() + ": trace(H) rises strictly with eps, d >= 2, any margins", Problems.anyRegime(),
                (c, labels) -> {
                    String skip = MarginCases.unusable(c, loss);
                    if (skip != null) {
                        labels.label(skip);
                        return null;
                    }
                    return MarginCases.traceFall(loss, oracles, c);
                }, Problems.config(context, THEOREM_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, Problems::paste);
        return loss.name() + " loss: trace(H) rose strictly from eps1 to eps2 on " + PropertyEvidence.cases(report, "cases")
                + " (a change within rounding, Tolerances.MONOTONICITY_FALL, shows no direction and passes).";
    }
}
