package org.advsharp.training;

import java.util.Optional;
import org.advsharp.data.Dataset;
import org.advsharp.oracle.MarginLoss;
import org.advsharp.oracle.StationarityResiduals;
import org.ejml.data.DMatrixRMaj;

/**
 * A convex training objective F(w) = L(w) + (lambda/2) ||w||^2 of a linear logistic model, with the
 * analytic gradient and Hessian the trainers need. Three kinds, one per training regime of THEORY
 * section 5:
 *
 * <ul>
 *   <li>{@link #adversarial}: L = L_eps, the L2 adversarial loss (attack recomputed at every w;
 *       Hessian H + lambda I with the direction term kappa P);</li>
 *   <li>{@link #randomNoise}: the clean loss on inputs x_n + noise_n held fixed (no direction term);</li>
 *   <li>{@link #linf}: the Linf adversarial loss (margins y w^T x - eps ||w||_1; no direction term).</li>
 * </ul>
 */
public interface TrainingObjective {

    /** One line naming the objective and its parameters. */
    String description();

    /** The training data (clean inputs). */
    Dataset data();

    /** The attack or noise radius eps. */
    double epsilon();

    /** The weight decay lambda >= 0. */
    double lambda();

    /** F(w); defined at every w, including w = 0. */
    double value(double[] w);

    /** grad F(w); may reject a kink (w = 0 for L2 with eps > 0, a zero component for Linf). */
    double[] gradient(double[] w);

    /** The Hessian of F at w (fresh matrix). */
    DMatrixRMaj hessian(double[] w);

    /**
     * The margins whose common positivity at lambda = 0 certifies that F has no minimiser: each kind's
     * margins are positively homogeneous in w, so if all are > 0 at w then F(t w) decreases to 0 as
     * t grows while F > 0 everywhere (prop:separable-divergence).
     */
    double[] margins(double[] w);

    /** A direction of steepest or near-steepest descent at w = 0, used to leave the kink (see StartingPoint). */
    double[] descentDirectionAtZero();

    /** Stationarity residuals of prop:stationarity; present only for the L2 adversarial objective. */
    default Optional<StationarityResiduals> residuals(double[] w) {
        return Optional.empty();
    }

    /** The L2 adversarial objective L_eps(w) + (lambda/2)||w||^2 (prop:stationarity, prop:critical-radius). */
    static TrainingObjective adversarial(Dataset data, double epsilon, double lambda) {
        return new AdversarialObjective(data, epsilon, lambda);
    }

    /** The L2 adversarial objective of the margin loss l, L_eps(w) + (lambda/2)||w||^2. */
    static TrainingObjective adversarial(Dataset data, MarginLoss loss, double epsilon, double lambda) {
        return new AdversarialObjective(data, loss, epsilon, lambda);
    }

    /** The clean objective at fixed noisy inputs x_n + noise_n, plus (lambda/2)||w||^2 (prop:random-noise). */
    static TrainingObjective randomNoise(Dataset data, double[][] noise, double epsilon, double lambda) {
        return new RandomNoiseObjective(data, noise, epsilon, lambda);
    }

    /** The Linf adversarial objective plus (lambda/2)||w||^2 (prop:linf-no-direction-term). */
    static TrainingObjective linf(Dataset data, double epsilon, double lambda) {
        return new LinfObjective(data, epsilon, lambda);
    }
}
