package org.advsharp.checks.losses;

import java.util.Locale;
import java.util.function.Consumer;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.checks.problems.AdversarialCase;
import org.advsharp.checks.problems.CompressedRise;
import org.advsharp.checks.problems.Problems;
import org.advsharp.checks.problems.PropertyEvidence;
import org.advsharp.numerics.SymmetricEigenSolvers;
import org.advsharp.oracle.HessianDecomposition;
import org.advsharp.oracle.MarginLoss;
import org.advsharp.property.Gen;
import org.advsharp.property.PropertyReport;
import org.advsharp.property.PropertyRunner;

/**
 * thm:margin-loss-compressed-monotone, the fixed-weight statement of proofs/spectrum.md restated per loss:
 * every eigenvalue of Q^T H Q rises from eps1 to eps2 by at least kappa(eps2) - kappa(eps1) &gt; 0, on
 * {@value #THEOREM_TRIES} problems; the logistic loss under the margin condition at eps2, the exponential
 * and probit losses on any margins.
 *
 * @param loss            the loss checked
 * @param marginCondition whether the problems are generated to meet the margin condition at eps2
 */
record MarginLossCompressedMonotone(MarginLoss loss, boolean marginCondition) implements Check {
    private static final int THEOREM_TRIES = 300;

    @Override
    public String id() {
        return "margin-loss-compressed-rises-" + loss.name() + (marginCondition ? "-margin-condition" : "-any-margins");
    }

    @Override
    public String claimId() {
        return "thm:margin-loss-compressed-monotone";
    }

    @Override
    public String title() {
        return loss.name() + ": every eigenvalue of Q^T H Q rises by at least the rise of kappa"
                + (marginCondition ? " under the margin condition" : ", any margins");
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        return compressedRises(loss, LossOracle.SUITE, marginCondition, context, evidence);
    }

    /** The check of {@code loss} on the oracles {@code oracles} make (the tests break them or the loss). */
    static String compressedRises(MarginLoss loss, LossOracle.Factory oracles, boolean marginCondition,
                                  CheckContext context, Evidence evidence) {
        Gen<AdversarialCase> cases = marginCondition ? Problems.marginCondition() : Problems.anyRegime();
        PropertyReport<AdversarialCase> report = PropertyRunner.check(
                loss.name() + ": compressed eigenvalues rise by at least the rise of kappa", cases,
                (c, labels) -> compressedViolation(loss, oracles, c, labels::label),
                Problems.config(context, THEOREM_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, Problems::paste);
        return String.format(Locale.ROOT, "%s loss, %s: every compressed eigenvalue rose by at least the rise of "
                + "kappa on %s.", loss.name(), marginCondition ? "margin condition at eps2" : "any margins",
                PropertyEvidence.cases(report, "cases"));
    }

    /** One case of thm:margin-loss-compressed-monotone: mu_k(eps2) - mu_k(eps1) >= kappa(eps2) - kappa(eps1) > 0. */
    private static String compressedViolation(MarginLoss loss, LossOracle.Factory oracles, AdversarialCase c,
                                              Consumer<String> label) {
        String skip = MarginCases.unusable(c, loss);
        if (skip != null) {
            label.accept(skip);
            return null;
        }
        HessianDecomposition low = oracles.at(c.data(), loss, c.eps1()).decomposition(c.w());
        HessianDecomposition high = oracles.at(c.data(), loss, c.eps2()).decomposition(c.w());
        CompressedRise rise = CompressedRise.of(low, high, SymmetricEigenSolvers.standard());
        double[] a = rise.low();
        double[] b = rise.high();
        double kappaRise = rise.kappaRise();
        double slack = rise.slack();
        if (MarginCases.pullUnderflows(loss, c.data(), c.w(), c.eps2())) {
            label.accept("kappa underflows at eps2 (only 'no fall' observable)");
        } else if (!(kappaRise > 0)) {
            return "kappa did not rise: " + low.kappa() + " -> " + high.kappa();
        }
        for (int i = 0; i < a.length; i++) {
            if (b[i] - a[i] - Math.max(kappaRise, 0) + slack < 0) {
                return String.format(Locale.ROOT, "compressed eigenvalue %d rose by %.6e < rise of kappa %.6e", i,
                        b[i] - a[i], kappaRise);
            }
        }
        return null;
    }
}
