package org.advsharp.checks.instruments;

import java.util.Locale;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.checks.CheckTolerances;
import org.advsharp.data.Dataset;
import org.advsharp.numerics.Derivatives;
import org.advsharp.numerics.FiniteDifferences;
import org.advsharp.numerics.ForwardModeAdversarialLoss;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.oracle.Logistic;

/**
 * inst:derivatives: finite differences and forward-mode autodiff on a loss with hand-derived derivatives. One
 * sample x = 2, y = +1 in d = 1: for w > 0 the adversarial loss is softplus(-(2 - eps) w), whose derivatives are
 * written by hand here, independent of every oracle, and compared at three radii and four weights.
 */
final class DerivativesInstrument implements Check {

    @Override
    public String id() {
        return "derivative-instruments-on-known-functions";
    }

    @Override
    public String claimId() {
        return "inst:derivatives";
    }

    @Override
    public String title() {
        return "finite differences and forward-mode autodiff on a loss with hand-derived derivatives";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        Dataset one = Dataset.of(new double[][] {{2.0}}, new double[] {1.0});
        double worstFd = 0.0;
        double worstAd = 0.0;
        for (double eps : new double[] {0.0, 0.4, 1.5}) {
            for (double w : new double[] {0.1, 0.5, 2.0, 7.0}) {
                double c = 2.0 - eps;
                double value = Logistic.softplus(-c * w);
                double first = -c * Logistic.sigmoid(-c * w);
                double second = c * c * Logistic.curvature(c * w);
                AdversarialLoss loss = new AdversarialLoss(one, eps);
                double fdFirst = FiniteDifferences.gradient(loss::value, new double[] {w})[0];
                double fdSecond = FiniteDifferences.hessianFromValues(loss::value, new double[] {w}).get(0, 0);
                worstFd = Math.max(worstFd, Math.max(Math.abs(fdFirst - first) / Math.abs(first),
                        Math.abs(fdSecond - second) / Math.abs(second)));
                Derivatives ad = ForwardModeAdversarialLoss.evaluate(one, eps, new double[] {w});
                worstAd = Math.max(worstAd, Math.max(Math.abs(ad.value() - value) / value,
                        Math.max(Math.abs(ad.gradient()[0] - first) / Math.abs(first),
                                Math.abs(ad.hessian().get(0, 0) - second) / Math.abs(second))));
            }
        }
        evidence.measure(Measurement.atMost("max relative error of second differences on the 1-D loss", worstFd,
                CheckTolerances.FD_HESSIAN_FROM_VALUES));
        evidence.measure(Measurement.atMost("max relative error of forward-mode autodiff on the 1-D loss", worstAd,
                CheckTolerances.AUTODIFF_VS_CLOSED_FORM));
        return String.format(Locale.ROOT, "On a loss with hand-derived derivatives, finite differences erred by at "
                + "most %.1e and autodiff by %.1e (relative).", worstFd, worstAd);
    }
}
