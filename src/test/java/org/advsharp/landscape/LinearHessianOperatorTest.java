package org.advsharp.landscape;

import static org.advsharp.landscape.LandscapeTolerances.SAME_FORMULA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.advsharp.data.Dataset;
import org.advsharp.data.SyntheticRegime;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.oracle.HessianDecomposition;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class LinearHessianOperatorTest {
    private static final Dataset DATA = SyntheticRegime.OVERLAPPING.generate(31, 70, 6);
    private static final double[] W = {0.4, -0.3, 0.8, 0.1, -0.5, 0.2};

    private static void assertMatches(DMatrixRMaj dense, LinearHessianOperator op) {
        SplittableRandom rng = new SplittableRandom(2);
        double scale = 0;
        for (double v : dense.data) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int t = 0; t < 5; t++) {
            double[] v = new double[W.length];
            for (int j = 0; j < v.length; j++) {
                v[j] = rng.nextGaussian();
            }
            double[] out = new double[W.length];
            op.apply(v, out);
            for (int i = 0; i < W.length; i++) {
                double expected = 0;
                for (int j = 0; j < W.length; j++) {
                    expected += dense.get(i, j) * v[j];
                }
                assertEquals(expected, out[i], SAME_FORMULA * scale * W.length, "row " + i);
            }
        }
    }

    @Test
    void matchesTheOracleHessianWithAndWithoutTheDirectionTerm() {
        double lambda = 0.03;
        for (double eps : new double[] {0.0, 0.2, 0.6}) {
            HessianDecomposition h = new AdversarialLoss(DATA, eps).hessian(W);
            DMatrixRMaj full = h.full();
            DMatrixRMaj fixed = h.fixedInputPart();
            for (int j = 0; j < W.length; j++) {
                full.add(j, j, lambda);
                fixed.add(j, j, lambda);
            }
            LinearHessianOperator withTerm = new LinearHessianOperator(DATA, eps, lambda, W, true);
            assertMatches(full, withTerm);
            assertMatches(fixed, new LinearHessianOperator(DATA, eps, lambda, W, false));
            assertEquals(h.kappa(), withTerm.kappa(), SAME_FORMULA);
        }
    }

    @Test
    void rejectsTheKink() {
        assertThrows(IllegalArgumentException.class, () -> new LinearHessianOperator(DATA, 0.1, 0, new double[6], true));
        assertEquals(6, new LinearHessianOperator(DATA, 0.0, 0, new double[6], false).dimension());
    }
}
