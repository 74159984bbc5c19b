package org.advsharp.checks.training;

import static org.advsharp.checks.training.TrainingFigures.DIGITS;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.check.SeedRecord;
import org.advsharp.check.Table;
import org.advsharp.checks.CheckTolerances;
import org.advsharp.checks.Figures;
import org.advsharp.data.BundledData;
import org.advsharp.data.GaussianMixture;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.CriticalRadius;
import org.advsharp.oracle.StationarityResiduals;
import org.advsharp.training.EpsilonSweep;
import org.advsharp.training.LbfgsTrainer;
import org.advsharp.training.NewtonTrainer;
import org.advsharp.training.SweepPoint;
import org.advsharp.training.SweepResult;
import org.advsharp.training.TrainingObjective;
import org.advsharp.training.TrainingResult;

/**
 * prop:stationarity, three checks: the residuals split the gradient exactly and vanish at the trained weights
 * ({@link ResidualsVanish}), the trained weights are global minimisers: no random perturbation lowers F
 * ({@link GlobalMinimisers}), and an independent trainer (L-BFGS from another start) lands on the same point
 * ({@link LbfgsAgrees}).
 */
final class Stationarity {
    static final String CLAIM = "prop:stationarity";
    private static final double[] GRID = {0.0, 0.25, 0.5, 0.75, 0.9, 0.99};

    private Stationarity() {
    }

    /**
     * Newton reaches ||grad F|| <= 1e-12 at every trained point of the regime problems; at weights moved 20% off
     * w* the residuals reproduce the split of the gradient (radial = -w^T grad F, tangential = ||P grad F||)
     * and are far from 0.
     */
    static final class ResidualsVanish implements Check {
        private static final int PROBLEMS_PER_REGIME = 10;
        /**
         * The identity radial = -w^T grad F and ||P grad F|| = tangential hold exactly; evaluated in two
         * orders on O(1) data they agree to about 1e-15 times the size of the terms; 1e-12 allows for it.
         */
        static final double IDENTITY_ROUNDING = 1e-12;

        @Override
        public String id() {
            return "residuals-vanish-at-trained-weights";
        }

        @Override
        public String claimId() {
            return CLAIM;
        }

        @Override
        public String title() {
            return "Newton reaches ||grad F|| <= 1e-12; the radial and tangential residuals split the gradient "
                    + "exactly and vanish at w*(eps) (30 problems x 6 radii)";
        }

        @Override
        public String run(CheckContext context, Evidence evidence) {
            long seed = context.seed();
            int perRegime = context.tries(PROBLEMS_PER_REGIME);
            evidence.seed(new SeedRecord(TrainedProblems.count(perRegime) + " regime problems", seed,
                    context.replayCommand()));
            TrainerAccuracy accuracy = new TrainerAccuracy("Newton at every trained point");
            double worstIdentity = 0;
            double smallestOffOptimum = Double.POSITIVE_INFINITY;
            SplittableRandom rng = new SplittableRandom(seed ^ 1);
            int k = 0;
            for (TrainedProblem problem : TrainedProblems.regimes(seed, perRegime)) {
                SweepResult sweep = EpsilonSweep.adversarial(problem.data(), problem.lambda(), GRID,
                        new NewtonTrainer());
                accuracy.add(problem.family() + " #" + (k++), sweep);
                for (SweepPoint p : sweep.points()) {
                    if (p.epsilon() == 0) {
                        continue;
                    }
                    double[] w = p.result().w();
                    for (int j = 0; j < w.length; j++) {
                        w[j] *= 1 + 0.2 * rng.nextGaussian();
                    }
                    TrainingObjective f = p.objective();
                    StationarityResiduals r = f.residuals(w).orElseThrow();
                    double[] g = f.gradient(w);
                    double norm = Vectors.norm(w);
                    double along = Vectors.dot(g, w) / norm;
                    double tangential = Math.sqrt(Math.max(0, Vectors.dot(g, g) - along * along));
                    double scale = Math.max(1, norm) * Math.max(1, Vectors.norm(g));
                    worstIdentity = Math.max(worstIdentity, Math.abs(r.radial() + Vectors.dot(w, g)) / scale);
                    worstIdentity = Math.max(worstIdentity, Math.abs(r.tangentialNorm() - tangential) / scale);
                    smallestOffOptimum = Math.min(smallestOffOptimum,
                            Math.max(Math.abs(r.radial()), r.tangentialNorm()));
                }
            }
            accuracy.record(evidence);
            evidence.measure(Measurement.atMost("largest |radial + w^T g| or |tangential - ||P g||| (relative)",
                    worstIdentity, IDENTITY_ROUNDING, "IDENTITY_ROUNDING: the split is exact"));
            evidence.measure(Measurement.above("smallest max(|radial|, tangential) at weights moved 20% off w*",
                    smallestOffOptimum, 1e3 * TrainerAccuracy.RESIDUAL_TOLERANCE,
                    "1000 x the residual tolerance: the residuals do detect non-stationary points"));
            return "at every one of " + accuracy.points() + " trained points the gradient and both residuals are "
                    + "below 1e-12; moved off w*, the residuals are not";
        }
    }

    /** No random perturbation (sizes 1e-1 to 1e-6) of the trained weights of the regime problems lowers F. */
    static final class GlobalMinimisers implements Check {
        private static final int PERTURBATIONS = 40;
        /** Problems per regime whose trained weights are perturbed (the declared budget of the check). */
        private static final int PROBLEMS_PER_REGIME = 5;
        /**
         * A perturbation may lower F by rounding only: F is a mean of O(1) softplus terms, evaluated to about
         * 1e-15; 1e-13 is that with room, and far below the smallest genuine decrease, which for a
         * perturbation of size 1e-6 at a point with gradient 1 would be 1e-6.
         */
        static final double VALUE_ROUNDING = 1e-13;

        @Override
        public String id() {
            return "trained-weights-are-global-minimisers";
        }

        @Override
        public String claimId() {
            return CLAIM;
        }

        @Override
        public String title() {
            return "no random perturbation (sizes 1e-1 to 1e-6) of w*(eps) lowers F";
        }

        @Override
        public String run(CheckContext context, Evidence evidence) {
            long seed = context.seed();
            int perRegime = context.tries(PROBLEMS_PER_REGIME);
            evidence.seed(new SeedRecord(TrainedProblems.count(perRegime)
                    + " regime problems and the perturbations", seed, context.replayCommand()));
            SplittableRandom rng = new SplittableRandom(seed ^ 7);
            double worstDrop = -Double.MAX_VALUE;
            int tried = 0;
            for (TrainedProblem problem : TrainedProblems.regimes(seed, perRegime)) {
                SweepResult sweep = EpsilonSweep.adversarial(problem.data(), problem.lambda(), GRID,
                        new NewtonTrainer());
                for (SweepPoint p : sweep.points()) {
                    double best = p.objective().value(p.result().w());
                    for (int t = 0; t < PERTURBATIONS; t++) {
                        double size = Math.pow(10, -1 - rng.nextInt(6));
                        double[] w = p.result().w();
                        for (int j = 0; j < w.length; j++) {
                            w[j] += size * rng.nextGaussian();
                        }
                        worstDrop = Math.max(worstDrop, best - p.objective().value(w));
                        tried++;
                    }
                }
            }
            evidence.fact("perturbations tried", tried);
            evidence.measure(Measurement.atMost("largest F(w*) - F(w* + delta) over all perturbations", worstDrop,
                    VALUE_ROUNDING, "VALUE_ROUNDING: only rounding may lower F"));
            return tried + " random perturbations of trained weights never lowered the objective beyond rounding";
        }
    }

    /**
     * L-BFGS from a random start lands within the strong-convexity bound (||g_L|| + ||g_N||)/lambda of Newton,
     * at eps = eps_c/2, on regime problems, digits 0 vs 1 (d = 64) and a mixture in d = 300.
     */
    static final class LbfgsAgrees implements Check {
        /** Random regime problems per regime on which L-BFGS meets Newton, besides the two fixed ones. */
        private static final int PROBLEMS_PER_REGIME = 3;
        /**
         * Strong convexity: ||w_a - w_b|| <= (||g_a|| + ||g_b||) / lambda exactly; 1% plus 1e-12 absolute
         * absorbs the rounding of the norms.
         */
        static final double BOUND_SLACK = 1.01;
        static final double BOUND_FLOOR = 1e-12;

        @Override
        public String id() {
            return "lbfgs-agrees-with-newton";
        }

        @Override
        public String claimId() {
            return CLAIM;
        }

        @Override
        public String title() {
            return "L-BFGS from a random start lands within (||g_L|| + ||g_N||)/lambda of Newton, also at d = 64 "
                    + "(digits) and d = 300";
        }

        @Override
        public String run(CheckContext context, Evidence evidence) {
            long seed = context.seed();
            evidence.seed(new SeedRecord("problems and random starts", seed, context.replayCommand()));
            SplittableRandom rng = new SplittableRandom(seed);
            double worstRatio = 0;
            int cases = 0;
            List<List<String>> rows = new ArrayList<>();
            List<TrainedProblem> problems = new ArrayList<>(
                    TrainedProblems.regimes(seed, context.tries(PROBLEMS_PER_REGIME)));
            problems.add(new TrainedProblem("digits 0 vs 1", BundledData.digits0vs1(), 1e-3));
            problems.add(new TrainedProblem("mixture d = 300", GaussianMixture.sample(seed, 1000, 300, 2, 1), 1e-3));
            for (TrainedProblem problem : problems) {
                double eps = 0.5 * CriticalRadius.of(problem.data());
                TrainingObjective f = TrainingObjective.adversarial(problem.data(), eps, problem.lambda());
                TrainingResult newton = new NewtonTrainer().train(f);
                double[] start = new double[problem.data().dimension()];
                for (int j = 0; j < start.length; j++) {
                    start[j] = rng.nextGaussian();
                }
                TrainingResult lbfgs = new LbfgsTrainer().train(f, start);
                double distance = Vectors.norm(Vectors.plus(newton.w(), -1, lbfgs.w()));
                double bound = (newton.gradientNorm() + lbfgs.gradientNorm()) / problem.lambda();
                worstRatio = Math.max(worstRatio, distance / (BOUND_SLACK * bound + BOUND_FLOOR));
                cases++;
                rows.add(List.of(problem.toString(), Integer.toString(newton.iterations()),
                        Figures.significant(newton.gradientNorm(), DIGITS), Integer.toString(lbfgs.iterations()),
                        Figures.significant(lbfgs.gradientNorm(), DIGITS), Figures.significant(distance, DIGITS),
                        Figures.significant(bound, DIGITS)));
                evidence.measure(Measurement.atMost("L-BFGS ||grad F|| on " + problem, lbfgs.gradientNorm(),
                        CheckTolerances.LBFGS_GRADIENT));
            }
            evidence.table(new Table("Newton and L-BFGS at eps = eps_c/2", List.of("problem", "Newton steps",
                    "Newton ||g||", "L-BFGS steps", "L-BFGS ||g||", "||w_N - w_L||", "bound (||g_N||+||g_L||)/lambda"),
                    rows));
            evidence.measure(Measurement.atMost("largest ||w_N - w_L|| / strong-convexity bound", worstRatio, 1.0,
                    "strong convexity: ||w_a - w_b|| <= (||g_a|| + ||g_b||)/lambda (with BOUND_SLACK)"));
            return "on " + cases + " problems (d up to 300) L-BFGS from a random start agrees with Newton within the "
                    + "strong-convexity bound";
        }
    }
}
