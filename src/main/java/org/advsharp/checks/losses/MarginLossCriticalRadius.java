package org.advsharp.checks.losses;

import java.util.Locale;
import java.util.SplittableRandom;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.checks.problems.DataRadius;
import org.advsharp.data.Dataset;
import org.advsharp.numerics.EjmlSymmetricEigenSolver;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.CriticalRadius;
import org.advsharp.oracle.HessianDecomposition;
import org.advsharp.oracle.MarginAdversarialLoss;
import org.advsharp.oracle.MarginLoss;
import org.advsharp.training.TrainingObjective;

/**
 * prop:margin-loss-critical-radius, one check per loss, the trained-weights statement of proofs/training.md
 * restated per loss: on {@value #CRITICAL_PROBLEMS} weight-decayed Gaussian mixtures ({@link DecayedMixture},
 * seeds from the check's own), the Newton-trained weights below eps_c ({@link #BELOW}) satisfy ||w*|| &lt;=
 * -l'(0)(eps_c - eps)/lambda with kappa and lambda_max above their bound, and above eps_c ({@link #ABOVE}) the
 * objective rises from w = 0 along every probed direction (w* = 0).
 *
 * @param loss the loss checked
 */
record MarginLossCriticalRadius(MarginLoss loss) implements Check {
    private static final int CRITICAL_PROBLEMS = 20;
    /** Fractions of eps_c trained for prop:margin-loss-critical-radius (below eps_c) and probed above it. */
    private static final double[] BELOW = {0.5, 0.9, 0.99};
    private static final double[] ABOVE = {1.02, 1.2};
    /** The step along a unit direction at which F(t u) > F(0) is probed above eps_c; t^2 terms are 1e-8 of the slope term or less. */
    private static final double PROBE_STEP = 1e-4;

    @Override
    public String id() {
        return "margin-loss-critical-radius-" + loss.name();
    }

    @Override
    public String claimId() {
        return "prop:margin-loss-critical-radius";
    }

    @Override
    public String title() {
        return loss.name() + " loss, trained weights: ||w*|| <= -l'(0)(eps_c - eps)/lambda, kappa and lambda_max "
                + "above their bound below eps_c, w* = 0 above it";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        long seed = context.seed();
        Certified certified = new Certified();
        String violation = null;
        int problems = context.tries(CRITICAL_PROBLEMS);
        for (int p = 0; p < problems && violation == null; p++) {
            violation = violation(loss, DecayedMixture.of(seed + p), certified);
        }
        evidence.fact("seed", seed);
        evidence.measure(Measurement.atMost("problems violating prop:margin-loss-critical-radius", violation == null ? 0 : 1,
                0, "exact: a proved statement admits no violation"));
        evidence.measure(Measurement.atLeast("trained points certified by Newton (||grad F|| <= 1e-12)",
                certified.certified, certified.trained, "all: an uncertified point tests nothing"));
        if (violation != null) {
            evidence.fact("violation", violation);
            return "Violation: " + violation;
        }
        return String.format(Locale.ROOT, "%s loss, %d problems, eps/eps_c in {0.5, 0.9, 0.99}: %d of %d trained points "
                + "certified, each within the norm bound, with kappa and lambda_max above their bounds; above eps_c "
                + "(1.02, 1.2) F rose from 0 along every probed direction.", loss.name(), problems, certified.certified,
                certified.trained);
    }

    /** The trained points: how many were trained, and how many of them Newton certified. */
    static final class Certified {
        private int trained;
        private int certified;

        int trained() {
            return trained;
        }

        int certified() {
            return certified;
        }

        private void count(boolean isCertified) {
            trained++;
            certified += isCertified ? 1 : 0;
        }
    }

    /**
     * The statement on one problem: a description of the failure, or null; {@code certified} counts the
     * trained points and those certified.
     */
    static String violation(MarginLoss loss, DecayedMixture problem, Certified certified) {
        Dataset data = problem.data();
        double epsC = CriticalRadius.of(data);
        double radius = DataRadius.of(data);
        for (double f : BELOW) {
            double eps = f * epsC;
            double[] w = problem.train(loss, eps);
            certified.count(w != null);
            if (w == null) {
                continue;
            }
            double norm = Vectors.norm(w);
            double normBound = -loss.slope(0) * (epsC - f * epsC) / problem.lambda();
            if (!(norm > 0) || norm > normBound * (1 + DecayedMixture.KAPPA_FALL)) {
                return String.format(Locale.ROOT, "seed %d, eps/eps_c = %s: ||w*|| = %.6g, bound %.6g", problem.seed(), f,
                        norm, normBound);
            }
            HessianDecomposition h = new MarginAdversarialLoss(data, loss, eps).hessian(w);
            double kappaBound = eps * -loss.slope((radius + eps) * norm) / norm;
            double top = new EjmlSymmetricEigenSolver().decompose(h.full()).largest();
            if (h.kappa() < kappaBound * (1 - DecayedMixture.KAPPA_FALL)
                    || top < h.kappa() * (1 - DecayedMixture.KAPPA_FALL)) {
                return String.format(Locale.ROOT, "seed %d, eps/eps_c = %s: kappa = %.6g (bound %.6g), lambda_max = %.6g",
                        problem.seed(), f, h.kappa(), kappaBound, top);
            }
        }
        SplittableRandom random = new SplittableRandom(problem.seed());
        for (double f : ABOVE) {
            TrainingObjective objective = TrainingObjective.adversarial(data, loss, f * epsC, problem.lambda());
            double atZero = objective.value(new double[data.dimension()]);
            for (int k = 0; k <= 8; k++) {
                double[] u = k == 0 ? CriticalRadius.meanSignedInput(data) : randomDirection(random, data.dimension());
                double[] step = Vectors.scaled(PROBE_STEP / Vectors.norm(u), u);
                if (!(objective.value(step) > atZero)) {
                    return String.format(Locale.ROOT, "seed %d, eps/eps_c = %s: F falls from 0 along a direction", problem.seed(), f);
                }
            }
        }
        return null;
    }

    private static double[] randomDirection(SplittableRandom random, int d) {
        double[] u = new double[d];
        for (int j = 0; j < d; j++) {
            u[j] = random.nextDouble() - 0.5;
        }
        return u;
    }
}
