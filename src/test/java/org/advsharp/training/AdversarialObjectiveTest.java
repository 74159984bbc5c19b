package org.advsharp.training;

import static org.advsharp.numerics.Vectors.dot;
import static org.advsharp.numerics.Vectors.norm;
import static org.advsharp.training.TrainingTolerances.FD_AGREEMENT;
import static org.advsharp.training.TrainingTolerances.FD_STEP;
import static org.advsharp.training.TrainingTolerances.ROUNDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.advsharp.data.Dataset;
import org.advsharp.data.SyntheticRegime;
import org.advsharp.oracle.StationarityResiduals;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class AdversarialObjectiveTest {
    private static final Dataset DATA = SyntheticRegime.OVERLAPPING.generate(17, 40, 3);
    private static final double[] W = {0.7, -0.4, 0.25};

    static double[] centralGradient(TrainingObjective f, double[] w) {
        double[] g = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            double[] p = w.clone();
            double[] m = w.clone();
            p[j] += FD_STEP;
            m[j] -= FD_STEP;
            g[j] = (f.value(p) - f.value(m)) / (2 * FD_STEP);
        }
        return g;
    }

    @Test
    void gradientMatchesCentralDifferencesOfTheValue() {
        for (TrainingObjective f : new TrainingObjective[] {TrainingObjective.adversarial(DATA, 0.3, 0.01),
                TrainingObjective.adversarial(DATA, 0.0, 0.0), RandomNoise.objective(DATA, 0.4, 0.02, 5),
                TrainingObjective.linf(DATA, 0.1, 0.01)}) {
            double[] fd = centralGradient(f, W);
            double[] g = f.gradient(W);
            for (int j = 0; j < W.length; j++) {
                assertEquals(fd[j], g[j], FD_AGREEMENT, f.description() + ", component " + j);
            }
        }
    }

    @Test
    void hessianMatchesCentralDifferencesOfTheGradient() {
        for (TrainingObjective f : new TrainingObjective[] {TrainingObjective.adversarial(DATA, 0.3, 0.01),
                RandomNoise.objective(DATA, 0.4, 0.02, 5), TrainingObjective.linf(DATA, 0.1, 0.01)}) {
            DMatrixRMaj h = f.hessian(W);
            for (int j = 0; j < W.length; j++) {
                double[] p = W.clone();
                double[] m = W.clone();
                p[j] += FD_STEP;
                m[j] -= FD_STEP;
                double[] gp = f.gradient(p);
                double[] gm = f.gradient(m);
                for (int i = 0; i < W.length; i++) {
                    assertEquals((gp[i] - gm[i]) / (2 * FD_STEP), h.get(i, j), FD_AGREEMENT,
                            f.description() + ", entry " + i + "," + j);
                }
            }
        }
    }

    @Test
    void residualsSplitTheGradientAlongAndAcrossW() {
        TrainingObjective f = TrainingObjective.adversarial(DATA, 0.3, 0.05);
        StationarityResiduals r = f.residuals(W).orElseThrow();
        double[] g = f.gradient(W);
        double norm = norm(W);
        assertEquals(-dot(W, g), r.radial(), ROUNDING, "radial residual = -w^T g");
        double along = dot(g, W) / norm;
        assertEquals(Math.sqrt(Math.max(0, dot(g, g) - along * along)), r.tangentialNorm(), ROUNDING);
        assertEquals(norm(g), r.gradientNorm(), ROUNDING);
    }

    @Test
    void kinkAtZeroIsRejectedOnlyWhenEpsIsPositive() {
        double[] zero = new double[3];
        assertThrows(IllegalArgumentException.class,
                () -> TrainingObjective.adversarial(DATA, 0.2, 0).gradient(zero));
        assertEquals(3, TrainingObjective.adversarial(DATA, 0.0, 0).gradient(zero).length);
    }

    @Test
    void nonAdversarialObjectivesHaveNoResiduals() {
        assertEquals(false, RandomNoise.objective(DATA, 0.4, 0.02, 5).residuals(W).isPresent());
    }
}
