package org.advsharp.checks.hessian;

import java.util.Locale;
import java.util.SplittableRandom;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.checks.CheckTolerances;
import org.advsharp.checks.problems.AdversarialCase;
import org.advsharp.checks.problems.Problems;
import org.advsharp.checks.problems.PropertyEvidence;
import org.advsharp.checks.problems.SeededCase;
import org.advsharp.data.Dataset;
import org.advsharp.numerics.FiniteDifferences;
import org.advsharp.numerics.Tolerances;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.oracle.Logistic;
import org.advsharp.oracle.RandomNoiseLoss;
import org.advsharp.property.PropertyReport;
import org.advsharp.property.PropertyRunner;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * prop:random-noise: noise that does not depend on w adds no direction term. With noise of norm eps drawn per
 * sample and held fixed, the Hessian of the noisy loss (1/N) sum s z z^T equals the clean Hessian at the noisy
 * inputs, checked against differences of an independent, literal gradient of the noisy loss.
 */
final class RandomNoise implements Check {
    private static final int DEFAULT_TRIES = 200;

    @Override
    public String id() {
        return "random-noise-has-no-direction-term";
    }

    @Override
    public String claimId() {
        return "prop:random-noise";
    }

    @Override
    public String title() {
        return "the Hessian under fixed random noise equals the clean Hessian at the noisy inputs";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        Worst worst = new Worst();
        PropertyReport<SeededCase> report = PropertyRunner.check(
                "fixed noise: Hessian = clean Hessian at the noisy inputs", SeededCase.of(Problems.moderate()),
                (sc, labels) -> trial(sc, worst), Problems.config(context, DEFAULT_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, SeededCase::pasteable);
        evidence.measure(Measurement.atMost("max error of (1/N) sum s z z^T vs differences of the gradient, "
                        + "relative to max(||H||, size of the gradient's summands)",
                worst.relativeError, CheckTolerances.FD_HESSIAN_FROM_GRADIENT));
        return String.format(Locale.ROOT, "With noise of norm eps held fixed, differences of the noisy loss's gradient "
                + "matched the clean Hessian at the noisy inputs to %.1e on %d problems: no direction term.",
                worst.relativeError, report.tries());
    }

    /** One problem: noise drawn and held fixed, the closed-form Hessian against differences of the gradient. */
    private static String trial(SeededCase sc, Worst worst) {
        AdversarialCase c = sc.problem();
        SplittableRandom random = sc.random();
        Dataset data = c.data();
        int n = data.size();
        int d = data.dimension();
        double[][] noise = new double[n][];
        for (int i = 0; i < n; i++) {
            noise[i] = Problems.randomPoint(random, d, c.eps2());
        }
        RandomNoiseLoss noisy = new RandomNoiseLoss(data, noise);
        // Differences of a gradient, not second differences of values: the Hessian here can be far smaller
        // than the loss (inputs near 0, large margins), and second differences of values carry rounding of
        // order sqrt(u) times the loss.
        DMatrixRMaj numeric = FiniteDifferences.hessianFromGradient(w -> literalGradient(data, noise, w), c.w());
        // The noisy loss is the clean loss at the noisy inputs, i.e. the eps = 0 adversarial loss there.
        double[][] noisyInputs = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                noisyInputs[i][j] = data.feature(i, j) + noise[i][j];
            }
        }
        double summands = FiniteDifferenceScales.gradientSummands(
                new AdversarialLoss(Dataset.of(noisyInputs, data.labels()), 0.0), c.w());
        DMatrixRMaj exact = noisy.hessian(c.w());
        double error = FiniteDifferenceScales.error(numeric, exact,
                Math.max(CommonOps_DDRM.elementMaxAbs(exact), summands));
        worst.relativeError = Math.max(worst.relativeError, error);
        return error > Tolerances.FD_HESSIAN_FROM_GRADIENT ? "relative error " + error : null;
    }

    /**
     * The gradient of the noisy loss written out independently of the oracle, (1/N) sum_n -y_n sigma(-y_n w.z_n)
     * z_n with z_n = x_n + noise_n.
     */
    private static double[] literalGradient(Dataset data, double[][] noise, double[] w) {
        int n = data.size();
        int d = data.dimension();
        double[] gradient = new double[d];
        for (int i = 0; i < n; i++) {
            double dot = 0.0;
            for (int j = 0; j < d; j++) {
                dot += w[j] * (data.feature(i, j) + noise[i][j]);
            }
            double weight = -data.label(i) * Logistic.sigmoid(-data.label(i) * dot) / n;
            for (int j = 0; j < d; j++) {
                gradient[j] += weight * (data.feature(i, j) + noise[i][j]);
            }
        }
        return gradient;
    }

    /** The largest value over the run's problems. */
    private static final class Worst {
        /** Error of the closed-form Hessian against differences of the gradient, relative to its scale. */
        private double relativeError;
    }
}
