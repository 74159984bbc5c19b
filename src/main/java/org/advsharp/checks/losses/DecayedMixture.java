package org.advsharp.checks.losses;

import java.util.SplittableRandom;
import org.advsharp.data.Dataset;
import org.advsharp.data.GaussianMixture;
import org.advsharp.oracle.MarginLoss;
import org.advsharp.training.NewtonTrainer;
import org.advsharp.training.StartingPoint;
import org.advsharp.training.TrainingObjective;
import org.advsharp.training.TrainingResult;

/**
 * A seeded weight-decayed Gaussian mixture, the problem of the trained-weights claims of proofs/losses.md
 * (prop:margin-loss-critical-radius, conj:margin-loss-kappa-at-optimum-monotone): N in [20, 99], d in [2, 9],
 * noise sd in [0.5, 2], lambda = 10^t, t in [-3, -1]; and its Newton-trained weights.
 *
 * @param data   the mixture
 * @param lambda the weight decay
 * @param seed   the seed it was drawn from
 */
record DecayedMixture(Dataset data, double lambda, long seed) {
    /** A fall of kappa by more than this relative amount is a counterexample (the trained weights are exact to about 1e-12/lambda). */
    static final double KAPPA_FALL = 1e-6;

    /** The problem drawn from {@code seed}. */
    static DecayedMixture of(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 20 + random.nextInt(80);
        int d = 2 + random.nextInt(8);
        double sd = 0.5 + 1.5 * random.nextDouble();
        double lambda = Math.pow(10, -3 + 2 * random.nextDouble());
        return new DecayedMixture(GaussianMixture.sample(random.nextLong(), n, d, 1.0, sd), lambda, seed);
    }

    /** Newton from the minimiser along mu at radius {@code eps}; null when it does not certify ||grad F|| <= 1e-12. */
    double[] train(MarginLoss loss, double eps) {
        TrainingObjective objective = TrainingObjective.adversarial(data, loss, eps, lambda);
        TrainingResult result = new NewtonTrainer().train(objective, StartingPoint.leaveKink(objective));
        return result.converged() ? result.w() : null;
    }
}
