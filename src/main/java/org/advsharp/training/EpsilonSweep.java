package org.advsharp.training;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import org.advsharp.data.Dataset;
import org.advsharp.oracle.CriticalRadius;

/**
 * Trains w*(eps) over a grid of radii, the one sweep of advsharp (the claims and {@code advsharp sweep}
 * both run it), for either {@link Ball}. The grid is given as fractions r = eps/eps_c of the ball's critical
 * radius (prop:critical-radius) or as radii eps; eps/eps_c is always reported.
 *
 * <p>One rule set for radii ({@link #radii}): at least one radius; every radius is finite, >= 0 and below
 * eps_c (at and above it w*(eps) = 0 exactly, where the adversarial loss has its kink and no Hessian); the
 * grid increases strictly (warm starts follow it). A grid that breaks a rule is refused with a
 * {@link RadiusGridException} before anything is trained; radii are counted from 1 in its messages, as in
 * every other message about a radius. The first radius starts by the ball's rule; every later radius is
 * warm-started from the previous radius's w*.
 *
 * <p>The measured sweeps ({@link #measured(Ball, Dataset, double, Grid, Solver, int, Progress, boolean)},
 * {@link #randomNoise(Dataset, double, double[], long, Solver, int)}) train and measure by the given
 * {@link Solver} and can keep the rows already trained when a later radius fails: the result then carries a
 * {@link SweepResult.Failure} saying which radius and what failed, with the exception itself.
 */
public final class EpsilonSweep {
    /** How a sweep starts, for reports. */
    public static final String START_RULE = "first radius: minimiser of F along t*mean(y x), t > 0 (w = 0 is a "
            + "kink); later radii: warm start from the previous w*";

    /**
     * Told after each radius (for progress lines).
     *
     * @param <P> the row of the ball swept
     */
    @FunctionalInterface
    public interface Progress<P> {
        /** No progress reports. */
        Progress<Object> NONE = (index, count, point, nanos) -> { };

        /**
         * @param index the radius just done (0-based)
         * @param count radii in the grid
         * @param point its trained and measured point
         * @param nanos the time this radius took (training and measurement)
         */
        void radiusDone(int index, int count, P point, long nanos);
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

    /**
     * A measured sweep of either ball.
     *
     * @param kind           which objective was swept ({@link Ball#kind()})
     * @param criticalRadius the ball's eps_c on the data
     * @param trainer        the trainer's name
     * @param points         one row per radius trained, in increasing eps
     * @param failure        the radius that failed, when the sweep kept the rows before it; null if none failed
     * @param <P>            the ball's row
     */
    public record Measured<P extends MeasuredRadius>(String kind, double criticalRadius, String trainer,
                                                     List<P> points, SweepResult.Failure failure) {
        public Measured {
            points = List.copyOf(points);
        }
    }

    /** Trains and measures one radius: from {@code start}, or by the ball's start rule when it is null. */
    @FunctionalInterface
    interface Step<P> {
        P at(double epsilon, double ratio, double[] start);
    }

    /** The measurement at a trained point. */
    interface Measure {
        PointSharpness at(TrainingObjective objective, double[] w);
    }

    private EpsilonSweep() {
    }

    /** The L2 adversarial sweep of L_eps(w) + (lambda/2)||w||^2 with a given trainer, not measured. */
    public static SweepResult adversarial(Dataset data, double lambda, double[] ratios, Trainer trainer) {
        return trained(Ball.L2, data, lambda, Grid.ofRatios(ratios), trainer);
    }

    /**
     * The sweep of a ball's objective (formed densely) with a given trainer, not measured; ratios are of the
     * ball's own critical radius. Any failure is thrown.
     */
    public static SweepResult trained(Ball<?> ball, Dataset data, double lambda, Grid grid, Trainer trainer) {
        return run(ball.kind(), ball.criticalRadius(data), ball.criticalRadiusFormula(), grid,
                e -> ball.objective(data, e, lambda), lambda, trainer);
    }

    /** The random-noise sweep: fixed per-sample noise directions from {@code noiseSeed}, length eps. */
    public static SweepResult randomNoise(Dataset data, double lambda, double[] ratios, long noiseSeed,
                                          Trainer trainer) {
        double[][] directions = RandomNoise.unitDirections(noiseSeed, data.size(), data.dimension());
        return run("random noise (fixed per sample, seed " + noiseSeed + ")", CriticalRadius.of(data),
                Ball.L2.criticalRadiusFormula(), Grid.ofRatios(ratios),
                eps -> TrainingObjective.randomNoise(data, RandomNoise.noise(directions, eps), eps, lambda), lambda,
                trainer);
    }

    /**
     * The general sweep: {@code objectiveAt} maps eps to the objective to train, on the L2 axis. Any failure is
     * thrown.
     *
     * @throws RadiusGridException for a ratio outside [0, 1), a grid that is not increasing, or eps_c = 0
     */
    public static SweepResult run(String kind, Dataset data, double[] ratios,
                                  DoubleFunction<TrainingObjective> objectiveAt, double lambda, Trainer trainer) {
        return run(kind, CriticalRadius.of(data), Ball.L2.criticalRadiusFormula(), Grid.ofRatios(ratios), objectiveAt,
                lambda, trainer);
    }

    private static SweepResult run(String kind, double criticalRadius, String formula, Grid grid,
                                   DoubleFunction<TrainingObjective> objectiveAt, double lambda, Trainer trainer) {
        double[] eps = radii(grid, criticalRadius, formula);
        Outcome<SweepPoint> o = loop(eps, criticalRadius, trainedStep(objectiveAt, trainer, null), Progress.NONE,
                false);
        return new SweepResult(kind, criticalRadius, lambda, trainer.name(), START_RULE, o.points());
    }

    /**
     * The sweep of {@code ball} trained and measured by {@code solver} on {@code threads} threads (the numbers do
     * not depend on the thread count).
     *
     * @param keepRows whether a failing radius ends the sweep with the rows before it and a
     *                 {@link SweepResult.Failure} (true) or throws (false)
     * @throws RadiusGridException      for a grid that breaks the rules, before anything is trained
     * @throws IllegalArgumentException for a solver the ball does not have
     */
    public static <P extends MeasuredRadius> Measured<P> measured(Ball<P> ball, Dataset data, double lambda,
                                                                  Grid grid, Solver solver, int threads,
                                                                  Progress<? super P> progress, boolean keepRows) {
        double criticalRadius = ball.criticalRadius(data);
        double[] eps = radii(grid, criticalRadius, ball.criticalRadiusFormula());
        Step<P> step = ball.measuredStep(data, lambda, solver, threads);
        Outcome<P> o = loop(eps, criticalRadius, step, progress, keepRows);
        return new Measured<>(ball.kind(), criticalRadius, ball.trainerName(solver), o.points(), o.failure());
    }

    /**
     * The L2 adversarial sweep trained and measured by {@code solver}, as a {@link SweepResult}: each point
     * carries its {@link PointSharpness}. See {@link #measured(Ball, Dataset, double, Grid, Solver, int, Progress,
     * boolean)}.
     */
    public static SweepResult measured(Dataset data, double lambda, Grid grid, Solver solver, int threads,
                                       Progress<? super SweepPoint> progress, boolean keepRows) {
        Measured<SweepPoint> m = measured(Ball.L2, data, lambda, grid, solver, threads, progress, keepRows);
        return new SweepResult(m.kind(), m.criticalRadius(), lambda, m.trainer(), START_RULE, m.points(), solver,
                m.failure());
    }

    /**
     * The random-noise sweep trained and measured by {@code solver}: the clean loss on inputs x_n + eps u_n
     * with fixed unit directions u_n from {@code noiseSeed}; its Hessian has no direction term, so the
     * measured H equals A.
     */
    public static SweepResult randomNoise(Dataset data, double lambda, double[] ratios, long noiseSeed, Solver solver,
                                          int threads) {
        double criticalRadius = CriticalRadius.of(data);
        double[] eps = radii(Grid.ofRatios(ratios), criticalRadius, Ball.L2.criticalRadiusFormula());
        double[][] directions = RandomNoise.unitDirections(noiseSeed, data.size(), data.dimension());
        String kind = "random noise (fixed per sample, seed " + noiseSeed + ")";
        DoubleFunction<TrainingObjective> reference = e ->
                TrainingObjective.randomNoise(data, RandomNoise.noise(directions, e), e, lambda);
        Step<SweepPoint> step = solver == Solver.DENSE
                ? trainedStep(reference, new NewtonTrainer(), (objective, w) -> PointSharpness.dense(
                        noisy(data, RandomNoise.noise(directions, objective.epsilon())), 0.0, w))
                : matrixFreeStep(e -> new KernelObjective(reference.apply(e), new AdversarialKernel(
                        noisy(data, RandomNoise.noise(directions, e)), 0.0, lambda, threads)));
        Outcome<SweepPoint> o = loop(eps, criticalRadius, step, Progress.NONE, false);
        String trainer = solver == Solver.DENSE ? new NewtonTrainer().name() : new MatrixFreeNewtonTrainer().name();
        return new SweepResult(kind, criticalRadius, lambda, trainer, START_RULE, o.points(), solver, null);
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

    /** A step that trains {@code objectiveAt(eps)} with {@code trainer} and measures it (no measure: null). */
    static Step<SweepPoint> trainedStep(DoubleFunction<TrainingObjective> objectiveAt, Trainer trainer,
                                        Measure measure) {
        return (eps, ratio, start) -> {
            TrainingObjective objective = objectiveAt.apply(eps);
            TrainingResult result = start == null ? trainer.train(objective) : trainer.train(objective, start);
            PointSharpness sharpness = measure == null ? null : measure.at(objective, result.w());
            return new SweepPoint(eps, ratio, objective, result, sharpness);
        };
    }

    /** A step that trains a matrix-free objective by truncated Newton and measures it by Lanczos. */
    static Step<SweepPoint> matrixFreeStep(DoubleFunction<KernelObjective> objectiveAt) {
        MatrixFreeNewtonTrainer trainer = new MatrixFreeNewtonTrainer();
        return (eps, ratio, start) -> {
            KernelObjective objective = objectiveAt.apply(eps);
            TrainingResult result = start == null ? trainer.train(objective) : trainer.train(objective, start);
            return new SweepPoint(eps, ratio, objective, result,
                    PointSharpness.matrixFree(objective.kernel(), result.w()));
        };
    }

    /** The rows trained, and the failure that ended the loop early (null if every radius was trained). */
    record Outcome<P>(List<P> points, SweepResult.Failure failure) {
    }

    /**
     * The sweep loop, the same for every ball: radius k from the w* of radius k - 1 (the first by the step's
     * start rule), then the progress report. A radius that throws ends the loop: with {@code keepRows} the rows
     * before it are kept with the failure, otherwise the exception is thrown (package-private for the tests of
     * its failure handling).
     */
    static <P extends MeasuredRadius> Outcome<P> loop(double[] epsilons, double criticalRadius, Step<P> step,
                                                      Progress<? super P> progress, boolean keepRows) {
        List<P> points = new ArrayList<>();
        double[] w = null;
        for (int k = 0; k < epsilons.length; k++) {
            double eps = epsilons[k];
            double ratio = eps / criticalRadius;
            long t0 = System.nanoTime();
            P point;
            try {
                point = step.at(eps, ratio, w);
            } catch (RuntimeException e) {
                if (!keepRows) {
                    throw e;
                }
                return new Outcome<>(points, new SweepResult.Failure(k, eps, ratio, e));
            }
            points.add(point);
            w = point.result().w();
            progress.radiusDone(k, epsilons.length, point, System.nanoTime() - t0);
        }
        return new Outcome<>(points, null);
    }

    /**
     * The radii eps of a grid, after checking every rule; nothing is trained before this passes. Radii are
     * counted from 1.
     *
     * @param formula eps_c as a formula, for the messages
     * @throws RadiusGridException naming the rule and the radius
     */
    static double[] radii(Grid grid, double criticalRadius, String formula) {
        double[] values = grid.values();
        String what = grid.ratios() ? "ratio eps/eps_c" : "radius eps";
        if (values == null || values.length == 0) {
            throw new RadiusGridException("give at least one " + what);
        }
        if (!(criticalRadius > 0)) {
            throw new RadiusGridException("the critical radius eps_c = " + formula + " is 0, so w*(eps) = 0 for "
                    + "every eps (prop:critical-radius); there is nothing to sweep");
        }
        int count = values.length;
        double[] eps = new double[count];
        for (int k = 0; k < count; k++) {
            double v = values[k];
            String which = what + " " + (k + 1) + " of " + count;
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new RadiusGridException(which + " is " + v + "; it must be a finite number >= 0");
            }
            eps[k] = grid.ratios() ? v * criticalRadius : v;
            double r = grid.ratios() ? v : v / criticalRadius;
            if (r >= 1) {
                throw new RadiusGridException(which + ": eps/eps_c = " + r + " (eps = " + eps[k] + ", eps_c = "
                        + formula + " = " + criticalRadius + ") is at or above the critical radius, where the "
                        + "trained weights are exactly w* = 0 (prop:critical-radius) and the Hessian does not "
                        + "exist; keep every radius below eps_c");
            }
            if (k > 0 && !(v > values[k - 1])) {
                throw new RadiusGridException("the " + what + " values must increase strictly (warm starts follow "
                        + "the grid), but " + which + " = " + v + " follows " + values[k - 1]);
            }
        }
        return eps;
    }
}
