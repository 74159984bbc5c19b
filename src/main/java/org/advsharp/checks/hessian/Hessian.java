package org.advsharp.checks.hessian;

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
import org.advsharp.numerics.FiniteDifferences;
import org.advsharp.numerics.ForwardModeAdversarialLoss;
import org.advsharp.numerics.Tolerances;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.oracle.HessianDecomposition;
import org.advsharp.property.Labels;
import org.advsharp.property.PropertyReport;
import org.advsharp.property.PropertyRunner;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * prop:hessian: the closed-form loss, gradient and Hessian of L_eps against two independent derivative oracles
 * on random problems, in two checks: {@link AgainstFiniteDifferences} (central differences of the loss and of
 * its gradient) and {@link AgainstAutodiff} (forward-mode automatic differentiation, Commons Math
 * DerivativeStructure, in every regime).
 */
final class Hessian {
    private static final String CLAIM_ID = "prop:hessian";
    private static final int DEFAULT_TRIES = 200;

    private Hessian() {
    }

    /** The gradient and the Hessian against central finite differences. */
    static final class AgainstFiniteDifferences implements Check {

        @Override
        public String id() {
            return "hessian-vs-finite-differences";
        }

        @Override
        public String claimId() {
            return CLAIM_ID;
        }

        @Override
        public String title() {
            return "gradient and Hessian of L_eps agree with central finite differences";
        }

        @Override
        public String run(CheckContext context, Evidence evidence) {
            Worst worst = new Worst();
            PropertyReport<AdversarialCase> report = PropertyRunner.check(
                    "closed-form gradient and Hessian match central differences",
                    Problems.moderate(), (c, labels) -> trial(c, labels, worst),
                    Problems.config(context, DEFAULT_TRIES));
            PropertyEvidence.mustHold(evidence, context, report, Problems::paste);
            evidence.measure(Measurement.atMost(
                    "max error of the gradient vs central differences, relative to max(||grad||, |L|)",
                    worst.gradient, CheckTolerances.FD_GRADIENT));
            evidence.measure(Measurement.atMost("max error of H vs central differences of the gradient, relative to "
                            + "max(||H||, size of the gradient's summands)",
                    worst.hessian, CheckTolerances.FD_HESSIAN_FROM_GRADIENT));
            return String.format(Locale.ROOT,
                    "On %d random problems the largest relative errors against central differences were %.2e "
                            + "(gradient) and %.2e (Hessian).", report.tries(), worst.gradient, worst.hessian);
        }

        /** One problem: the gradient, then the Hessian, against central differences; the failure, or null. */
        private static String trial(AdversarialCase c, Labels labels, Worst worst) {
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
            worst.gradient = Math.max(worst.gradient, gradientError);
            worst.hessian = Math.max(worst.hessian, hessianError);
            labels.label(Problems.describeSize(c));
            if (gradientError > Tolerances.FD_GRADIENT) {
                return "gradient relative error " + gradientError;
            }
            return hessianError > Tolerances.FD_HESSIAN_FROM_GRADIENT ? "Hessian relative error " + hessianError : null;
        }
    }

    /** The loss, the gradient and the Hessian against forward-mode autodiff. */
    static final class AgainstAutodiff implements Check {

        @Override
        public String id() {
            return "hessian-vs-forward-autodiff";
        }

        @Override
        public String claimId() {
            return CLAIM_ID;
        }

        @Override
        public String title() {
            return "loss, gradient and Hessian of L_eps agree with forward-mode autodiff";
        }

        @Override
        public String run(CheckContext context, Evidence evidence) {
            Worst worst = new Worst();
            PropertyReport<AdversarialCase> report = PropertyRunner.check(
                    "closed-form loss, gradient and Hessian match forward-mode autodiff",
                    Problems.anyRegime(), (c, labels) -> trial(c, labels, worst),
                    Problems.config(context, DEFAULT_TRIES));
            PropertyEvidence.mustHold(evidence, context, report, Problems::paste);
            evidence.measure(Measurement.atMost("max relative error of the loss vs forward-mode autodiff",
                    worst.value, CheckTolerances.AUTODIFF_VS_CLOSED_FORM));
            evidence.measure(Measurement.atMost("max relative error of the gradient vs forward-mode autodiff",
                    worst.gradient, CheckTolerances.AUTODIFF_VS_CLOSED_FORM));
            evidence.measure(Measurement.atMost("max relative error of the Hessian vs forward-mode autodiff"
                    + " (relative to max(||H||, ||grad||/||w||))", worst.hessian,
                    CheckTolerances.AUTODIFF_VS_CLOSED_FORM));
            return String.format(Locale.ROOT,
                    "On %d random problems (all regimes, tiny and huge ||w|| included) the closed forms matched "
                            + "autodiff to %.2e (loss), %.2e (gradient), %.2e (Hessian).",
                    report.tries(), worst.value, worst.gradient, worst.hessian);
        }

        /** One problem: loss, gradient and Hessian against autodiff; the failure, or null. */
        private static String trial(AdversarialCase c, Labels labels, Worst worst) {
            AdversarialLoss loss = new AdversarialLoss(c.data(), c.eps2());
            Derivatives ad = ForwardModeAdversarialLoss.evaluate(c.data(), c.eps2(), c.w());
            double valueError = Math.abs(ad.value() - loss.value(c.w()))
                    / Math.max(Math.abs(ad.value()), Double.MIN_NORMAL);
            double gradientError = Tolerances.relativeError(loss.gradient(c.w()), ad.gradient());
            HessianDecomposition h = loss.hessian(c.w());
            double hessianError = hessianError(h.full(), ad.hessian(), ad.gradient(), c.w());
            worst.value = Math.max(worst.value, valueError);
            worst.gradient = Math.max(worst.gradient, gradientError);
            worst.hessian = Math.max(worst.hessian, hessianError);
            for (String regime : Problems.regimes(c)) {
                labels.label(regime);
            }
            double tol = Tolerances.AUTODIFF_VS_CLOSED_FORM;
            if (valueError > tol || gradientError > tol || hessianError > tol) {
                return String.format(Locale.ROOT, "relative errors value %.2e, gradient %.2e, Hessian %.2e",
                        valueError, gradientError, hessianError);
            }
            return null;
        }
    }

    /**
     * Error of the Hessian relative to max(||H||_max, ||grad||_2 / ||w||). The second term is the size of
     * the curvature of eps ||w||, whose parts cancel exactly along w (the 1-D Hessian of eps |w| is 0):
     * autodiff forms them separately, so its rounding scales with them even when H itself is tiny (for
     * example all margins at -50, where s(m) = 2e-22 while eps sigma(-m) / ||w|| = 5e-5).
     */
    private static double hessianError(DMatrixRMaj closedForm, DMatrixRMaj autodiff, double[] gradient, double[] w) {
        double absolute = Tolerances.relativeError(closedForm, autodiff)
                * Math.max(Double.MIN_NORMAL, CommonOps_DDRM.elementMaxAbs(autodiff));
        double scale = Math.max(CommonOps_DDRM.elementMaxAbs(closedForm),
                Vectors.norm(gradient) / Vectors.norm(w));
        return absolute / Math.max(Double.MIN_NORMAL, scale);
    }

    /** The largest relative errors over a run's problems (the loss's only in {@link AgainstAutodiff}). */
    private static final class Worst {
        private double value;
        private double gradient;
        private double hessian;
    }
}
