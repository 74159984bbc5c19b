package org.advsharp.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.advsharp.data.Dataset;
import org.advsharp.data.SyntheticRegime;
import org.advsharp.oracle.CriticalRadius;
import org.junit.jupiter.api.Test;

class EpsilonSweepTest {
    private static final Dataset DATA = SyntheticRegime.OVERLAPPING.generate(12, 60, 4);
    private static final double[] GRID = {0.0, 0.25, 0.5, 0.75, 0.95};

    @Test
    void reportsRatiosAndRadiiAndConvergesEverywhere() {
        SweepResult s = EpsilonSweep.adversarial(DATA, 1e-3, GRID, new NewtonTrainer());
        double epsC = CriticalRadius.of(DATA);
        assertEquals(epsC, s.criticalRadius());
        assertArrayEquals(GRID, s.ratios());
        for (SweepPoint p : s.points()) {
            assertEquals(p.ratio() * epsC, p.epsilon());
            assertEquals(p.epsilon(), p.objective().epsilon());
        }
        assertTrue(s.allConverged());
        assertTrue(s.maxGradientNorm() <= TrainingTolerances.TRAINED_GRADIENT);
        assertTrue(s.startRule().contains("warm start"));
    }

    @Test
    void weightNormFallsToZeroTowardsTheCriticalRadius() {
        SweepResult s = EpsilonSweep.adversarial(DATA, 1e-3, new double[] {0.9, 0.99, 0.999}, new NewtonTrainer());
        double previous = Double.POSITIVE_INFINITY;
        for (SweepPoint p : s.points()) {
            assertTrue(p.result().weightNorm() < previous, "||w*|| did not fall at eps/eps_c " + p.ratio());
            previous = p.result().weightNorm();
        }
    }

    @Test
    void refusesRadiiAtOrAboveTheCriticalRadius() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EpsilonSweep.adversarial(DATA, 1e-3, new double[] {0.5, 1.0}, new NewtonTrainer()));
        assertTrue(e.getMessage().contains("eps/eps_c = 1.0"), e.getMessage());
        assertTrue(e.getMessage().contains("w* = 0"), e.getMessage());
    }

    @Test
    void refusesBadGrids() {
        NewtonTrainer t = new NewtonTrainer();
        assertThrows(IllegalArgumentException.class, () -> EpsilonSweep.adversarial(DATA, 0, new double[0], t));
        assertThrows(IllegalArgumentException.class, () -> EpsilonSweep.adversarial(DATA, 0, new double[] {-0.1}, t));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> EpsilonSweep.adversarial(DATA, 0, new double[] {0.5, 0.5}, t)).getMessage()
                .contains("increase strictly"));
        Dataset balanced = Dataset.of(new double[][] {{1, 0}, {1, 0}}, new double[] {1, -1});
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> EpsilonSweep.adversarial(balanced, 0.1, new double[] {0.5}, t)).getMessage()
                .contains("eps_c"));
    }

    @Test
    void randomNoiseAndLinfSweepsRun() {
        SweepResult noise = EpsilonSweep.randomNoise(DATA, 1e-2, GRID, 7, new NewtonTrainer());
        assertTrue(noise.allConverged());
        assertTrue(noise.kind().contains("fixed per sample"));
        SweepResult linf = EpsilonSweep.trained(Ball.LINF, LinfProblems.everyFeatureInformative(3, 80, 4, 0.7), 1e-2,
                EpsilonSweep.Grid.ofRatios(0.0, 0.05, 0.1), new NewtonTrainer());
        assertTrue(linf.allConverged());
    }
}
