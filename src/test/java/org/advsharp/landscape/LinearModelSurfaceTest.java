package org.advsharp.landscape;

import static org.advsharp.landscape.LandscapeTolerances.SAME_FORMULA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.advsharp.data.Dataset;
import org.advsharp.data.SyntheticRegime;
import org.advsharp.oracle.L2Attack;
import org.advsharp.oracle.Logistic;
import org.junit.jupiter.api.Test;

class LinearModelSurfaceTest {
    private static final Dataset DATA = SyntheticRegime.PLANTED_MARGIN.generate(8, 50, 3);

    /** The robust loss by brute force: attack every sample at w with L2Attack, then the clean loss. */
    private static double explicitlyAttacked(double[] w, double eps, double lambda) {
        double sum = 0;
        for (int i = 0; i < DATA.size(); i++) {
            double[] eta = L2Attack.worstCase(w, DATA.label(i), eps);
            double margin = 0;
            for (int j = 0; j < w.length; j++) {
                margin += w[j] * (DATA.feature(i, j) + eta[j]);
            }
            sum += Logistic.softplus(-DATA.label(i) * margin);
        }
        double sq = 0;
        for (double v : w) {
            sq += v * v;
        }
        return sum / DATA.size() + 0.5 * lambda * sq;
    }

    @Test
    void adversarialSurfaceRecomputesTheAttackAtEveryPoint() {
        LinearModelSurface s = LinearModelSurface.adversarial(DATA, 0.4, 0.01);
        double[][] points = {{1, 0, 0}, {0.3, -2, 0.5}, {-1, 1, 1}};
        for (double[] w : points) {
            assertEquals(explicitlyAttacked(w, 0.4, 0.01), s.value(w), SAME_FORMULA);
        }
    }

    @Test
    void frozenAttackAgreesAtItsPointAndLiesBelowElsewhere() {
        double[] w0 = {0.5, 0.2, -0.4};
        LinearModelSurface robust = LinearModelSurface.adversarial(DATA, 0.4, 0.01);
        LinearModelSurface frozen = LinearModelSurface.frozenAttack(DATA, 0.4, 0.01, w0);
        assertEquals(robust.value(w0), frozen.value(w0), SAME_FORMULA);
        double[] w1 = {0.1, 0.9, 0.3};
        assertTrue(frozen.value(w1) < robust.value(w1), "a fixed perturbation cannot beat the worst case");
    }
}
