package org.advsharp.checks.attack;

import java.util.Locale;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.checks.CheckTolerances;
import org.advsharp.checks.problems.AdversarialCase;
import org.advsharp.checks.problems.Problems;
import org.advsharp.checks.problems.PropertyEvidence;
import org.advsharp.numerics.Derivatives;
import org.advsharp.numerics.ForwardModeAdversarialLoss;
import org.advsharp.numerics.Tolerances;
import org.advsharp.oracle.LinfAdversarialLoss;
import org.advsharp.property.PropertyReport;
import org.advsharp.property.PropertyRunner;

/**
 * prop:linf-no-direction-term: the L-infinity loss's closed-form Hessian, which is its fixed-input part alone,
 * and its gradient match forward-mode automatic differentiation (Commons Math DerivativeStructure) on random
 * problems: the L-infinity attack adds no direction term.
 */
final class LinfNoDirectionTerm implements Check {
    private static final int DEFAULT_TRIES = 200;

    @Override
    public String id() {
        return "linf-hessian-vs-autodiff";
    }

    @Override
    public String claimId() {
        return "prop:linf-no-direction-term";
    }

    @Override
    public String title() {
        return "the Linf loss's Hessian equals its fixed-input part and matches autodiff";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        Worst worst = new Worst();
        PropertyReport<AdversarialCase> report = PropertyRunner.check(
                "Linf Hessian (fixed-input part only) matches forward-mode autodiff",
                Problems.moderate(), (c, labels) -> trial(c, worst), Problems.config(context, DEFAULT_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, Problems::paste);
        evidence.measure(Measurement.atMost("max relative error of the Linf gradient and Hessian vs autodiff",
                worst.relativeError, CheckTolerances.AUTODIFF_VS_CLOSED_FORM));
        return String.format(Locale.ROOT, "On %d random problems the Linf Hessian, which has no "
                + "direction term, matched autodiff to %.2e.", report.tries(), worst.relativeError);
    }

    /** One problem: the larger relative error of the gradient and the Hessian against autodiff. */
    private static String trial(AdversarialCase c, Worst worst) {
        LinfAdversarialLoss loss = new LinfAdversarialLoss(c.data(), c.eps2());
        Derivatives ad = ForwardModeAdversarialLoss.evaluateLinf(c.data(), c.eps2(), c.w());
        double error = Math.max(Tolerances.relativeError(loss.hessian(c.w()), ad.hessian()),
                Tolerances.relativeError(loss.gradient(c.w()), ad.gradient()));
        worst.relativeError = Math.max(worst.relativeError, error);
        return error > Tolerances.AUTODIFF_VS_CLOSED_FORM ? "relative error " + error : null;
    }

    /** The largest value over the run's problems. */
    private static final class Worst {
        private double relativeError;
    }
}
