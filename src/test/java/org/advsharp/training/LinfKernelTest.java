package org.advsharp.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.advsharp.data.Dataset;
import org.advsharp.data.GaussianMixture;
import org.advsharp.oracle.LinfAdversarialLoss;
import org.advsharp.oracle.Logistic;
import org.junit.jupiter.api.Test;

/**
 * The pieces of the Linf kernel that the trainer's kink rule and the certificate are built from: a and b
 * against the oracle, the least subgradient at zero coordinates that lie outside the subdifferential (where
 * it is a_j + b or a_j - b, not 0) against one-sided differences of F, and the state's own copy of w.
 * {@code OrthantNewtonTrainerTest} covers the face Hessian and the kinks inside the subdifferential.
 */
class LinfKernelTest {
    private static final Dataset DATA = GaussianMixture.sample(3, 200, 6, 1.0, 0.5);
    private static final double LAMBDA = 1e-2;
    private static final double[] W = {0.4, -0.2, 0.9, 0.1, -0.7, 0.3};

    private static void assertClose(double expected, double actual, double tolerance, String what) {
        double scale = Math.max(Math.max(Math.abs(expected), Math.abs(actual)), 1.0);
        assertTrue(Math.abs(expected - actual) <= tolerance * scale, what + ": expected " + expected + ", got "
                + actual);
    }

    /** b = eps mean sigma(-m_n) and a_j = dL/dw_j - b sign(w_j), from the oracle's margins and gradient. */
    @Test
    void smoothPartialAndHalfJumpAreTheOraclesGradientSplitAtTheKink() {
        double eps = 0.2;
        LinfKernel.State state = new LinfKernel(DATA, eps, LAMBDA, 2).at(W);
        LinfAdversarialLoss oracle = new LinfAdversarialLoss(DATA, eps);
        double sigma = 0;
        for (double m : oracle.margins(W)) {
            sigma += Logistic.sigmoid(-m);
        }
        double b = eps * sigma / DATA.size();
        assertClose(b, state.kinkHalfJump(), TrainingTolerances.ROUNDING, "b");
        double[] g = oracle.gradient(W);
        for (int j = 0; j < W.length; j++) {
            assertClose(g[j] - b * Math.signum(W[j]), state.smoothPartial(j), TrainingTolerances.ROUNDING, "a_" + j);
        }
    }

    /**
     * With a small radius the half jump b is small, so at zero coordinates where the loss is informative
     * |a_j| > b and F decreases off the kink on one side: the least subgradient is the slope on the descending
     * side (a_j + b when it is negative, a_j - b when positive), measured here by one-sided differences.
     */
    @Test
    void leastSubgradientAtKinksOutsideTheSubdifferentialIsTheDescendingSlope() {
        double eps = 0.01;
        LinfKernel kernel = new LinfKernel(DATA, eps, LAMBDA, 1);
        double[] w = W.clone();
        int[] zeros = {0, 2, 3, 4};
        for (int j : zeros) {
            w[j] = 0;
        }
        LinfKernel.State state = kernel.at(w);
        double[] g = state.minimumNormSubgradient();
        double f = kernel.value(w);
        double h = TrainingTolerances.FD_STEP;
        int descendingRight = 0;
        int descendingLeft = 0;
        for (int j : zeros) {
            double[] up = w.clone();
            double[] down = w.clone();
            up[j] = h;
            down[j] = -h;
            double right = (kernel.value(up) - f) / h;
            double left = (f - kernel.value(down)) / h;
            if (right < 0) {
                descendingRight++;
                assertClose(right, g[j], ONE_SIDED_DIFFERENCE, "least subgradient " + j + " (F falls to the right)");
            } else if (left > 0) {
                descendingLeft++;
                assertClose(left, g[j], ONE_SIDED_DIFFERENCE, "least subgradient " + j + " (F falls to the left)");
            } else {
                assertEquals(0.0, g[j], "least subgradient " + j + " (0 is a subgradient)");
            }
        }
        assertTrue(descendingRight > 0 && descendingLeft > 0, "both sides are exercised: " + descendingRight
                + " right, " + descendingLeft + " left");
    }

    /**
     * Forward differences with step h = 1e-5 on F with O(1) second derivatives: error h |F''| / 2 below 1e-5;
     * 1e-4 is ten times that and far below 2b = 2 eps mean sigma (about 1e-2 here), the error of taking the
     * slope on the wrong side of the kink.
     */
    private static final double ONE_SIDED_DIFFERENCE = 1e-4;

    @Test
    void theStateKeepsItsOwnCopyOfW() {
        LinfKernel kernel = new LinfKernel(DATA, 0.1, LAMBDA, 1);
        assertEquals(W.length, kernel.dimension());
        double[] w = W.clone();
        LinfKernel.State state = kernel.at(w);
        w[0] = 5;
        double[] copy = state.weights();
        assertArrayEquals(W, copy, 0.0, "changing the caller's array does not change the state");
        copy[1] = 5;
        assertArrayEquals(W, state.weights(), 0.0, "changing the returned array does not change the state");
    }

    @Test
    void refusesWeightsOfTheWrongShapeOrNotFinite() {
        LinfKernel kernel = new LinfKernel(DATA, 0.1, LAMBDA, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kernel.at(null));
        assertEquals("w has no entries but the data have d = 6", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> kernel.at(new double[3]));
        assertEquals("w has 3 entries but the data have d = 6", e.getMessage());
        double[] bad = W.clone();
        bad[4] = Double.POSITIVE_INFINITY;
        e = assertThrows(IllegalArgumentException.class, () -> kernel.at(bad));
        assertEquals("w[4] is Infinity; it must be finite", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> kernel.value(null));
        assertTrue(e.getMessage().contains("no entries"), e.getMessage());
    }
}
