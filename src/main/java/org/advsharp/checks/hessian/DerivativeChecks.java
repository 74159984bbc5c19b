package org.advsharp.checks.hessian;

import java.util.List;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.FunctionalCheck;
import org.advsharp.check.Measurement;
import org.advsharp.checks.CheckTolerances;
import org.advsharp.checks.problems.AdversarialCase;
import org.advsharp.checks.problems.Problems;
import org.advsharp.checks.problems.PropertyEvidence;
import org.advsharp.numerics.Derivatives;
import org.advsharp.numerics.FiniteDifferences;
import org.advsharp.numerics.ForwardModeAdversarialLoss;
import org.advsharp.numerics.Tolerances;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.oracle.HessianDecomposition;
import org.advsharp.oracle.LinfAdversarialLoss;
import org.advsharp.property.PropertyReport;
import org.advsharp.property.PropertyRunner;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Checks of prop:hessian and prop:linf-no-direction-term: the closed-form loss, gradient and Hessian
 * against two independent derivative oracles, central finite differences and forward-mode automatic
 * differentiation (Commons Math DerivativeStructure), on random problems.
 */
public final class DerivativeChecks {
    private static final int DEFAULT_TRIES = 200;

    private DerivativeChecks() {
    }

    public static List<Check> checks() {
        return List.of(
                new FunctionalCheck("hessian-vs-finite-differences", "prop:hessian",
                        "gradient and Hessian of L_eps agree with central finite differences",
                        DerivativeChecks::againstFiniteDifferences),
                new FunctionalCheck("hessian-vs-forward-autodiff", "prop:hessian",
                        "loss, gradient and Hessian of L_eps agree with forward-mode autodiff",
                        DerivativeChecks::againstAutodiff),
                new FunctionalCheck("linf-hessian-vs-autodiff", "prop:linf-no-direction-term",
                        "the Linf loss's Hessian equals its fixed-input part and matches autodiff",
                        DerivativeChecks::linfAgainstAutodiff));
    }

    private static String againstFiniteDifferences(CheckContext context, Evidence evidence) {
        double[] worst = new double[2];
        PropertyReport<AdversarialCase> report = PropertyRunner.check(
                "closed-form gradient and Hessian match central differences",
                Problems.moderate(), (c, labels) -> {
                    AdversarialLoss loss = new AdversarialLoss(c.data(), c.eps2());
                    double[] g = loss.gradient(c.w());
                    double gradientScale = Math.max(FiniteDifferenceScales.maxAbs(g), Math.abs(loss.value(c.w())));
                    double gradientError = FiniteDifferenceScales.error(
                            FiniteDifferences.gradient(loss::value, c.w()), g, gradientScale);
                    DMatrixRMaj h = loss.hessian(c.w()).full();
                    double hessianScale = Math.max(CommonOps_DDRM.elementMaxAbs(h),
                            FiniteDifferenceScales.gradientSummands(loss, c.w()));
                    double hessianError = FiniteDifferenceScales.error(
                            FiniteDifferences.hessianFromGradient(loss::gradient, c.w()), h, hessianScale);
                    worst[0] = Math.max(worst[0], gradientError);
                    worst[1] = Math.max(worst[1], hessianError);
                    labels.label(Problems.describeSize(c));
                    if (gradientError > Tolerances.FD_GRADIENT) {
                        return "gradient relative error " + gradientError;
                    }
                    return hessianError > Tolerances.FD_HESSIAN_FROM_GRADIENT
                            ? "Hessian relative error " + hessianError : null;
                }, Problems.config(context, DEFAULT_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, Problems::paste);
        evidence.measure(Measurement.atMost("max error of the gradient vs central differences, relative to max(||grad||, |L|)",
                worst[0], CheckTolerances.FD_GRADIENT));
        evidence.measure(Measurement.atMost("max error of H vs central differences of the gradient, relative to max(||H||, size of the gradient's summands)",
                worst[1], CheckTolerances.FD_HESSIAN_FROM_GRADIENT));
        return String.format(java.util.Locale.ROOT,
                "On %d random problems the largest relative errors against central differences were %.2e "
                        + "(gradient) and %.2e (Hessian).", report.tries(), worst[0], worst[1]);
    }

    private static String againstAutodiff(CheckContext context, Evidence evidence) {
        double[] worst = new double[3];
        PropertyReport<AdversarialCase> report = PropertyRunner.check(
                "closed-form loss, gradient and Hessian match forward-mode autodiff",
                Problems.anyRegime(), (c, labels) -> {
                    AdversarialLoss loss = new AdversarialLoss(c.data(), c.eps2());
                    Derivatives ad =
                            ForwardModeAdversarialLoss.evaluate(c.data(), c.eps2(), c.w());
                    double valueError = Math.abs(ad.value() - loss.value(c.w()))
                            / Math.max(Math.abs(ad.value()), Double.MIN_NORMAL);
                    double gradientError = Tolerances.relativeError(loss.gradient(c.w()), ad.gradient());
                    HessianDecomposition h = loss.hessian(c.w());
                    double hessianError = hessianError(h.full(), ad.hessian(), ad.gradient(), c.w());
                    worst[0] = Math.max(worst[0], valueError);
                    worst[1] = Math.max(worst[1], gradientError);
                    worst[2] = Math.max(worst[2], hessianError);
                    for (String regime : Problems.regimes(c)) {
                        labels.label(regime);
                    }
                    double tol = Tolerances.AUTODIFF_VS_CLOSED_FORM;
                    if (valueError > tol || gradientError > tol || hessianError > tol) {
                        return String.format(java.util.Locale.ROOT,
                                "relative errors value %.2e, gradient %.2e, Hessian %.2e", valueError,
                                gradientError, hessianError);
                    }
                    return null;
                }, Problems.config(context, DEFAULT_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, Problems::paste);
        String[] names = {"loss", "gradient", "Hessian"};
        for (int k = 0; k < 3; k++) {
            evidence.measure(Measurement.atMost("max relative error of the " + names[k] + " vs forward-mode autodiff" + (k == 2 ? " (relative to max(||H||, ||grad||/||w||))" : ""),
                    worst[k], CheckTolerances.AUTODIFF_VS_CLOSED_FORM));
        }
        return String.format(java.util.Locale.ROOT,
                "On %d random problems (all regimes, tiny and huge ||w|| included) the closed forms matched "
                        + "autodiff to %.2e (loss), %.2e (gradient), %.2e (Hessian).",
                report.tries(), worst[0], worst[1], worst[2]);
    }

    /**
     * Error of the Hessian relative to max(||H||_max, ||grad||_2 / ||w||). The second term is the size of
     * the curvature of eps ||w||, whose parts cancel exactly along w (the 1-D Hessian of eps |w| is 0):
     * autodiff forms them separately, so its rounding scales with them even when H itself is tiny (for
     * example all margins at -50, where s(m) = 2e-22 while eps sigma(-m) / ||w|| = 5e-5).
     */
    static double hessianError(DMatrixRMaj closedForm, DMatrixRMaj autodiff, double[] gradient, double[] w) {
        double absolute = Tolerances.relativeError(closedForm, autodiff)
                * Math.max(Double.MIN_NORMAL, CommonOps_DDRM.elementMaxAbs(autodiff));
        double scale = Math.max(CommonOps_DDRM.elementMaxAbs(closedForm),
                Vectors.norm(gradient) / Vectors.norm(w));
        return absolute / Math.max(Double.MIN_NORMAL, scale);
    }

    private static String linfAgainstAutodiff(CheckContext context, Evidence evidence) {
        double[] worst = new double[1];
        PropertyReport<AdversarialCase> report = PropertyRunner.check(
                "Linf Hessian (fixed-input part only) matches forward-mode autodiff",
                Problems.moderate(), (c, labels) -> {
                    LinfAdversarialLoss loss = new LinfAdversarialLoss(c.data(), c.eps2());
                    Derivatives ad =
                            ForwardModeAdversarialLoss.evaluateLinf(c.data(), c.eps2(), c.w());
                    double error = Math.max(Tolerances.relativeError(loss.hessian(c.w()), ad.hessian()),
                            Tolerances.relativeError(loss.gradient(c.w()), ad.gradient()));
                    worst[0] = Math.max(worst[0], error);
                    return error > Tolerances.AUTODIFF_VS_CLOSED_FORM ? "relative error " + error : null;
                }, Problems.config(context, DEFAULT_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, Problems::paste);
        evidence.measure(Measurement.atMost("max relative error of the Linf gradient and Hessian vs autodiff",
                worst[0], CheckTolerances.AUTODIFF_VS_CLOSED_FORM));
        return String.format(java.util.Locale.ROOT, "On %d random problems the Linf Hessian, which has no "
                + "direction term, matched autodiff to %.2e.", report.tries(), worst[0]);
    }
}
