package org.advsharp.checks.losses;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Counterexample;
import org.advsharp.check.Evidence;
import org.advsharp.check.FunctionalCheck;
import org.advsharp.check.Measurement;
import org.advsharp.check.Reproduction;
import org.advsharp.data.Dataset;
import org.advsharp.data.GaussianMixture;
import org.advsharp.numerics.EjmlSymmetricEigenSolver;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.CriticalRadius;
import org.advsharp.oracle.HessianDecomposition;
import org.advsharp.oracle.MarginAdversarialLoss;
import org.advsharp.oracle.MarginLoss;
import org.advsharp.training.NewtonTrainer;
import org.advsharp.training.StartingPoint;
import org.advsharp.training.TrainingObjective;
import org.advsharp.training.TrainingResult;

/**
 * The trained-weights statements of proofs/training.md restated per loss (proofs/losses.md):
 * prop:margin-loss-critical-radius (every loss, Newton-trained weights on Gaussian mixtures with weight
 * decay) and conj:margin-loss-kappa-at-optimum-monotone (exponential and probit: kappa at the trained
 * weights rises along a grid of radii). Every seed is derived from the master seed and the check id.
 */
public final class MarginTrainingChecks {
    private static final int CRITICAL_PROBLEMS = 20;
    private static final int SWEEP_PROBLEMS = 40;
    /** Fractions of eps_c trained for prop:margin-loss-critical-radius (below eps_c) and probed above it. */
    private static final double[] BELOW = {0.5, 0.9, 0.99};
    private static final double[] ABOVE = {1.02, 1.2};
    /** The sweep of conj:margin-loss-kappa-at-optimum-monotone, as for the logistic conjecture. */
    private static final double[] SWEEP = {0, 0.1, 0.25, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95};
    /** A fall of kappa by more than this relative amount is a counterexample (the trained weights are exact to about 1e-12/lambda). */
    static final double KAPPA_FALL = 1e-6;
    /** The step along a unit direction at which F(t u) > F(0) is probed above eps_c; t^2 terms are 1e-8 of the slope term or less. */
    private static final double PROBE_STEP = 1e-4;

    private MarginTrainingChecks() {
    }

    public static List<Check> checks() {
        List<Check> checks = new ArrayList<>();
        for (MarginLoss loss : MarginLoss.all()) {
            checks.add(new FunctionalCheck("margin-loss-critical-radius-" + loss.name(), "prop:margin-loss-critical-radius",
                    loss.name() + " loss, trained weights: ||w*|| <= -l'(0)(eps_c - eps)/lambda, kappa and lambda_max "
                            + "above their bound below eps_c, w* = 0 above it",
                    (context, evidence) -> criticalRadius(loss, context, evidence)));
        }
        for (MarginLoss loss : List.of(MarginLoss.exponential(), MarginLoss.probit())) {
            checks.add(new FunctionalCheck("margin-loss-kappa-at-optimum-rises-" + loss.name(),
                    "conj:margin-loss-kappa-at-optimum-monotone",
                    loss.name() + " loss: kappa(w*(eps)) rises along eps/eps_c = 0, 0.1, ..., 0.95 (search)",
                    (context, evidence) -> kappaAtOptimum(loss, context, evidence)));
        }
        return checks;
    }

    /** A seeded weight-decayed Gaussian mixture: N in [20, 99], d in [2, 9], noise sd in [0.5, 2], lambda = 10^t, t in [-3, -1]. */
    record Problem(Dataset data, double lambda, long seed) {
    }

    static Problem problem(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 20 + random.nextInt(80);
        int d = 2 + random.nextInt(8);
        double sd = 0.5 + 1.5 * random.nextDouble();
        double lambda = Math.pow(10, -3 + 2 * random.nextDouble());
        return new Problem(GaussianMixture.sample(random.nextLong(), n, d, 1.0, sd), lambda, seed);
    }

    /** Newton from the minimiser along mu; null when it does not certify ||grad F|| <= 1e-12. */
    static double[] train(Dataset data, MarginLoss loss, double eps, double lambda) {
        TrainingObjective objective = TrainingObjective.adversarial(data, loss, eps, lambda);
        TrainingResult result = new NewtonTrainer().train(objective, StartingPoint.leaveKink(objective));
        return result.converged() ? result.w() : null;
    }

    static String criticalRadius(MarginLoss loss, CheckContext context, Evidence evidence) {
        String id = "margin-loss-critical-radius-" + loss.name();
        long seed = context.seed();
        int[] certified = new int[2];
        String violation = null;
        int problems = context.tries(CRITICAL_PROBLEMS);
        for (int p = 0; p < problems && violation == null; p++) {
            violation = criticalRadiusViolation(loss, problem(seed + p), certified);
        }
        evidence.fact("seed", seed);
        evidence.measure(Measurement.atMost("problems violating prop:margin-loss-critical-radius", violation == null ? 0 : 1,
                0, "exact: a proved statement admits no violation"));
        evidence.measure(Measurement.atLeast("trained points certified by Newton (||grad F|| <= 1e-12)", certified[0],
                certified[1], "all: an uncertified point tests nothing"));
        if (violation != null) {
            evidence.fact("violation", violation);
            return "Violation: " + violation;
        }
        return String.format(Locale.ROOT, "%s loss, %d problems, eps/eps_c in {0.5, 0.9, 0.99}: %d of %d trained points "
                + "certified, each within the norm bound, with kappa and lambda_max above their bounds; above eps_c "
                + "(1.02, 1.2) F rose from 0 along every probed direction.", loss.name(), problems, certified[0],
                certified[1]);
    }

    private static double epsC(Dataset data) {
        return CriticalRadius.of(data);
    }

    private static double normBound(MarginLoss loss, Problem problem, double fraction) {
        double epsC = epsC(problem.data());
        return -loss.slope(0) * (epsC - fraction * epsC) / problem.lambda();
    }

    /**
     * prop:margin-loss-critical-radius on one problem: a description of the failure, or null;
     * {@code certified} counts the trained points certified ([0]) of those trained ([1]).
     */
    static String criticalRadiusViolation(MarginLoss loss, Problem problem, int[] certified) {
        Dataset data = problem.data();
        double epsC = epsC(data);
        double radius = 0;
        for (int n = 0; n < data.size(); n++) {
            radius = Math.max(radius, Vectors.norm(data.row(n)));
        }
        for (double f : BELOW) {
            double eps = f * epsC;
            double[] w = train(data, loss, eps, problem.lambda());
            certified[1]++;
            if (w == null) {
                continue;
            }
            certified[0]++;
            double norm = Vectors.norm(w);
            if (!(norm > 0) || norm > normBound(loss, problem, f) * (1 + KAPPA_FALL)) {
                return String.format(Locale.ROOT, "seed %d, eps/eps_c = %s: ||w*|| = %.6g, bound %.6g", problem.seed(), f,
                        norm, normBound(loss, problem, f));
            }
            HessianDecomposition h = new MarginAdversarialLoss(data, loss, eps).hessian(w);
            double kappaBound = eps * -loss.slope((radius + eps) * norm) / norm;
            double top = new EjmlSymmetricEigenSolver().decompose(h.full()).largest();
            if (h.kappa() < kappaBound * (1 - KAPPA_FALL) || top < h.kappa() * (1 - KAPPA_FALL)) {
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

    private static String kappaAtOptimum(MarginLoss loss, CheckContext context, Evidence evidence) {
        String id = "margin-loss-kappa-at-optimum-rises-" + loss.name();
        long seed = context.seed();
        int problems = context.tries(SWEEP_PROBLEMS);
        int certified = 0;
        for (int p = 0; p < problems; p++) {
            Problem problem = problem(seed + p);
            double[] kappa = kappaSweep(loss, problem);
            if (kappa == null) {
                continue;
            }
            certified++;
            for (int k = 1; k < kappa.length; k++) {
                if (kappa[k - 1] - kappa[k] > KAPPA_FALL * kappa[k - 1]) {
                    String text = String.format(Locale.ROOT, "%s loss, problem seed %d: kappa falls from %.6g at eps/eps_c = %s "
                            + "to %.6g at %s", loss.name(), problem.seed(), kappa[k - 1], SWEEP[k - 1], kappa[k], SWEEP[k]);
                    evidence.counterexample(new Counterexample(text, "MarginTrainingChecks.problem(" + problem.seed() + "L)",
                            problem.seed(), 0, context.replayCommand(), Reproduction.NONE));
                    return text;
                }
            }
        }
        evidence.fact("seed", seed);
        evidence.fact("problems with every point certified", certified + " of " + problems);
        if (certified < problems) {
            evidence.inconclusive((problems - certified) + " of " + problems + " sweeps not certified by Newton");
        }
        return String.format(Locale.ROOT, "%s loss: kappa(w*(eps)) rose along the grid in all %d certified sweeps of %d.",
                loss.name(), certified, problems);
    }

    /** kappa(w*(eps)) along {@link #SWEEP}; null when a point is not certified. */
    static double[] kappaSweep(MarginLoss loss, Problem problem) {
        double epsC = epsC(problem.data());
        double[] kappa = new double[SWEEP.length];
        for (int k = 0; k < SWEEP.length; k++) {
            double eps = SWEEP[k] * epsC;
            double[] w = train(problem.data(), loss, eps, problem.lambda());
            if (w == null) {
                return null;
            }
            kappa[k] = new MarginAdversarialLoss(problem.data(), loss, eps).hessian(w).kappa();
        }
        return kappa;
    }
}
