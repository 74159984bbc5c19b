package org.advsharp.checks.losses;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.FunctionalCheck;
import org.advsharp.check.Measurement;
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
 * Checks of prop:margin-loss-hessian (gradient and H = A + kappa P for a general margin loss, against
 * central differences and forward-mode autodiff, per loss) and prop:margin-loss-kappa-monotone (kappa strictly increasing in eps at fixed w, per loss).
 */
public final class MarginHessianChecks {
    private static final int DERIVATIVE_TRIES = 100;
    private static final int KAPPA_TRIES = 300;

    private MarginHessianChecks() {
    }

    public static List<Check> checks() {
        List<Check> checks = new ArrayList<>();
        for (MarginLoss loss : MarginLoss.all()) {
            String name = loss.name();
            checks.add(new FunctionalCheck("margin-loss-hessian-vs-finite-differences-" + name, "prop:margin-loss-hessian",
                    name + " loss: gradient and H = A + kappa P agree with central differences",
                    (context, evidence) -> againstFiniteDifferences(loss, LossOracle.SUITE, context, evidence)));
            checks.add(new FunctionalCheck("margin-loss-hessian-vs-autodiff-" + name, "prop:margin-loss-hessian",
                    name + " loss: value, gradient, H and the compressed form Q^T H Q agree with forward-mode autodiff",
                    (context, evidence) -> againstAutodiff(loss, LossOracle.SUITE, context, evidence)));
        }
        for (MarginLoss loss : MarginLoss.all()) {
            checks.add(new FunctionalCheck("margin-loss-kappa-rises-" + loss.name(), "prop:margin-loss-kappa-monotone",
                    loss.name() + " loss: kappa(0) = 0 and kappa(eps1) < kappa(eps2) for eps1 < eps2 at fixed w",
                    (context, evidence) -> kappaRises(loss, LossOracle.SUITE, context, evidence)));
        }
        return checks;
    }

    static String againstFiniteDifferences(MarginLoss loss, LossOracle.Factory oracles, CheckContext context,
                                           Evidence evidence) {
        double[] worst = new double[2];
        String id = "margin-loss-hessian-vs-finite-differences-" + loss.name();
        PropertyReport<AdversarialCase> report = PropertyRunner.check(
                loss.name() + ": closed-form gradient and Hessian match central differences", Problems.moderate(),
                (c, labels) -> finiteDifferenceViolation(loss, oracles, c, worst),
                Problems.config(context, DERIVATIVE_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, Problems::paste);
        evidence.measure(Measurement.atMost("max error of the gradient vs central differences, relative to max(||grad||, |L|)",
                worst[0], Tolerances.FD_GRADIENT, "Tolerances.FD_GRADIENT"));
        evidence.measure(Measurement.atMost("max error of H vs central differences of the gradient, relative to max(||H||, size of the gradient's summands)",
                worst[1], Tolerances.FD_HESSIAN_FROM_GRADIENT, "Tolerances.FD_HESSIAN_FROM_GRADIENT"));
        return String.format(Locale.ROOT, "%s loss, %d random problems: largest relative errors against central "
                + "differences %.2e (gradient) and %.2e (Hessian).", loss.name(), report.tries(), worst[0], worst[1]);
    }

    /** One case of the finite-difference comparison: a description of the failure, or null. */
    static String finiteDifferenceViolation(MarginLoss loss, LossOracle.Factory oracles, AdversarialCase c,
                                            double[] worst) {
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
        worst[0] = Math.max(worst[0], gradientError);
        worst[1] = Math.max(worst[1], hessianError);
        if (gradientError > Tolerances.FD_GRADIENT) {
            return "gradient relative error " + gradientError;
        }
        return hessianError > Tolerances.FD_HESSIAN_FROM_GRADIENT ? "Hessian relative error " + hessianError : null;
    }

    /**
     * The size of what the gradient adds up, (1/N) sum_n (-l'(m_n)) max_j |x'_nj|: a central difference of
     * the gradient carries rounding of order u times it divided by the step, whatever the size of H.
     */
    static double gradientSummands(AdversarialCase c, MarginLoss loss) {
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

    static String againstAutodiff(MarginLoss loss, LossOracle.Factory oracles, CheckContext context,
                                  Evidence evidence) {
        double[] worst = new double[4];
        String id = "margin-loss-hessian-vs-autodiff-" + loss.name();
        PropertyReport<AdversarialCase> report = PropertyRunner.check(
                loss.name() + ": closed-form loss, gradient, Hessian and compressed form match forward-mode autodiff",
                Problems.moderate(), (c, labels) -> autodiffViolation(loss, oracles, c, worst),
                Problems.config(context, DERIVATIVE_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, Problems::paste);
        String[] names = {"loss", "gradient", "Hessian (relative to max(||H||, ||grad||/||w||))"};
        for (int k = 0; k < 3; k++) {
            evidence.measure(Measurement.atMost("max relative error of the " + names[k] + " vs forward-mode autodiff",
                    worst[k], Tolerances.AUTODIFF_VS_CLOSED_FORM, "Tolerances.AUTODIFF_VS_CLOSED_FORM"));
        }
        evidence.measure(Measurement.atMost("max relative error of the compressed closed form vs Q^T H Q (autodiff H)",
                worst[3], Tolerances.IDENTITY, "Tolerances.IDENTITY"));
        return String.format(Locale.ROOT, "%s loss, %d random problems: the closed forms matched autodiff to %.2e "
                + "(loss), %.2e (gradient), %.2e (Hessian); Q^T H Q matched the compressed form to %.2e.", loss.name(),
                report.tries(), worst[0], worst[1], worst[2], worst[3]);
    }

    /** One case of the autodiff comparison: a description of the failure, or null. */
    static String autodiffViolation(MarginLoss loss, LossOracle.Factory oracles, AdversarialCase c, double[] worst) {
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
        worst[0] = Math.max(worst[0], valueError);
        worst[1] = Math.max(worst[1], gradientError);
        worst[2] = Math.max(worst[2], hessianError);
        worst[3] = Math.max(worst[3], compressedError);
        double tol = Tolerances.AUTODIFF_VS_CLOSED_FORM;
        if (valueError > tol || gradientError > tol || hessianError > tol || compressedError > Tolerances.IDENTITY) {
            return String.format(Locale.ROOT, "relative errors value %.2e, gradient %.2e, Hessian %.2e, compressed %.2e",
                    valueError, gradientError, hessianError, compressedError);
        }
        return null;
    }

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
    static String kappaViolation(MarginLoss loss, LossOracle.Factory oracles, AdversarialCase c,
                                 java.util.function.Consumer<String> label) {
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
        if (pullUnderflows(loss, c.data(), c.w(), c.eps2())) {
            // -l'(m) underflowed (margins above about 745, or 38 for the probit loss): only "no fall" is observable.
            label.accept("kappa underflows at eps2");
            return high >= low ? null : "kappa fell from " + low + " to " + high;
        }
        return high > low ? null : String.format(Locale.ROOT, "kappa did not rise: %.17g at eps1 = %.6g, %.17g at eps2 = %.6g",
                low, c.eps1(), high, c.eps2());
    }

    /**
     * Whether -l'(m_n) is below the smallest normal double for every margin at this radius, computed from the
     * margins alone (not from the oracle's kappa, so that an oracle returning kappa = 0 is not excused).
     */
    static boolean pullUnderflows(MarginLoss loss, org.advsharp.data.Dataset data, double[] w, double eps) {
        for (double m : new MarginAdversarialLoss(data, loss, eps).margins(w)) {
            if (-loss.slope(m) >= Double.MIN_NORMAL) {
                return false;
            }
        }
        return true;
    }

    static double maxAbs(double[] a) {
        double largest = 0.0;
        for (double v : a) {
            largest = Math.max(largest, Math.abs(v));
        }
        return largest;
    }

    static double[] minus(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }
}
