package org.advsharp.landscape;

import static org.advsharp.landscape.LandscapeTolerances.SAME_FORMULA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.advsharp.data.Dataset;
import org.advsharp.data.SyntheticRegime;
import org.advsharp.training.NewtonTrainer;
import org.advsharp.training.TrainingObjective;
import org.advsharp.training.TrainingResult;
import org.junit.jupiter.api.Test;

/** Loss curves of the linear model along filter-normalised random directions. */
class LinearLossCurvesTest {
    private static final Dataset DATA = SyntheticRegime.OVERLAPPING.generate(41, 80, 8);
    private static final double EPS = 0.3;
    private static final double LAMBDA = 0.01;
    private static final double[] W_STAR = trained();

    private static double[] trained() {
        TrainingResult r = new NewtonTrainer().train(TrainingObjective.adversarial(DATA, EPS, LAMBDA));
        return r.w();
    }

    @Test
    void lossCurvesAreNormalisedMinimalAtTheTrainedPointAndAboveTheFrozenCurve() {
        double[] d1 = LinearLossCurves.randomDirection(4, W_STAR);
        double wn = Math.sqrt(dot(W_STAR, W_STAR));
        assertEquals(wn, Math.sqrt(dot(d1, d1)), SAME_FORMULA * wn);
        double[] alphas = LinearLossCurves.symmetricGrid(0.5, 11);
        LinearLossCurves.Curve robust = LinearLossCurves.oneD(LinearModelSurface.adversarial(DATA, EPS, LAMBDA), W_STAR, d1, alphas);
        LinearLossCurves.Curve frozen = LinearLossCurves.oneD(LinearModelSurface.frozenAttack(DATA, EPS, LAMBDA, W_STAR), W_STAR, d1,
                alphas);
        double[] rv = robust.values();
        double[] fv = frozen.values();
        for (int i = 0; i < alphas.length; i++) {
            assertTrue(rv[i] >= rv[5], "the trained point is the minimum along the line");
            assertTrue(rv[i] >= fv[i] - SAME_FORMULA, "re-attacked loss >= frozen-attack loss at alpha " + alphas[i]);
        }
        assertEquals(rv[5], fv[5], SAME_FORMULA);
        assertThrows(IllegalArgumentException.class, () -> LinearLossCurves.randomDirection(1, new double[3]));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
