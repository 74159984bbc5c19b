package org.advsharp.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleFunction;
import org.advsharp.data.Dataset;
import org.advsharp.data.GaussianMixture;
import org.advsharp.numerics.Tolerances;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.oracle.CriticalRadius;
import org.advsharp.oracle.HessianDecomposition;
import org.advsharp.oracle.PenalizedAdversarialLoss;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The matrix-free path against the dense reference: the kernel's value, gradient, Hessian-vector
 * products, diagonal, trace and kappa against the oracle's closed forms; the bits for 1, 2 and 3
 * threads; and whole sweeps by both solvers.
 */
class MatrixFreeSolverTest {
    /** N = 700 rows: three blocks of RowBlocks.BLOCK_ROWS, the last one short. */
    private static final Dataset DATA = GaussianMixture.sample(11, 700, 12, 1.0, 0.6);
    private static final double EPS = 0.3;
    private static final double LAMBDA = 1e-2;
    private static final double[] W = {0.4, -0.2, 0.9, 0.1, -0.7, 0.3, 0.05, 0.6, -0.1, 0.2, -0.4, 0.8};

    private static void assertClose(double expected, double actual, String what) {
        double scale = Math.max(Math.abs(expected), Math.abs(actual));
        assertTrue(Math.abs(expected - actual) <= Tolerances.SOLVER_AGREEMENT * Math.max(scale, 1e-300),
                what + ": dense " + expected + ", matrix-free " + actual);
    }

    @Test
    void kernelMatchesTheOracle() {
        AdversarialKernel kernel = new AdversarialKernel(DATA, EPS, LAMBDA, 2);
        PenalizedAdversarialLoss oracle = new PenalizedAdversarialLoss(new AdversarialLoss(DATA, EPS), LAMBDA);
        assertClose(oracle.value(W), kernel.value(W), "F(w)");
        double[] g = oracle.gradient(W);
        double[] gk = kernel.gradient(W);
        for (int j = 0; j < g.length; j++) {
            assertClose(g[j], gk[j], "gradient " + j);
        }
        HessianDecomposition h = new AdversarialLoss(DATA, EPS).hessian(W);
        AdversarialKernel.Curvature c = kernel.curvature(W);
        assertClose(h.kappa(), c.kappa(), "kappa");
        DMatrixRMaj full = h.full();
        DMatrixRMaj fixed = h.fixedInputPart();
        double traceA = 0;
        for (int j = 0; j < W.length; j++) {
            traceA += fixed.get(j, j);
        }
        assertClose(traceA, c.traceA(), "trace A");
        assertClose(traceA + h.kappa() * (W.length - 1), c.traceH(), "trace H");
        double[] diag = c.objectiveDiagonal();
        for (int j = 0; j < W.length; j++) {
            assertClose(full.get(j, j) + LAMBDA, diag[j], "diagonal " + j);
            double[] e = new double[W.length];
            e[j] = 1;
            double[] hv = new double[W.length];
            double[] av = new double[W.length];
            c.hessian().apply(e, hv);
            c.fixedInputPart().apply(e, av);
            for (int i = 0; i < W.length; i++) {
                assertClose(full.get(i, j), hv[i], "H column " + j + " row " + i);
                assertClose(fixed.get(i, j), av[i], "A column " + j + " row " + i);
            }
        }
    }

    @Test
    void resultsAreBitIdenticalForOneTwoAndThreeThreads() {
        double[] v = new double[W.length];
        for (int j = 0; j < v.length; j++) {
            v[j] = Math.sin(j + 1.0);
        }
        double[][] gradients = new double[3][];
        double[][] products = new double[3][];
        double[] values = new double[3];
        double[] traces = new double[3];
        SweepResult[] sweeps = new SweepResult[3];
        for (int t = 1; t <= 3; t++) {
            AdversarialKernel kernel = new AdversarialKernel(DATA, EPS, LAMBDA, t);
            values[t - 1] = kernel.value(W);
            gradients[t - 1] = kernel.gradient(W);
            products[t - 1] = new double[W.length];
            kernel.curvature(W).hessian().apply(v, products[t - 1]);
            traces[t - 1] = kernel.curvature(W).traceH();
            sweeps[t - 1] = EpsilonSweep.measured(DATA, LAMBDA, EpsilonSweep.Grid.ofRatios(0, 0.5, 0.9),
                    Solver.MATRIX_FREE, t, EpsilonSweep.Progress.NONE, false);
        }
        for (int t = 1; t < 3; t++) {
            assertEquals(Double.doubleToRawLongBits(values[0]), Double.doubleToRawLongBits(values[t]), "value");
            assertEquals(Double.doubleToRawLongBits(traces[0]), Double.doubleToRawLongBits(traces[t]), "trace");
            assertArrayEquals(gradients[0], gradients[t], 0.0, "gradient, threads " + (t + 1));
            assertArrayEquals(products[0], products[t], 0.0, "H v, threads " + (t + 1));
            for (int k = 0; k < 3; k++) {
                SweepPoint a = sweeps[0].points().get(k);
                SweepPoint b = sweeps[t].points().get(k);
                assertArrayEquals(a.result().w(), b.result().w(), 0.0, "w* at radius " + k);
                assertEquals(a.sharpness(), b.sharpness(), "sharpness at radius " + k);
            }
        }
    }

    @Test
    void denseAndMatrixFreeSweepsAgree() {
        EpsilonSweep.Grid grid = EpsilonSweep.Grid.ofRatios(0, 0.2, 0.4, 0.6, 0.8, 0.9);
        SweepResult dense = EpsilonSweep.measured(DATA, LAMBDA, grid, Solver.DENSE, 2, EpsilonSweep.Progress.NONE,
                false);
        SweepResult free = EpsilonSweep.measured(DATA, LAMBDA, grid, Solver.MATRIX_FREE, 2, EpsilonSweep.Progress.NONE,
                false);
        assertTrue(dense.allConverged() && free.allConverged());
        assertEquals(Solver.MATRIX_FREE, free.solver());
        assertTrue(free.trainer().contains("truncated Newton"), free.trainer());
        for (int k = 0; k < dense.points().size(); k++) {
            PointSharpness a = dense.points().get(k).sharpness();
            PointSharpness b = free.points().get(k).sharpness();
            String at = " at eps/eps_c = " + dense.points().get(k).ratio();
            assertClose(a.lambdaMaxH(), b.lambdaMaxH(), "lambda_max(H)" + at);
            assertClose(a.lambdaMaxA(), b.lambdaMaxA(), "lambda_max(A)" + at);
            assertClose(a.traceH(), b.traceH(), "trace H" + at);
            assertClose(a.kappa(), b.kappa(), "kappa" + at);
            assertTrue(b.residualH() <= Tolerances.LANCZOS_RESIDUAL * b.lambdaMaxH(), "Lanczos residual" + at);
            double[] wd = dense.points().get(k).result().w();
            double[] wf = free.points().get(k).result().w();
            for (int j = 0; j < wd.length; j++) {
                assertTrue(Math.abs(wd[j] - wf[j]) <= Tolerances.SOLVER_AGREEMENT * Vectors.norm(wd),
                        "w*[" + j + "]" + at);
            }
        }
    }

    @Test
    void randomNoiseSweepsAgreeAndHaveNoDirectionTerm() {
        double[] grid = {0, 0.3, 0.6};
        SweepResult dense = EpsilonSweep.randomNoise(DATA, LAMBDA, grid, 5, Solver.DENSE, 1);
        SweepResult free = EpsilonSweep.randomNoise(DATA, LAMBDA, grid, 5, Solver.MATRIX_FREE, 2);
        for (int k = 0; k < grid.length; k++) {
            PointSharpness a = dense.points().get(k).sharpness();
            PointSharpness b = free.points().get(k).sharpness();
            assertClose(a.lambdaMaxH(), b.lambdaMaxH(), "noise lambda_max at " + grid[k]);
            assertEquals(0.0, b.kappa());
        }
    }

    @Test
    void aLaterFailingRadiusKeepsTheRowsBeforeItAndSaysWhatFailed() {
        double epsC = CriticalRadius.of(DATA);
        DoubleFunction<TrainingObjective> failsAtTheSecond = e -> {
            if (e > 0.4 * epsC) {
                throw new IllegalStateException("injected failure at eps = " + e);
            }
            return TrainingObjective.adversarial(DATA, e, LAMBDA);
        };
        EpsilonSweep.Outcome<SweepPoint> s = EpsilonSweep.loop(new double[] {0.2 * epsC, 0.5 * epsC, 0.7 * epsC},
                epsC, EpsilonSweep.trainedStep(failsAtTheSecond, new NewtonTrainer(), null), EpsilonSweep.Progress.NONE,
                true);
        assertEquals(1, s.points().size(), "the row at 0.2 eps_c is kept");
        assertEquals(1, s.failure().index());
        assertEquals(0.5, s.failure().ratio(), 1e-15);
        assertTrue(s.failure().message().contains("injected failure"), s.failure().message());
    }

    @Test
    void theStartRuleSaysWhatFailedWithoutClaimingEpsAboveTheCriticalRadius() {
        double epsC = CriticalRadius.of(DATA);
        String message = Assertions.assertThrows(IllegalArgumentException.class,
                () -> StartingPoint.leaveKink(TrainingObjective.adversarial(DATA, 1.5 * epsC, LAMBDA))).getMessage();
        assertTrue(message.contains("found no point below its value at w = 0") && message.contains("either w* = 0"),
                message);
    }
}
