package org.advsharp.checks.losses;

import java.util.Locale;
import java.util.function.Consumer;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.checks.problems.AdversarialCase;
import org.advsharp.checks.problems.Problems;
import org.advsharp.checks.problems.PropertyEvidence;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.MarginLoss;
import org.advsharp.property.PropertyReport;
import org.advsharp.property.PropertyRunner;

/**
 * prop:margin-loss-kappa-monotone, one check per loss: on {@value #KAPPA_TRIES} problems of any regime,
 * kappa(0) = 0 and kappa rises strictly from eps1 to eps2 at fixed w (where -l'(m) underflows at eps2, only
 * "no fall" is observable and is what is checked).
 *
 * @param loss the loss checked
 */
record MarginLossKappaMonotone(MarginLoss loss) implements Check {
    private static final int KAPPA_TRIES = 300;

    @Override
    public String id() {
        return "margin-loss-kappa-rises-" + loss.name();
    }

    @Override
    public String claimId() {
        return "prop:margin-loss-kappa-monotone";
    }

    @Override
    public String title() {
        return loss.name() + " loss: kappa(0) = 0 and kappa(eps1) < kappa(eps2) for eps1 < eps2 at fixed w";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        return kappaRises(loss, LossOracle.SUITE, context, evidence);
    }

    /** The check of {@code loss} on the oracles {@code oracles} make (the tests break them). */
    static String kappaRises(MarginLoss loss, LossOracle.Factory oracles, CheckContext context, Evidence evidence) {
        PropertyReport<AdversarialCase> report = PropertyRunner.check(
                loss.name() + ": kappa rises strictly with eps at fixed w", Problems.anyRegime(),
                (c, labels) -> kappaViolation(loss, oracles, c, labels::label),
                Problems.config(context, KAPPA_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, Problems::paste);
        return loss.name() + " loss: kappa(0) = 0 and kappa rose strictly from eps1 to eps2 on "
                + PropertyEvidence.cases(report, "cases") + ".";
    }

    /** One case of prop:margin-loss-kappa-monotone: a description of the failure, or null. */
    private static String kappaViolation(MarginLoss loss, LossOracle.Factory oracles, AdversarialCase c,
                                         Consumer<String> label) {
        if (Vectors.norm(c.w()) == 0 || !(c.eps2() > c.eps1())) {
            label.accept(PropertyEvidence.SKIPPED + " w = 0 or eps1 = eps2");
            return null;
        }
        double zero = oracles.at(c.data(), loss, 0.0).decomposition(c.w()).kappa();
        double low = oracles.at(c.data(), loss, c.eps1()).decomposition(c.w()).kappa();
        double high = oracles.at(c.data(), loss, c.eps2()).decomposition(c.w()).kappa();
        if (!Double.isFinite(high)) {
            label.accept(PropertyEvidence.SKIPPED + " -l'(m) overflows (margins below -709 for the exponential loss)");
            return null;
        }
        if (zero != 0.0) {
            return "kappa(0) = " + zero + ", not 0";
        }
        if (MarginCases.pullUnderflows(loss, c.data(), c.w(), c.eps2())) {
            // -l'(m) underflowed (margins above about 745, or 38 for the probit loss): only "no fall" is observable.
            label.accept("kappa underflows at eps2");
            return high >= low ? null : "kappa fell from " + low + " to " + high;
        }
        return high > low ? null : String.format(Locale.ROOT, "kappa did not rise: %.17g at eps1 = %.6g, %.17g at eps2 = %.6g",
                low, c.eps1(), high, c.eps2());
    }
}
