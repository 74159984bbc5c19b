package org.advsharp.checks.losses;

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
import org.advsharp.numerics.Tolerances;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.HessianDecomposition;
import org.advsharp.oracle.MarginAdversarialLoss;
import org.advsharp.oracle.MarginLoss;
import org.advsharp.property.PropertyReport;
import org.advsharp.property.PropertyRunner;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * prop:margin-loss-hessian: the gradient and H = A + kappa P of a general margin loss, per loss, on
 * {@value #DERIVATIVE_TRIES} moderate problems: {@link AgainstFiniteDifferences} compares the closed-form
 * gradient and Hessian with central differences, {@link AgainstAutodiff} the closed-form value, gradient,
 * Hessian and compressed form Q^T H Q with forward-mode autodiff ({@link ForwardModeMarginLoss}).
 */
final class MarginLossHessian {
    static final String CLAIM_ID = "prop:margin-loss-hessian";
    private static final int DERIVATIVE_TRIES = 100;

    private MarginLossHessian() {
    }

    /** The closed forms against central differences, for one loss. */
    record AgainstFiniteDifferences(MarginLoss loss) implements Check {

        @Override
        public String id() {
            return "margin-loss-hessian-vs-finite-differences-" + loss.name();
        }

        @Override
        public String claimId() {
            return CLAIM_ID;
        }

        @Override
        public String title() {
            return loss.name() + " loss: gradient and H = A + kappa P agree with central differences";
        }

        @Override
        public String run(CheckContext context, Evidence evidence) {
            return againstFiniteDifferences(loss, LossOracle.SUITE, context, evidence);
        }
    }

    /** The closed forms against forward-mode autodiff, for one loss. */
    record AgainstAutodiff(MarginLoss loss) implements Check {

        @Override
        public String id() {
            return "margin-loss-hessian-vs-autodiff-" + loss.name();
        }

        @Override
        public String claimId() {
            return CLAIM_ID;
        }

        @Override
        public String title() {
            return loss.name() + " loss: value, gradient, H and the compressed form Q^T H Q agree with forward-mode autodiff";
        }

        @Override
        public String run(CheckContext context, Evidence evidence) {
            return againstAutodiff(loss, LossOracle.SUITE, context, evidence);
        }
    }

    /** The largest relative errors seen against central differences: of the gradient and of H. */
    private static final class FiniteDifferenceErrors {
        private double gradient;
        private double hessian;

        void see(double gradientError, double hessianError) {
            gradient = Math.max(gradient, gradientError);
            hessian = Math.max(hessian, hessianError);
        }
    }

    /** The largest relative errors seen against autodiff: of the value, gradient, H and Q^T H Q. */
    private static final class AutodiffErrors {
        private double value;
        private double gradient;
        private double hessian;
        private double compressed;

        void see(double valueError, double gradientError, double hessianError, double compressedError) {
            value = Math.max(value, valueError);
            gradient = Math.max(gradient, gradientError);
            hessian = Math.max(hessian, hessianError);
            compressed = Math.max(compressed, compressedError);
        }
    }

    /** The finite-difference check of {@code loss} on the oracles {@code oracles} make (the tests break them). */
    static String againstFiniteDifferences(MarginLoss loss, LossOracle.Factory oracles, CheckContext context,
                                           Evidence evidence) {
        FiniteDifferenceErrors worst = new FiniteDifferenceErrors();
        PropertyReport<AdversarialCase> report = PropertyRunner.check(
                loss.name() + ": closed-form gradient and Hessian match central differences", Problems.moderate(),
                (c, labels) -> finiteDifferenceViolation(loss, oracles, c, worst),
                Problems.config(context, DERIVATIVE_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, Problems::paste);
        evidence.measure(Measurement.atMost("max error of the gradient vs central differences, relative to max(||grad||, |L|)",
                worst.gradient, CheckTolerances.FD_GRADIENT));
        evidence.measure(Measurement.atMost("max error of H vs central differences of the gradient, relative to max(||H||, size of the gradient's summands)",
                worst.hessian, CheckTolerances.FD_HESSIAN_FROM_GRADIENT));
        return String.format(Locale.ROOT, "%s loss, %d random problems: largest relative errors against central "
                + "differences %.2e (gradient) and %.2e (Hessian).", loss.name(), report.tries(), worst.gradient,
                worst.hessian);
    }

    /** One case of the finite-difference comparison: a description of the failure, or null. */
    private static String finiteDifferenceViolation(MarginLoss loss, LossOracle.Factory oracles, AdversarialCase c,
                                                    FiniteDifferenceErrors worst) {
        LossOracle oracle = oracles.at(c.data(), loss, c.eps2());
        double[] w = c.w();
        double[] g = oracle.gradient(w);
        double gradientScale = Math.max(maxAbs(g), Math.abs(oracle.value(w)));
        double gradientError = maxAbs(minus(FiniteDifferences.gradient(oracle::value, w), g))
                / Math.max(gradientScale, Double.MIN_NORMAL);
        DMatrixRMaj h = oracle.hessian(w);
        double hessianScale = Math.max(CommonOps_DDRM.elementMaxAbs(h), gradientSummands(c, loss));
        DMatrixRMaj fd = FiniteDifferences.hessianFromGradient(oracle::gradient, w);
        double hessianError = maxAbs(minus(fd.getData(), h.getData())) / Math.max(hessianScale, Double.MIN_NORMAL);
        worst.see(gradientError, hessianError);
        if (gradientError > Tolerances.FD_GRADIENT) {
            return "gradient relative error " + gradientError;
        }
        return hessianError > Tolerances.FD_HESSIAN_FROM_GRADIENT ? "Hessian relative error " + hessianError : null;
    }

    /**
     * The size of what the gradient adds up, (1/N) sum_n (-l'(m_n)) max_j |x'_nj|: a central difference of
     * the gradient carries rounding of order u times it divided by the step, whatever the size of H.
     */
    private static double gradientSummands(AdversarialCase c, MarginLoss loss) {
        double[] w = c.w();
        double norm = Vectors.norm(w);
        double[] m = new MarginAdversarialLoss(c.data(), loss, c.eps2()).margins(w);
        double sum = 0.0;
        for (int n = 0; n < m.length; n++) {
            double largest = 0.0;
            for (int j = 0; j < w.length; j++) {
                largest = Math.max(largest, Math.abs(c.data().feature(n, j) - c.eps2() * c.data().label(n) * w[j] / norm));
            }
            sum += -loss.slope(m[n]) * largest;
        }
        return sum / m.length;
    }

    /** The autodiff check of {@code loss} on the oracles {@code oracles} make (the tests break them). */
    static String againstAutodiff(MarginLoss loss, LossOracle.Factory oracles, CheckContext context,
                                  Evidence evidence) {
        AutodiffErrors worst = new AutodiffErrors();
        PropertyReport<AdversarialCase> report = PropertyRunner.check(
                loss.name() + ": closed-form loss, gradient, Hessian and compressed form match forward-mode autodiff",
                Problems.moderate(), (c, labels) -> autodiffViolation(loss, oracles, c, worst),
                Problems.config(context, DERIVATIVE_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, Problems::paste);
        String[] names = {"loss", "gradient", "Hessian (relative to max(||H||, ||grad||/||w||))"};
        double[] errors = {worst.value, worst.gradient, worst.hessian};
        for (int k = 0; k < names.length; k++) {
            evidence.measure(Measurement.atMost("max relative error of the " + names[k] + " vs forward-mode autodiff",
                    errors[k], CheckTolerances.AUTODIFF_VS_CLOSED_FORM));
        }
        evidence.measure(Measurement.atMost("max relative error of the compressed closed form vs Q^T H Q (autodiff H)",
                worst.compressed, CheckTolerances.IDENTITY));
        return String.format(Locale.ROOT, "%s loss, %d random problems: the closed forms matched autodiff to %.2e "
                + "(loss), %.2e (gradient), %.2e (Hessian); Q^T H Q matched the compressed form to %.2e.", loss.name(),
                report.tries(), worst.value, worst.gradient, worst.hessian, worst.compressed);
    }

    /** One case of the autodiff comparison: a description of the failure, or null. */
    private static String autodiffViolation(MarginLoss loss, LossOracle.Factory oracles, AdversarialCase c,
                                            AutodiffErrors worst) {
        if (!(c.eps2() >= 0) || Vectors.norm(c.w()) == 0) {
            return null;
        }
        LossOracle oracle = oracles.at(c.data(), loss, c.eps2());
        double[] w = c.w();
        Derivatives ad = ForwardModeMarginLoss.evaluate(c.data(), loss, c.eps2(), w);
        double valueError = Math.abs(ad.value() - oracle.value(w)) / Math.max(Math.abs(ad.value()), Double.MIN_NORMAL);
        double gradientError = Tolerances.relativeError(oracle.gradient(w), ad.gradient());
        HessianDecomposition h = oracle.decomposition(w);
        DMatrixRMaj full = oracle.hessian(w);
        double absolute = maxAbs(minus(full.getData(), ad.hessian().getData()));
        double scale = Math.max(CommonOps_DDRM.elementMaxAbs(full), Vectors.norm(ad.gradient()) / Vectors.norm(w));
        double hessianError = absolute / Math.max(scale, Double.MIN_NORMAL);
        double compressedError = 0.0;
        if (w.length >= 2) {
            DMatrixRMaj q = h.complementBasis();
            DMatrixRMaj qtH = new DMatrixRMaj(q.numCols, w.length);
            CommonOps_DDRM.multTransA(q, ad.hessian(), qtH);
            DMatrixRMaj qtHq = new DMatrixRMaj(q.numCols, q.numCols);
            CommonOps_DDRM.mult(qtH, q, qtHq);
            compressedError = maxAbs(minus(h.compressed().getData(), qtHq.getData()))
                    / Math.max(scale, Double.MIN_NORMAL);
        }
        worst.see(valueError, gradientError, hessianError, compressedError);
        double tol = Tolerances.AUTODIFF_VS_CLOSED_FORM;
        if (valueError > tol || gradientError > tol || hessianError > tol || compressedError > Tolerances.IDENTITY) {
            return String.format(Locale.ROOT, "relative errors value %.2e, gradient %.2e, Hessian %.2e, compressed %.2e",
                    valueError, gradientError, hessianError, compressedError);
        }
        return null;
    }

    private static double maxAbs(double[] a) {
        double largest = 0.0;
        for (double v : a) {
            largest = Math.max(largest, Math.abs(v));
        }
        return largest;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }
}
