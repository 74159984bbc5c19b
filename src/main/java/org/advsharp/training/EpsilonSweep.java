package org.advsharp.training;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import org.advsharp.data.Dataset;
import org.advsharp.oracle.CriticalRadius;

/**
 * Trains w*(eps) over a grid of radii, the one sweep of advsharp (the claims and {@code advsharp sweep}
 * both run it). The grid is given as fractions r = eps/eps_c of the critical radius
 * eps_c = ||mean(y x)|| (prop:critical-radius) or as radii eps; eps/eps_c is always reported.
 *
 * <p>One rule set for radii: every radius is finite, >= 0 and below eps_c (at and above it w*(eps) = 0
 * exactly, where the adversarial loss has its kink and no Hessian), and the grid increases strictly
 * (warm starts follow it); a grid that breaks a rule is refused before anything is trained. The first
 * radius starts from {@link StartingPoint#leaveKink} (the minimiser along mean(y x) from w = 0); every
 * later radius is warm-started from the previous radius's w*.
 *
 * <p>The measured sweeps ({@link #measured}, {@link #randomNoise(Dataset, double, double[], long, Solver, int)})
 * train and measure by the given {@link Solver} and can keep the rows already trained when a later radius
 * fails: the result then carries a {@link SweepResult.Failure} saying which radius and what failed.
 */
public final class EpsilonSweep {
    /** How a sweep starts, for reports. */
    public static final String START_RULE = "first radius: minimiser of F along t*mean(y x), t > 0 (w = 0 is a "
            + "kink); later radii: warm start from the previous w*";

    /** Told after each radius (for progress lines). */
    @FunctionalInterface
    public interface Progress {
        /** No progress reports. */
        Progress NONE = (index, count, point, nanos) -> { };

        /**
         * @param index the radius just done (0-based)
         * @param count radii in the grid
         * @param point its trained and measured point
         * @param nanos the time this radius took (training and measurement)
         */
        void radiusDone(int index, int count, SweepPoint point, long nanos);
    }

    /** The radii of a grid: ratios r = eps/eps_c or radii eps. */
    public record Grid(double[] values, boolean ratios) {
        /** Fractions eps/eps_c of the critical radius. */
        public static Grid ofRatios(double... r) {
            return new Grid(r.clone(), true);
        }

        /** Radii eps. */
        public static Grid ofEpsilons(double... eps) {
            return new Grid(eps.clone(), false);
        }
    }

    private EpsilonSweep() {
    }

    /** The L2 adversarial sweep of L_eps(w) + (lambda/2)||w||^2 with a given trainer, not measured. */
    public static SweepResult adversarial(Dataset data, double lambda, double[] ratios, Trainer trainer) {
        return run("L2 adversarial", data, ratios, eps -> TrainingObjective.adversarial(data, eps, lambda), lambda,
                trainer);
    }

    /** The random-noise sweep: fixed per-sample noise directions from {@code noiseSeed}, length eps. */
    public static SweepResult randomNoise(Dataset data, double lambda, double[] ratios, long noiseSeed,
                                          Trainer trainer) {
        double[][] directions = RandomNoise.unitDirections(noiseSeed, data.size(), data.dimension());
        return run("random noise (fixed per sample, seed " + noiseSeed + ")", data, ratios,
                eps -> TrainingObjective.randomNoise(data, RandomNoise.noise(directions, eps), eps, lambda), lambda,
                trainer);
    }

    /** The Linf adversarial sweep (eps is the Linf radius; the axis still uses the L2 eps_c). */
    public static SweepResult linf(Dataset data, double lambda, double[] ratios, Trainer trainer) {
        return run("Linf adversarial", data, ratios, eps -> TrainingObjective.linf(data, eps, lambda), lambda, trainer);
    }

    /**
     * The general sweep: {@code objectiveAt} maps eps to the objective to train. Any failure is thrown.
     *
     * @throws IllegalArgumentException for a ratio outside [0, 1), a grid that is not increasing, or eps_c = 0
     */
    public static SweepResult run(String kind, Dataset data, double[] ratios,
                                  DoubleFunction<TrainingObjective> objectiveAt, double lambda, Trainer trainer) {
        double criticalRadius = CriticalRadius.of(data);
        double[] eps = radii(Grid.ofRatios(ratios), criticalRadius);
        return sweep(kind, criticalRadius, eps, objectiveAt, trainer, null, lambda, null, Progress.NONE, false);
    }

    /**
     * The L2 adversarial sweep trained and measured by {@code solver} on {@code threads} threads (the
     * numbers do not depend on the thread count): each point carries its {@link PointSharpness}.
     *
     * @param keepRows whether a failing radius ends the sweep with the rows before it and a
     *                 {@link SweepResult.Failure} (true) or throws (false)
     * @throws IllegalArgumentException for a grid that breaks the rules, before anything is trained
     */
    public static SweepResult measured(Dataset data, double lambda, Grid grid, Solver solver, int threads,
                                       Progress progress, boolean keepRows) {
        double criticalRadius = CriticalRadius.of(data);
        double[] eps = radii(grid, criticalRadius);
        Trainer trainer = solver.trainer();
        if (solver == Solver.DENSE) {
            return sweep("L2 adversarial", criticalRadius, eps, e -> TrainingObjective.adversarial(data, e, lambda),
                    trainer, (objective, w) -> PointSharpness.dense(data, objective.epsilon(), w), lambda, solver,
                    progress, keepRows);
        }
        AdversarialKernel base = new AdversarialKernel(data, 0.0, lambda, threads);
        return sweep("L2 adversarial", criticalRadius, eps,
                e -> new KernelObjective(TrainingObjective.adversarial(data, e, lambda), base.atEpsilon(e)), trainer,
                (objective, w) -> PointSharpness.matrixFree(((KernelObjective) objective).kernel(), w), lambda, solver,
                progress, keepRows);
    }

    /**
     * The random-noise sweep trained and measured by {@code solver}: the clean loss on inputs x_n + eps u_n
     * with fixed unit directions u_n from {@code noiseSeed}; its Hessian has no direction term, so the
     * measured H equals A.
     */
    public static SweepResult randomNoise(Dataset data, double lambda, double[] ratios, long noiseSeed, Solver solver,
                                          int threads) {
        double criticalRadius = CriticalRadius.of(data);
        double[] eps = radii(Grid.ofRatios(ratios), criticalRadius);
        double[][] directions = RandomNoise.unitDirections(noiseSeed, data.size(), data.dimension());
        String kind = "random noise (fixed per sample, seed " + noiseSeed + ")";
        DoubleFunction<TrainingObjective> objectiveAt = e -> {
            double[][] noise = RandomNoise.noise(directions, e);
            TrainingObjective reference = TrainingObjective.randomNoise(data, noise, e, lambda);
            if (solver == Solver.DENSE) {
                return reference;
            }
            return new KernelObjective(reference, new AdversarialKernel(noisy(data, noise), 0.0, lambda, threads));
        };
        Measure measure = solver == Solver.DENSE
                ? (objective, w) -> PointSharpness.dense(noisy(data, RandomNoise.noise(directions, objective.epsilon())),
                        0.0, w)
                : (objective, w) -> PointSharpness.matrixFree(((KernelObjective) objective).kernel(), w);
        return sweep(kind, criticalRadius, eps, objectiveAt, solver.trainer(), measure, lambda, solver, Progress.NONE,
                false);
    }

    /** The inputs x_n + noise_n with the same labels. */
    static Dataset noisy(Dataset data, double[][] noise) {
        int n = data.size();
        int d = data.dimension();
        double[][] rows = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                rows[i][j] = data.feature(i, j) + noise[i][j];
            }
        }
        return Dataset.of(rows, data.labels());
    }

    /** The measurement at a trained point. */
    interface Measure {
        PointSharpness at(TrainingObjective objective, double[] w);
    }

    /** The sweep loop (package-private for the tests of its failure handling). */
    static SweepResult sweep(String kind, double criticalRadius, double[] epsilons,
                                     DoubleFunction<TrainingObjective> objectiveAt, Trainer trainer, Measure measure,
                                     double lambda, Solver solver, Progress progress, boolean keepRows) {
        List<SweepPoint> points = new ArrayList<>();
        SweepResult.Failure failure = null;
        double[] w = null;
        for (int k = 0; k < epsilons.length; k++) {
            double eps = epsilons[k];
            long t0 = System.nanoTime();
            SweepPoint point;
            try {
                TrainingObjective objective = objectiveAt.apply(eps);
                TrainingResult result = w == null ? trainer.train(objective) : trainer.train(objective, w);
                PointSharpness sharpness = measure == null ? null : measure.at(objective, result.w());
                point = new SweepPoint(eps, eps / criticalRadius, objective, result, sharpness);
            } catch (RuntimeException e) {
                if (!keepRows) {
                    throw e;
                }
                failure = new SweepResult.Failure(k, eps, eps / criticalRadius, String.valueOf(e.getMessage()));
                break;
            }
            points.add(point);
            w = point.result().w();
            progress.radiusDone(k, epsilons.length, point, System.nanoTime() - t0);
        }
        return new SweepResult(kind, criticalRadius, lambda, trainer.name(), START_RULE, points, solver, failure);
    }

    /** The radii eps of a grid, after checking every rule; nothing is trained before this passes. */
    static double[] radii(Grid grid, double criticalRadius) {
        double[] values = grid.values();
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("eps sweep: give at least one " + (grid.ratios() ? "ratio eps/eps_c"
                    : "radius"));
        }
        if (criticalRadius == 0) {
            throw new IllegalArgumentException("eps sweep: the critical radius eps_c = ||mean(y x)|| is 0, so w*(eps) = 0 for every eps "
                    + "(prop:critical-radius); there is nothing to sweep");
        }
        String what = grid.ratios() ? "ratio eps/eps_c" : "radius eps";
        double[] eps = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            double v = values[k];
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("eps sweep: " + what + " number " + k + " is " + v
                        + "; it must be a finite number >= 0");
            }
            eps[k] = grid.ratios() ? v * criticalRadius : v;
            double r = grid.ratios() ? v : v / criticalRadius;
            if (r >= 1) {
                throw new IllegalArgumentException("eps sweep: eps/eps_c = " + r + " (eps = " + eps[k]
                        + ", eps_c = " + criticalRadius + ") is at or above the critical radius, where the trained "
                        + "weights are exactly w* = 0 (prop:critical-radius) and the Hessian does not exist; "
                        + "keep every radius below eps_c");
            }
            if (k > 0 && !(v > values[k - 1])) {
                throw new IllegalArgumentException("eps sweep: the " + what + " values must increase strictly "
                        + "(warm starts follow the grid), but number " + k + " = " + v + " follows " + values[k - 1]);
            }
        }
        return eps;
    }
}
