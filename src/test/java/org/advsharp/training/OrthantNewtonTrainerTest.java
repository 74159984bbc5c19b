package org.advsharp.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.advsharp.data.Dataset;
import org.advsharp.data.GaussianMixture;
import org.advsharp.numerics.SymmetricEigenSolvers;
import org.advsharp.numerics.Tolerances;
import org.advsharp.oracle.LinfAdversarialLoss;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The Linf kernel against the oracle's closed forms, its minimum-norm subgradient against one-sided
 * differences of F, and the orthant-wise trainer: against the smooth Newton trainer where the minimiser has
 * no zero component, and by independent optimality tests where it has many.
 */
class OrthantNewtonTrainerTest {
    /** N = 600 rows: three row blocks, the last one short. */
    private static final Dataset DATA = GaussianMixture.sample(5, 600, 10, 1.0, 0.5);
    private static final double LAMBDA = 1e-2;
    private static final double[] W = {0.4, -0.2, 0.9, 0.1, -0.7, 0.3, 0.05, 0.6, -0.1, 0.2};

    private static void assertClose(double expected, double actual, double tolerance, String what) {
        double scale = Math.max(Math.max(Math.abs(expected), Math.abs(actual)), 1.0);
        assertTrue(Math.abs(expected - actual) <= tolerance * scale, what + ": expected " + expected + ", got "
                + actual);
    }

    @Test
    void kernelMatchesTheOracleInsideAnOrthant() {
        double eps = 0.2;
        LinfKernel kernel = new LinfKernel(DATA, eps, LAMBDA, 2);
        LinfAdversarialLoss oracle = new LinfAdversarialLoss(DATA, eps);
        double norm2 = 0;
        for (double v : W) {
            norm2 += v * v;
        }
        assertClose(oracle.value(W) + 0.5 * LAMBDA * norm2, kernel.value(W), TrainingTolerances.ROUNDING, "F(w)");
        LinfKernel.State state = kernel.at(W);
        double[] xi = LinfKernel.signs(W);
        double[] g = oracle.gradient(W);
        double[] orthant = state.orthantGradient(xi);
        double[] least = state.minimumNormSubgradient();
        DMatrixRMaj h = oracle.hessian(W);
        double[] diag = state.faceDiagonal(xi);
        for (int j = 0; j < W.length; j++) {
            assertClose(g[j] + LAMBDA * W[j], orthant[j], TrainingTolerances.ROUNDING, "gradient " + j);
            assertClose(orthant[j], least[j], 0, "off the kinks the least subgradient is the gradient, " + j);
            assertClose(h.get(j, j) + LAMBDA, diag[j], TrainingTolerances.ROUNDING, "diagonal " + j);
            double[] e = new double[W.length];
            e[j] = 1;
            double[] col = new double[W.length];
            state.applyFace(xi, e, col, LAMBDA);
            double[] loss = new double[W.length];
            state.faceHessian().apply(e, loss);
            for (int i = 0; i < W.length; i++) {
                assertClose(h.get(i, j) + (i == j ? LAMBDA : 0), col[i], TrainingTolerances.ROUNDING,
                        "H + lambda I at (" + i + ", " + j + ")");
                assertClose(h.get(i, j), loss[i], TrainingTolerances.ROUNDING, "face Hessian at (" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void leastSubgradientMatchesOneSidedDifferencesAtKinks() {
        double eps = 0.3;
        LinfKernel kernel = new LinfKernel(DATA, eps, LAMBDA, 1);
        double[] w = W.clone();
        w[1] = 0;
        w[6] = 0;
        w[8] = 0;
        double[] g = kernel.at(w).minimumNormSubgradient();
        double f = kernel.value(w);
        double h = TrainingTolerances.FD_STEP;
        for (int j = 0; j < w.length; j++) {
            double[] up = w.clone();
            double[] down = w.clone();
            up[j] += h;
            down[j] -= h;
            // one-sided slopes; the value changes are O(h^2) off the slope, so forward differences suffice
            double right = (kernel.value(up) - f) / h;
            double left = (f - kernel.value(down)) / h;
            double expected;
            if (w[j] != 0) {
                expected = 0.5 * (right + left);
            } else if (right < 0) {
                expected = right;
            } else if (left > 0) {
                expected = left;
            } else {
                expected = 0;
            }
            assertClose(expected, g[j], ONE_SIDED_DIFFERENCE, "least subgradient " + j + " (w_j = " + w[j] + ")");
        }
        double[] orthant = OrthantNewtonTrainer.orthant(w, g);
        for (int j = 0; j < w.length; j++) {
            assertEquals(w[j] != 0 ? Math.signum(w[j]) : -Math.signum(g[j]), orthant[j], "orthant " + j);
        }
    }

    /**
     * Forward differences with step h = 1e-5 on F with O(1) second derivatives: error h |F''| / 2, below
     * 1e-5 here; 1e-4 is ten times that and far below the jump 2b (b = eps mean sigma >= 0.05) that a wrong
     * side or a missing kink term makes.
     */
    private static final double ONE_SIDED_DIFFERENCE = 1e-4;

    @Test
    void agreesWithSmoothNewtonWhereNoComponentIsZero() {
        Dataset data = LinfProblems.everyFeatureInformative(3, 80, 5, 1.0);
        double eps = 0.1;
        TrainingResult smooth = new NewtonTrainer().train(TrainingObjective.linf(data, eps, LAMBDA));
        TrainingResult orthant = new OrthantNewtonTrainer().train(new LinfKernel(data, eps, LAMBDA, 2),
                new double[data.dimension()]);
        assertTrue(smooth.converged() && orthant.converged(), smooth.stopReason() + " / " + orthant.stopReason());
        double[] a = smooth.w();
        double[] b = orthant.w();
        for (int j = 0; j < a.length; j++) {
            assertTrue(b[j] != 0, "component " + j + " of w* is nonzero on these data");
            assertClose(a[j], b[j], Tolerances.SOLVER_AGREEMENT, "w*_" + j);
        }
    }

    @Test
    void certifiedMinimiserWithZerosPassesIndependentOptimalityTests() {
        // 10 features, only the first 3 informative: eps_c is set by them and the rest go to exactly 0
        Dataset data = GaussianMixture.alongDirection(9, 400, new double[]{1, 1, 1, 0, 0, 0, 0, 0, 0, 0}, 1.5, 1.0);
        double eps = 0.5 * Ball.LINF.criticalRadius(data);
        LinfKernel kernel = new LinfKernel(data, eps, LAMBDA, 2);
        TrainingResult r = new OrthantNewtonTrainer().train(kernel, new double[data.dimension()]);
        assertTrue(r.converged(), r.stopReason());
        assertTrue(r.gradientNorm() <= TrainingTolerances.TRAINED_GRADIENT, "certificate " + r.gradientNorm());
        double[] w = r.w();
        int zeros = 0;
        for (double v : w) {
            zeros += v == 0 ? 1 : 0;
        }
        assertTrue(zeros >= 3 && zeros < w.length, "the lasso-like term leaves some but not all components at 0: " + zeros);
        double f = kernel.value(w);
        double h = TrainingTolerances.FD_STEP;
        for (int j = 0; j < w.length; j++) {
            for (double sign : new double[]{-1, 1}) {
                double[] moved = w.clone();
                moved[j] += sign * h;
                // convex F: no coordinate move lowers it beyond the O(h^2) curvature term and rounding
                assertTrue(kernel.value(moved) >= f - OPTIMALITY_SLACK, "moving w_" + j + " by " + sign * h
                        + " lowers F from " + f + " to " + kernel.value(moved));
            }
        }
    }

    /**
     * At a certified minimiser ||g|| <= 1e-12, so a coordinate step of 1e-5 changes F by at least
     * -1e-17 (first order) plus a nonnegative curvature term; rounding of F (a mean of 400 terms) is about
     * 1e-15. A point off the minimiser by more than 1e-8 along a coordinate has a slope whose first-order
     * change, over 1e-5, is far larger than 1e-14.
     */
    private static final double OPTIMALITY_SLACK = 1e-14;

    @Test
    void bitIdenticalOnOneTwoAndThreeThreads() {
        Dataset data = GaussianMixture.alongDirection(4, 700, new double[]{1, 0.5, 0, 0, 0.2, 0}, 1.0, 1.0);
        double[] grid = {0.0, 0.3, 0.6};
        List<FacePoint> one = linf(data, grid, 1);
        for (int threads = 2; threads <= 3; threads++) {
            List<FacePoint> other = linf(data, grid, threads);
            for (int k = 0; k < grid.length; k++) {
                assertArrayEquals(one.get(k).result().w(), other.get(k).result().w(), "w* at " + grid[k] + ", threads "
                        + threads);
                assertEquals(one.get(k).lambdaMaxFace(), other.get(k).lambdaMaxFace(), 0.0, "lambda_max at " + grid[k]);
            }
        }
    }

    @Test
    void faceSharpnessIsTheTopEigenvalueOfTheFaceBlock() {
        Dataset data = GaussianMixture.alongDirection(6, 300, new double[]{1, 1, 0, 0, 0, 0}, 1.5, 1.0);
        List<FacePoint> sweep = linf(data, new double[]{0.0, 0.5}, 1);
        FacePoint p = sweep.get(1);
        assertTrue(p.result().converged(), p.result().stopReason());
        double[] w = p.result().w();
        int[] face = IntStream.range(0, w.length).filter(j -> w[j] != 0).toArray();
        assertEquals(face.length, p.faceSize());
        assertTrue(face.length < w.length, "some component is at 0");
        // the margins depend on the face coordinates only, so the oracle's Hessian of the data cut to the
        // face, at w cut to the face (no zero there), is the face block of the Hessian
        double[][] rows = new double[data.size()][face.length];
        for (int i = 0; i < data.size(); i++) {
            for (int a = 0; a < face.length; a++) {
                rows[i][a] = data.feature(i, face[a]);
            }
        }
        double[] wFace = Arrays.stream(face).mapToDouble(j -> w[j]).toArray();
        DMatrixRMaj block = new LinfAdversarialLoss(Dataset.of(rows, data.labels()), p.epsilon()).hessian(wFace);
        double expected = SymmetricEigenSolvers.standard().decompose(block).largest();
        assertClose(expected, p.lambdaMaxFace(), Tolerances.SOLVER_AGREEMENT, "lambda_max on the face");
        assertTrue(p.residual() <= Tolerances.LANCZOS_RESIDUAL * p.lambdaMaxFace(), "residual " + p.residual());
        assertTrue(p.smallestSlack() > 0 && p.smallestSlack() <= 1, "slack " + p.smallestSlack());
    }

    @Test
    void aRadiusThatFailsKeepsTheRowsBeforeItOrThrows() {
        Dataset data = GaussianMixture.alongDirection(8, 200, new double[]{1, 1, 0, 0}, 1.5, 1.0);
        double critical = Ball.LINF.criticalRadius(data);
        double[] radii = {0.0, 0.3 * critical, 0.6 * critical};
        LinfKernel base = new LinfKernel(data, 0.0, LAMBDA, 1);
        int[] calls = {0};
        EpsilonSweep.Step<FacePoint> failingThird = (eps, ratio, start) -> {
            if (++calls[0] == 3) {
                throw new IllegalStateException("injected failure\nsecond line");
            }
            LinfKernel kernel = base.atEpsilon(eps);
            return FacePoint.measure(kernel, ratio, new OrthantNewtonTrainer().train(kernel,
                    start == null ? new double[data.dimension()] : start));
        };
        EpsilonSweep.Outcome<FacePoint> kept = EpsilonSweep.loop(radii, critical, failingThird,
                EpsilonSweep.Progress.NONE, true);
        assertEquals(2, kept.points().size());
        assertEquals(2, kept.failure().index());
        assertEquals(radii[2], kept.failure().epsilon(), 0.0);
        assertTrue(kept.failure().message().startsWith("injected failure"), kept.failure().message());
        List<FacePoint> full = linf(data, new double[]{0.0, 0.3, 0.6}, 1);
        assertArrayEquals(full.get(1).result().w(), kept.points().get(1).result().w(), "rows before the failure are "
                + "the sweep's own, warm start included");
        calls[0] = 0;
        assertThrows(IllegalStateException.class, () -> EpsilonSweep.loop(radii, critical, failingThird,
                EpsilonSweep.Progress.NONE, false));
    }

    /** The measured Linf sweep at fractions of its critical radius. */
    private static List<FacePoint> linf(Dataset data, double[] ratios, int threads) {
        return EpsilonSweep.measured(Ball.LINF, data, LAMBDA, EpsilonSweep.Grid.ofRatios(ratios), Solver.MATRIX_FREE,
                threads, EpsilonSweep.Progress.NONE, false).points();
    }

    @Test
    void refusesBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new LinfKernel(DATA, -0.1, LAMBDA, 1));
        assertThrows(IllegalArgumentException.class, () -> new LinfKernel(DATA, Double.NaN, LAMBDA, 1));
        assertThrows(IllegalArgumentException.class, () -> new LinfKernel(DATA, 0.1, 0.0, 1));
        LinfKernel kernel = new LinfKernel(DATA, 0.1, LAMBDA, 1);
        assertThrows(IllegalArgumentException.class, () -> kernel.value(new double[3]));
        double[] bad = W.clone();
        bad[2] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OrthantNewtonTrainer().train(kernel, bad));
        assertTrue(e.getMessage().contains("w[2]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> linf(DATA, new double[]{0.2, 0.1}, 1));
        assertThrows(IllegalArgumentException.class, () -> linf(DATA, new double[]{1.0}, 1));
        assertThrows(IllegalArgumentException.class, () -> new OrthantNewtonTrainer(0, 10));
    }
}
