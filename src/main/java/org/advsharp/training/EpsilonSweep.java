package org.advsharp.training;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import org.advsharp.data.Dataset;
import org.advsharp.oracle.CriticalRadius;

/**
 * Trains w*(eps) over a grid of radii given as fractions r = eps/eps_c of the critical radius
 * eps_c = ||mean(y x)|| (prop:critical-radius), always reporting eps/eps_c.
 *
 * <p>Refuses r >= 1: there w*(eps) = 0 exactly, where the adversarial loss has its kink and no Hessian,
 * so no sharpness can be measured. Grids must be strictly increasing in [0, 1). The first radius starts
 * from {@link StartingPoint#leaveKink} (the minimiser along mean(y x) from w = 0); every later radius
 * is warm-started from the previous radius's w*.
 */
public final class EpsilonSweep {
    /** How a sweep starts, for reports. */
    public static final String START_RULE = "first radius: minimiser of F along t*mean(y x), t > 0 (w = 0 is a "
            + "kink); later radii: warm start from the previous w*";

    private EpsilonSweep() {
    }

    /** The L2 adversarial sweep of L_eps(w) + (lambda/2)||w||^2. */
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
     * The general sweep: {@code objectiveAt} maps eps to the objective to train.
     *
     * @throws IllegalArgumentException for a ratio outside [0, 1), a grid that is not increasing, or eps_c = 0
     */
    public static SweepResult run(String kind, Dataset data, double[] ratios,
                                  DoubleFunction<TrainingObjective> objectiveAt, double lambda, Trainer trainer) {
        double criticalRadius = CriticalRadius.of(data);
        validate(ratios, criticalRadius);
        List<SweepPoint> points = new ArrayList<>();
        double[] w = null;
        for (double r : ratios) {
            double eps = r * criticalRadius;
            TrainingObjective objective = objectiveAt.apply(eps);
            TrainingResult result = w == null ? trainer.train(objective) : trainer.train(objective, w);
            points.add(new SweepPoint(eps, r, objective, result));
            w = result.w();
        }
        return new SweepResult(kind, criticalRadius, lambda, trainer.name(), START_RULE, points);
    }

    private static void validate(double[] ratios, double criticalRadius) {
        if (ratios == null || ratios.length == 0) {
            throw new IllegalArgumentException("eps sweep: give at least one ratio eps/eps_c");
        }
        if (criticalRadius == 0) {
            throw new IllegalArgumentException("eps sweep: eps_c = ||mean(y x)|| = 0, so w*(eps) = 0 for every eps "
                    + "(prop:critical-radius); there is nothing to sweep");
        }
        for (int k = 0; k < ratios.length; k++) {
            double r = ratios[k];
            if (!(r >= 0) || !Double.isFinite(r)) {
                throw new IllegalArgumentException("eps sweep: ratio eps/eps_c number " + k + " is " + r
                        + "; it must be a finite number >= 0");
            }
            if (r >= 1) {
                throw new IllegalArgumentException("eps sweep: eps/eps_c = " + r + " (eps = " + r * criticalRadius
                        + ", eps_c = " + criticalRadius + ") is at or above the critical radius, where the trained "
                        + "weights are exactly w* = 0 (prop:critical-radius) and the Hessian does not exist; "
                        + "keep every radius below eps_c");
            }
            if (k > 0 && !(r > ratios[k - 1])) {
                throw new IllegalArgumentException("eps sweep: ratios must increase strictly (warm starts follow the "
                        + "grid), but ratio " + k + " = " + r + " follows " + ratios[k - 1]);
            }
        }
    }
}
