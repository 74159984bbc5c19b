package org.advsharp.checks.losses;

import java.util.Locale;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Counterexample;
import org.advsharp.check.Evidence;
import org.advsharp.check.Reproduction;
import org.advsharp.oracle.CriticalRadius;
import org.advsharp.oracle.MarginAdversarialLoss;
import org.advsharp.oracle.MarginLoss;

/**
 * conj:margin-loss-kappa-at-optimum-monotone, one search per loss (exponential and probit): on
 * {@value #SWEEP_PROBLEMS} weight-decayed Gaussian mixtures ({@link DecayedMixture}, seeds from the check's
 * own), kappa at the Newton-trained weights along eps/eps_c = {@link #SWEEP}; a fall by more than
 * {@link DecayedMixture#KAPPA_FALL} relative is a counterexample, and sweeps Newton did not certify leave the
 * check INCONCLUSIVE.
 *
 * @param loss the loss searched
 */
record MarginLossKappaAtOptimumMonotone(MarginLoss loss) implements Check {
    private static final int SWEEP_PROBLEMS = 40;
    /** The sweep of conj:margin-loss-kappa-at-optimum-monotone, as for the logistic conjecture. */
    private static final double[] SWEEP = {0, 0.1, 0.25, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95};

    @Override
    public String id() {
        return "margin-loss-kappa-at-optimum-rises-" + loss.name();
    }

    @Override
    public String claimId() {
        return "conj:margin-loss-kappa-at-optimum-monotone";
    }

    @Override
    public String title() {
        return loss.name() + " loss: kappa(w*(eps)) rises along eps/eps_c = 0, 0.1, ..., 0.95 (search)";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        long seed = context.seed();
        int problems = context.tries(SWEEP_PROBLEMS);
        int certified = 0;
        for (int p = 0; p < problems; p++) {
            DecayedMixture problem = DecayedMixture.of(seed + p);
            double[] kappa = kappaSweep(problem);
            if (kappa == null) {
                continue;
            }
            certified++;
            for (int k = 1; k < kappa.length; k++) {
                if (kappa[k - 1] - kappa[k] > DecayedMixture.KAPPA_FALL * kappa[k - 1]) {
                    String text = String.format(Locale.ROOT, "%s loss, problem seed %d: kappa falls from %.6g at eps/eps_c = %s "
                            + "to %.6g at %s", loss.name(), problem.seed(), kappa[k - 1], SWEEP[k - 1], kappa[k], SWEEP[k]);
                    evidence.counterexample(new Counterexample(text, "DecayedMixture.of(" + problem.seed() + "L)",
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
    private double[] kappaSweep(DecayedMixture problem) {
        double epsC = CriticalRadius.of(problem.data());
        double[] kappa = new double[SWEEP.length];
        for (int k = 0; k < SWEEP.length; k++) {
            double eps = SWEEP[k] * epsC;
            double[] w = problem.train(loss, eps);
            if (w == null) {
                return null;
            }
            kappa[k] = new MarginAdversarialLoss(problem.data(), loss, eps).hessian(w).kappa();
        }
        return kappa;
    }
}
