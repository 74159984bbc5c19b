package org.advsharp.training;

import static org.advsharp.numerics.Vectors.norm;

import org.advsharp.data.LinearSeparability;
import org.advsharp.numerics.Vectors;

/**
 * Certificates that an objective F = L + (lambda/2)||w||^2 has NO minimiser (prop:separable-divergence).
 *
 * <ul>
 *   <li>Before training, for eps = 0 and lambda = 0 on data sets of at most {@link #LP_ROW_LIMIT} rows:
 *       the separability LP ({@link LinearSeparability}); strictly separable data have no minimiser.</li>
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

    private MinimiserExistence() {
    }

    /** Throws if the objective is certified to have no minimiser before any training. */
    public static void requireBeforeTraining(TrainingObjective objective) {
        if (objective.lambda() > 0 || objective.epsilon() > 0 || objective.data().size() > LP_ROW_LIMIT
                || !(objective instanceof AdversarialObjective
                || objective instanceof KernelObjective k && k.reference() instanceof AdversarialObjective)) {
            return;
        }
        LinearSeparability.Result r = LinearSeparability.of(objective.data());
        if (r.separable()) {
            throw new NoFiniteMinimiserException("no finite minimiser (prop:separable-divergence): the data are "
                    + "strictly linearly separable (LP margin " + r.lpMargin() + ", witness L2 margin " + r.l2Margin()
                    + "), eps = 0 and lambda = 0, so the loss tends to 0 along the separating ray and ||w|| -> "
                    + "infinity; add weight decay (lambda > 0) or use eps > 0 with a check");
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
                    + "||w|| = " + norm(w) + " would grow without bound. Add weight decay (lambda > 0).");
        }
    }
}
