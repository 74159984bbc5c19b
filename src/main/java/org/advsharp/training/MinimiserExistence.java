package org.advsharp.training;

import static org.advsharp.numerics.Vectors.norm;

import org.advsharp.data.Dataset;
import org.advsharp.data.LinearSeparability;
import org.advsharp.numerics.Vectors;

/**
 * Certificates that an objective F = L + (lambda/2)||w||^2 has NO minimiser (prop:separable-divergence).
 *
 * <ul>
 *   <li>Before training, for eps = 0 and lambda = 0 on data sets small enough for the LP to answer within
 *       seconds (at most {@link #LP_ROW_LIMIT} rows, {@link #LP_MAX_DIMENSION} features and
 *       {@link #LP_MAX_ENTRIES} entries N d): the separability LP ({@link LinearSeparability}); strictly
 *       separable data have no minimiser. Larger data go straight to training, where the next certificate
 *       answers as soon as an iterate separates the data.</li>
 *   <li>During training, for lambda = 0 and any eps: if every margin at an iterate is positive, the ray
 *       through it drives F to 0 (margins are positively homogeneous), so F has no minimiser. Every
 *       minimising sequence of separable data reaches such a point, because F(w) < log(2)/N forces every
 *       softplus(-m_n) < log 2, that is every m_n > 0.</li>
 * </ul>
 * Quasi-complete separation (a positive infimum that is not attained) is not detected.
 */
public final class MinimiserExistence {
    /** Above this many rows the LP tableau (about N^2 doubles) is too big; the runtime certificate remains. */
    public static final int LP_ROW_LIMIT = 2000;
    /**
     * Above this many features the LP is skipped: Commons Math's dense simplex on N = 200 Fashion-MNIST rows of
     * d = 784 took 52 s, against 0.2 s for N = 300, d = 100 and 0.3 s for the bundled breast-cancer data
     * (N = 569, d = 30), all single-threaded.
     */
    public static final int LP_MAX_DIMENSION = 100;
    /**
     * Above this many entries N d the LP is skipped: N = 2000, d = 64 took 46 s of CPU, N = 2000, d = 10 took
     * 4 s; the bundled digits (N = 360, d = 64, 23,040 entries) stay below it.
     */
    public static final int LP_MAX_ENTRIES = 30_000;

    private MinimiserExistence() {
    }

    /** Throws if the objective is certified to have no minimiser before any training. */
    public static void requireBeforeTraining(TrainingObjective objective) {
        Dataset data = objective.data();
        if (objective.lambda() > 0 || objective.epsilon() > 0 || data.size() > LP_ROW_LIMIT
                || data.dimension() > LP_MAX_DIMENSION || (long) data.size() * data.dimension() > LP_MAX_ENTRIES
                || !(objective instanceof AdversarialObjective
                || objective instanceof KernelObjective k && k.reference() instanceof AdversarialObjective)) {
            return;
        }
        LinearSeparability.Result r = LinearSeparability.of(objective.data());
        if (r.separable()) {
            throw new NoFiniteMinimiserException("no finite minimiser (prop:separable-divergence): the data are "
                    + "strictly linearly separable (LP margin " + r.lpMargin() + ", witness L2 margin " + r.l2Margin()
                    + "), eps = 0 and lambda = 0, so the loss tends to 0 along the separating ray and ||w|| -> "
                    + "infinity; weight decay (lambda > 0) gives one");
        }
    }

    /** Throws if lambda = 0 and every margin at w is positive (the ray certificate). */
    public static void requireNotDivergingAt(TrainingObjective objective, double[] w, int iteration) {
        if (objective.lambda() > 0 || Vectors.isZero(w)) {
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        for (double m : objective.margins(w)) {
            min = Math.min(min, m);
        }
        if (min > 0) {
            throw new NoFiniteMinimiserException("no finite minimiser (prop:separable-divergence): at iteration "
                    + iteration + " every margin is positive (smallest " + min + ") with lambda = 0, so the "
                    + "objective decreases to 0 along the ray t*w, t -> infinity, and is positive everywhere; "
                    + "||w|| = " + norm(w) + " would grow without bound; weight decay (lambda > 0) gives one");
        }
    }
}
