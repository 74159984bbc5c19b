package org.advsharp.checks.losses;

import java.util.ArrayList;
import java.util.List;
import org.advsharp.check.Check;
import org.advsharp.oracle.MarginLoss;

/**
 * The checks of proofs/losses.md, one class per claim: the statements of the suite restated for a general
 * margin loss (logistic, exponential, probit). The Hessian and kappa at fixed w (prop:margin-loss-hessian,
 * prop:margin-loss-kappa-monotone), the fixed-weight spectrum statements (thm:margin-loss-compressed-monotone,
 * thm:exponential-trace-monotone, conj:probit-trace-monotone-margin, rem:probit-trace-falls-in-two-dimensions,
 * rem:margin-loss-full-top-not-monotone), the trained-weights statements (prop:margin-loss-critical-radius,
 * conj:margin-loss-kappa-at-optimum-monotone) and the scalar losses themselves (lem:margin-losses).
 */
public final class LossChecks {

    private LossChecks() {
    }

    public static List<Check> checks() {
        List<Check> checks = new ArrayList<>();
        for (MarginLoss loss : MarginLoss.all()) {
            checks.add(new MarginLossHessian.AgainstFiniteDifferences(loss));
            checks.add(new MarginLossHessian.AgainstAutodiff(loss));
        }
        for (MarginLoss loss : MarginLoss.all()) {
            checks.add(new MarginLossKappaMonotone(loss));
        }
        checks.add(new MarginLossCompressedMonotone(MarginLoss.logistic(), true));
        checks.add(new MarginLossCompressedMonotone(MarginLoss.exponential(), false));
        checks.add(new MarginLossCompressedMonotone(MarginLoss.probit(), false));
        checks.add(new ExponentialTraceMonotone());
        checks.add(new ProbitTraceMonotoneMargin());
        checks.add(new ProbitTraceFallsInTwoDimensions.OnTheInstance());
        checks.add(new ProbitTraceFallsInTwoDimensions.Search());
        checks.add(new MarginLossFullTopNotMonotone(MarginLoss.exponential()));
        checks.add(new MarginLossFullTopNotMonotone(MarginLoss.probit()));
        for (MarginLoss loss : MarginLoss.all()) {
            checks.add(new MarginLossCriticalRadius(loss));
        }
        for (MarginLoss loss : List.of(MarginLoss.exponential(), MarginLoss.probit())) {
            checks.add(new MarginLossKappaAtOptimumMonotone(loss));
        }
        for (MarginLoss loss : MarginLoss.all()) {
            checks.add(new MarginLosses(loss));
        }
        return List.copyOf(checks);
    }
}
