package org.advsharp.landscape;

import static org.advsharp.landscape.LandscapeTolerances.LANCZOS_VS_DENSE;
import static org.advsharp.landscape.LandscapeTolerances.SAME_FORMULA;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.advsharp.data.Dataset;
import org.advsharp.data.SyntheticRegime;
import org.advsharp.numerics.LinearOperator;
import org.advsharp.numerics.TraceEstimate;
import org.advsharp.training.NewtonTrainer;
import org.advsharp.training.TrainingObjective;
import org.advsharp.training.TrainingResult;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class SharpnessTest {
    private static final Dataset DATA = SyntheticRegime.OVERLAPPING.generate(41, 80, 8);
    private static final double EPS = 0.3;
    private static final double LAMBDA = 0.01;
    private static final double[] W_STAR = trained();

    private static double[] trained() {
        TrainingResult r = new NewtonTrainer().train(TrainingObjective.adversarial(DATA, EPS, LAMBDA));
        return r.w();
    }

    @Test
    void lanczosTopEigenvaluesMatchTheDenseSpectrum() {
        LinearSharpness exact = LinearSharpness.adversarial(DATA, EPS, W_STAR);
        double top = Sharpness.topEigenvalues(LinearModelSurface.adversarial(DATA, EPS, LAMBDA), W_STAR, 3, 5)
                .eigenvalues()[0];
        assertEquals(exact.lambdaMaxH() + LAMBDA, top, LANCZOS_VS_DENSE * top);
        assertTrue(exact.lambdaMaxH() >= exact.lambdaMaxA(), "H = A + kappa P dominates A");
    }

    @Test
    void hutchinsonAndSlqTracesCoverTheExactTrace() {
        LinearModelSurface s = LinearModelSurface.adversarial(DATA, EPS, LAMBDA);
        double exact = LinearSharpness.adversarial(DATA, EPS, W_STAR).traceH() + 8 * LAMBDA;
        TraceEstimate t = Sharpness.trace(s, W_STAR, 400, 3);
        assertTrue(t.covers(exact), "95% interval " + t.lower() + ".." + t.upper() + " misses " + exact);
        SpectralDensity full = Sharpness.density(s, W_STAR, 8, 1, 2);
        assertEquals(exact, full.traceEstimate(), 0.5 * exact, "one probe: unbiased, spread about the mean");
        assertEquals(Sharpness.topEigenvalues(s, W_STAR, 1, 1).eigenvalues()[0], full.largestNode(),
                LANCZOS_VS_DENSE * full.largestNode(), "8 steps in d = 8 span the whole space");
    }

    @Test
    void epsilonSharpnessOfAQuadraticIsAttainedAtAVertex() {
        double[] diag = {2, 0.5, 1};
        LossSurface quadratic = new LossSurface() {
            @Override
            public int dimension() {
                return 3;
            }

            @Override
            public double value(double[] w) {
                double s = 0;
                for (int i = 0; i < 3; i++) {
                    s += 0.5 * diag[i] * w[i] * w[i];
                }
                return s;
            }

            @Override
            public double[] gradient(double[] w) {
                return new double[] {diag[0] * w[0], diag[1] * w[1], diag[2] * w[2]};
            }

            @Override
            public LinearOperator hessianAt(double[] w) {
                return LinearOperator.of(CommonOps_DDRM.diag(diag));
            }

            @Override
            public String description() {
                return "quadratic";
            }
        };
        double delta = 0.1;
        double[] w = {0, 0, 0};
        EpsilonSharpness.Result r = EpsilonSharpness.of(quadratic, w, delta, 7);
        double expectedMax = 0.5 * (2 + 0.5 + 1) * delta * delta;
        assertEquals(100 * expectedMax, r.sharpness(), SAME_FORMULA);
        for (double z : r.maximiser()) {
            assertEquals(delta, Math.abs(z), SAME_FORMULA);
        }
    }

    @Test
    void epsilonSharpnessGrowsWithTheBox() {
        LinearModelSurface s = LinearModelSurface.adversarial(DATA, EPS, LAMBDA);
        double small = Sharpness.epsilonSharpness(s, W_STAR, 1e-3, 1).sharpness();
        double large = Sharpness.epsilonSharpness(s, W_STAR, 1e-2, 1).sharpness();
        assertTrue(small > 0 && large > small, small + " then " + large);
        assertThrows(IllegalArgumentException.class, () -> Sharpness.epsilonSharpness(s, W_STAR, 0, 1));
    }

    @Test
    void lossCurvesAreNormalisedMinimalAtTheTrainedPointAndAboveTheFrozenCurve() {
        double[] d1 = LossCurves.randomDirection(4, W_STAR);
        double[] d2 = LossCurves.orthogonalDirection(5, W_STAR, d1);
        double wn = Math.sqrt(dot(W_STAR, W_STAR));
        assertEquals(wn, Math.sqrt(dot(d1, d1)), SAME_FORMULA * wn);
        assertEquals(wn, Math.sqrt(dot(d2, d2)), SAME_FORMULA * wn);
        assertEquals(0.0, dot(d1, d2), SAME_FORMULA * wn * wn);
        double[] alphas = LossCurves.symmetricGrid(0.5, 11);
        LossCurves.Curve robust = LossCurves.oneD(LinearModelSurface.adversarial(DATA, EPS, LAMBDA), W_STAR, d1, alphas);
        LossCurves.Curve frozen = LossCurves.oneD(LinearModelSurface.frozenAttack(DATA, EPS, LAMBDA, W_STAR), W_STAR, d1,
                alphas);
        double[] rv = robust.values();
        double[] fv = frozen.values();
        for (int i = 0; i < alphas.length; i++) {
            assertTrue(rv[i] >= rv[5], "the trained point is the minimum along the line");
            assertTrue(rv[i] >= fv[i] - SAME_FORMULA, "re-attacked loss >= frozen-attack loss at alpha " + alphas[i]);
        }
        assertEquals(rv[5], fv[5], SAME_FORMULA);
        LossCurves.Grid grid = LossCurves.twoD(LinearModelSurface.adversarial(DATA, EPS, LAMBDA), W_STAR, d1, d2,
                alphas, alphas);
        assertEquals(rv[3], grid.value(3, 5), SAME_FORMULA);
        assertArrayEquals(alphas, grid.betas());
        assertThrows(IllegalArgumentException.class, () -> LossCurves.randomDirection(1, new double[3]));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
