package org.advsharp.training;

import static org.advsharp.numerics.Vectors.norm;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.advsharp.data.Dataset;
import org.advsharp.data.GaussianMixture;
import org.advsharp.data.SyntheticRegime;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.CriticalRadius;
import org.junit.jupiter.api.Test;

class LbfgsTrainerTest {
    /**
     * Slack on the strong-convexity bound ||w_a - w_b|| <= (||g_a|| + ||g_b||) / lambda: the bound is exact
     * in real arithmetic; a factor 1.01 plus 1e-13 absorbs the rounding of the norms themselves.
     */
    private static final double BOUND_SLACK = 1.01;
    private static final double BOUND_FLOOR = 1e-13;

    private static void assertAgree(TrainingObjective f) {
        TrainingResult newton = new NewtonTrainer().train(f);
        TrainingResult lbfgs = new LbfgsTrainer().train(f);
        assertTrue(newton.converged(), newton.stopReason());
        assertTrue(lbfgs.converged(), lbfgs.stopReason());
        double distance = norm(Vectors.plus(newton.w(), -1, lbfgs.w()));
        double bound = (newton.gradientNorm() + lbfgs.gradientNorm()) / f.lambda();
        assertTrue(distance <= BOUND_SLACK * bound + BOUND_FLOOR, f.description() + ": ||w_lbfgs - w_newton|| = "
                + distance + " exceeds the strong-convexity bound " + bound);
    }

    @Test
    void agreesWithNewtonOnSmallProblems() {
        for (SyntheticRegime regime : SyntheticRegime.values()) {
            Dataset data = regime.generate(5, 80, 6);
            double epsC = CriticalRadius.of(data);
            for (double ratio : new double[] {0.0, 0.5, 0.9}) {
                assertAgree(TrainingObjective.adversarial(data, ratio * epsC, 1e-2));
            }
        }
    }

    @Test
    void agreesWithNewtonAtModerateDimension() {
        Dataset data = GaussianMixture.sample(3, 400, 100, 2, 1);
        assertAgree(TrainingObjective.adversarial(data, 0.5 * CriticalRadius.of(data), 1e-3));
    }

    @Test
    void agreesWithNewtonOnRandomNoiseAndLinfObjectives() {
        Dataset data = SyntheticRegime.OVERLAPPING.generate(6, 80, 4);
        assertAgree(RandomNoise.objective(data, 0.3, 1e-2, 11));
        assertAgree(TrainingObjective.linf(LinfProblems.everyFeatureInformative(6, 80, 4, 0.7), 0.05, 1e-2));
    }
}
