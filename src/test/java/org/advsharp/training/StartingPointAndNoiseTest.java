package org.advsharp.training;

import static org.advsharp.numerics.Vectors.dot;
import static org.advsharp.numerics.Vectors.norm;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.advsharp.data.Dataset;
import org.advsharp.data.SyntheticRegime;
import org.advsharp.oracle.CriticalRadius;
import org.junit.jupiter.api.Test;

class StartingPointAndNoiseTest {
    private static final Dataset DATA = SyntheticRegime.OVERLAPPING.generate(21, 50, 3);

    @Test
    void leaveKinkIsNonzeroBelowTheKinkValueAndAlongMeanSignedInput() {
        double epsC = CriticalRadius.of(DATA);
        for (double ratio : new double[] {0.0, 0.5, 0.999}) {
            TrainingObjective f = TrainingObjective.adversarial(DATA, ratio * epsC, 1e-3);
            double[] w = StartingPoint.leaveKink(f);
            assertTrue(norm(w) > 0);
            assertTrue(f.value(w) < f.value(new double[3]), "ratio " + ratio);
            double[] mu = CriticalRadius.meanSignedInput(DATA);
            double cos = dot(w, mu) / (norm(w) * norm(mu));
            assertEquals(1.0, cos, TrainingTolerances.ROUNDING);
        }
    }

    @Test
    void leaveKinkRefusesAtAndAboveTheCriticalRadius() {
        double epsC = CriticalRadius.of(DATA);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StartingPoint.leaveKink(TrainingObjective.adversarial(DATA, 1.01 * epsC, 1e-3)));
        assertTrue(e.getMessage().contains("w* = 0"), e.getMessage());
    }

    @Test
    void noiseDirectionsAreSeededUnitVectorsAndNoiseHasNormEps() {
        double[][] v = RandomNoise.unitDirections(4, 30, 5);
        assertArrayEquals(v[7], RandomNoise.unitDirections(4, 30, 5)[7]);
        for (double[] row : v) {
            assertEquals(1.0, norm(row), TrainingTolerances.ROUNDING);
        }
        for (double[] row : RandomNoise.noise(v, 0.3)) {
            assertEquals(0.3, norm(row), TrainingTolerances.ROUNDING);
        }
        assertThrows(IllegalArgumentException.class, () -> RandomNoise.noise(v, -1));
    }

    @Test
    void randomNoiseAtZeroRadiusIsTheCleanObjective() {
        double[] w = {0.3, -0.2, 0.5};
        assertEquals(TrainingObjective.adversarial(DATA, 0, 0.01).value(w),
                RandomNoise.objective(DATA, 0.0, 0.01, 3).value(w), TrainingTolerances.ROUNDING);
    }
}
