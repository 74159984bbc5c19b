package org.advsharp.training;

import static org.advsharp.training.TrainingTolerances.ROUNDING;
import static org.advsharp.training.TrainingTolerances.TRAINED_GRADIENT;
import static org.advsharp.training.TrainingTolerances.TRAINED_RESIDUAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.advsharp.data.Dataset;
import org.advsharp.data.SyntheticRegime;
import org.advsharp.oracle.CriticalRadius;
import org.advsharp.oracle.Logistic;
import org.advsharp.oracle.StationarityResiduals;
import org.junit.jupiter.api.Test;

class NewtonTrainerTest {
    /** Newton's local quadratic convergence: these small problems need well under this many steps. */
    private static final int FEW_STEPS = 25;

    /**
     * Distance to the exact minimiser: F is lambda-strongly convex, so ||w - w*|| <= ||grad F(w)|| / lambda;
     * with ||grad F|| <= 1e-12 and lambda = 0.1 that is 1e-11 (the bisection reference is exact to ulps).
     */
    private static final double DISTANCE_TO_EXACT = 1e-11;

    /** Two points with y x = (1, +-0.5): by symmetry w* = (t*, 0) with (1 - eps) sigma(-(1 - eps) t*) = lambda t*. */
    private static final Dataset SYMMETRIC = Dataset.of(new double[][] {{1, 0.5}, {-1, 0.5}}, new double[] {1, -1});

    private static double exactSymmetricMinimiser(double eps, double lambda) {
        double a = 1 - eps;
        double lo = 0;
        double hi = a / lambda;
        for (int k = 0; k < 200; k++) {
            double mid = 0.5 * (lo + hi);
            if (a * Logistic.sigmoid(-a * mid) - lambda * mid > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    @Test
    void reachesTheExactMinimiserOfASymmetricProblem() {
        double lambda = 0.1;
        for (double eps : new double[] {0.0, 0.3, 0.8}) {
            TrainingResult r = new NewtonTrainer().train(TrainingObjective.adversarial(SYMMETRIC, eps, lambda));
            assertTrue(r.converged(), r.stopReason());
            assertEquals(exactSymmetricMinimiser(eps, lambda), r.w()[0], DISTANCE_TO_EXACT, "eps " + eps);
            assertEquals(0.0, r.w()[1], DISTANCE_TO_EXACT, "eps " + eps);
        }
    }

    @Test
    void convergesToTheToleranceWithSmallResidualsOnEveryRegime() {
        for (SyntheticRegime regime : SyntheticRegime.values()) {
            Dataset data = regime.generate(3, 60, 5);
            for (double ratio : new double[] {0.0, 0.3, 0.7, 0.95}) {
                double eps = ratio * CriticalRadius.of(data);
                TrainingResult r = new NewtonTrainer().train(TrainingObjective.adversarial(data, eps, 1e-3));
                String where = regime + " eps/eps_c " + ratio;
                assertTrue(r.converged(), where + ": " + r.stopReason());
                assertTrue(r.gradientNorm() <= TRAINED_GRADIENT, where);
                assertTrue(r.iterations() <= FEW_STEPS, where + ": " + r.iterations() + " steps");
                StationarityResiduals res = r.residuals().orElseThrow();
                assertEquals(0.0, res.radial(), TRAINED_RESIDUAL, where);
                assertEquals(0.0, res.tangentialNorm(), TRAINED_RESIDUAL, where);
            }
        }
    }

    @Test
    void traceIsMonotoneAndEndsAtTheResult() {
        Dataset data = SyntheticRegime.OVERLAPPING.generate(4, 50, 4);
        TrainingResult r = new NewtonTrainer().train(TrainingObjective.adversarial(data, 0.2, 0.01));
        for (int k = 1; k < r.trace().size(); k++) {
            assertTrue(r.trace().get(k).loss() <= r.trace().get(k - 1).loss() + ROUNDING, "loss rose at step " + k);
        }
        Iterate last = r.trace().get(r.trace().size() - 1);
        assertEquals(r.loss(), last.loss());
        assertEquals(r.gradientNorm(), last.gradientNorm());
        assertEquals(0.0, last.stepLength());
    }

    @Test
    void resultIsAGlobalMinimiserAgainstRandomPerturbations() {
        Dataset data = SyntheticRegime.PLANTED_MARGIN.generate(9, 50, 4);
        TrainingObjective f = TrainingObjective.adversarial(data, 0.5, 0.01);
        TrainingResult r = new NewtonTrainer().train(f);
        double best = f.value(r.w());
        SplittableRandom rng = new SplittableRandom(1);
        for (int k = 0; k < 200; k++) {
            double scale = Math.pow(10, -1 - rng.nextInt(6));
            double[] w = r.w();
            for (int j = 0; j < w.length; j++) {
                w[j] += scale * rng.nextGaussian();
            }
            assertTrue(f.value(w) >= best - ROUNDING, "perturbation of size " + scale + " lowered F");
        }
    }

    @Test
    void separableDataWithoutWeightDecayHaveNoMinimiser() {
        Dataset data = SyntheticRegime.SEPARABLE.generate(2, 40, 3);
        NoFiniteMinimiserException e = assertThrows(NoFiniteMinimiserException.class,
                () -> new NewtonTrainer().train(TrainingObjective.adversarial(data, 0.0, 0.0)));
        assertTrue(e.getMessage().contains("prop:separable-divergence"), e.getMessage());
        assertTrue(e.getMessage().contains("strictly linearly separable"), e.getMessage());
    }

    @Test
    void runtimeCertificateCatchesDivergenceAtPositiveEps() {
        Dataset data = SyntheticRegime.PLANTED_MARGIN.generate(2, 40, 3);
        NoFiniteMinimiserException e = assertThrows(NoFiniteMinimiserException.class,
                () -> new NewtonTrainer().train(TrainingObjective.adversarial(data, 0.05, 0.0)));
        assertTrue(e.getMessage().contains("every margin is positive"), e.getMessage());
    }

    @Test
    void overlappingDataWithoutWeightDecayHaveAFiniteMinimiser() {
        Dataset data = SyntheticRegime.OVERLAPPING.generate(2, 80, 3);
        TrainingResult r = new NewtonTrainer().train(TrainingObjective.adversarial(data, 0.0, 0.0));
        assertTrue(r.converged(), r.stopReason());
        assertTrue(r.gradientNorm() <= TRAINED_GRADIENT);
    }

    @Test
    void badStartsAreRejectedByName() {
        TrainingObjective f = TrainingObjective.adversarial(SYMMETRIC, 0.3, 0.1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new NewtonTrainer().train(f, new double[2]))
                .getMessage().contains("kink"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new NewtonTrainer().train(f, new double[3]))
                .getMessage().contains("d = 2"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new NewtonTrainer().train(f, new double[] {1, Double.NaN})).getMessage().contains("finite"));
        assertThrows(IllegalArgumentException.class, () -> new NewtonTrainer(0, 10));
    }

    @Test
    void aStartAboveTheKinkValueIsReplacedSoNewtonAvoidsTheKink() {
        Dataset data = SyntheticRegime.OVERLAPPING.generate(8, 60, 4);
        double epsC = CriticalRadius.of(data);
        TrainingObjective f = TrainingObjective.adversarial(data, 0.99 * epsC, 1e-3);
        double[] far = {30, -30, 30, -30};
        assertFalse(f.value(far) < f.value(new double[4]));
        TrainingResult r = new NewtonTrainer().train(f, far);
        assertTrue(r.converged(), r.stopReason());
    }

    @Test
    void iterationLimitIsReportedAsNotConverged() {
        Dataset data = SyntheticRegime.OVERLAPPING.generate(4, 50, 4);
        TrainingResult r = new NewtonTrainer(1e-12, 1).train(TrainingObjective.adversarial(data, 0.2, 0.01));
        assertFalse(r.converged());
        assertTrue(r.stopReason().contains("iteration limit"), r.stopReason());
    }
}
