package org.advsharp.checks.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.advsharp.checks.problems.ProblemGenerators;
import org.advsharp.data.Dataset;
import org.advsharp.data.SyntheticRegime;
import org.advsharp.property.Gen;

/**
 * The seeded problem families of the training experiments.
 *
 * <ul>
 *   <li>{@link #regimes}: the three {@link SyntheticRegime}s (separable, overlapping, planted margin)
 *       with N in [40, 100], d in [3, 10], lambda = 10^U(-4, -1), drawn from one seed;</li>
 *   <li>{@link #engineMixtures}: a shrinkable {@link Gen} for the property engine: the engine's
 *       Gaussian mixtures (noise sd in [0, 2], so from very well separated to heavily overlapping) with
 *       lambda = 10^t, t in [-4, -1] (t shrinks towards -1, that is lambda towards 0.1).</li>
 * </ul>
 */
public final class TrainedProblems {
    /** Smallest and largest log10 lambda of every family. */
    public static final double MIN_LOG_LAMBDA = -4;
    public static final double MAX_LOG_LAMBDA = -1;

    private TrainedProblems() {
    }

    /** How many problems {@link #regimes} draws: {@code perRegime} of each synthetic regime. */
    public static int count(int perRegime) {
        return perRegime * SyntheticRegime.values().length;
    }

    /** {@code perRegime} problems of each synthetic regime, in regime order. */
    public static List<TrainedProblem> regimes(long seed, int perRegime) {
        List<TrainedProblem> out = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(seed);
        for (SyntheticRegime regime : SyntheticRegime.values()) {
            for (int p = 0; p < perRegime; p++) {
                int n = 40 + rng.nextInt(61);
                int d = 3 + rng.nextInt(8);
                double lambda = Math.pow(10, MIN_LOG_LAMBDA + (MAX_LOG_LAMBDA - MIN_LOG_LAMBDA) * rng.nextDouble());
                Dataset data = regime.generate(rng.nextLong(), n, d);
                out.add(new TrainedProblem(regime.name().toLowerCase(Locale.ROOT).replace('_', ' '), data,
                        lambda));
            }
        }
        return out;
    }

    /** The engine's mixtures with N in [minN, maxN], d in [minD, maxD], and lambda = 10^t, t in [-4, -1]. */
    public static Gen<TrainedProblem> engineMixtures(int minN, int maxN, int minD, int maxD) {
        return ProblemGenerators.datasets(minN, maxN, minD, maxD).flatMap(data ->
                Gen.reals(MIN_LOG_LAMBDA, MAX_LOG_LAMBDA).map(t ->
                        new TrainedProblem("engine mixture", data, Math.pow(10, t))));
    }
}
