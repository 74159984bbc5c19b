package org.advsharp.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.advsharp.data.Dataset;
import org.advsharp.oracle.MarginAdversarialLoss;
import org.advsharp.oracle.MarginLoss;
import org.junit.jupiter.api.Test;

/**
 * The L2 kernel on a three-row problem small enough to write its quantities out by hand: the margins, the
 * clean kernel at w = 0 (where the L2 kink is absent and every term has a closed form), a margin loss other
 * than the logistic against the oracle, the radius swap, and the refusals. {@code MatrixFreeSolverTest}
 * compares the logistic kernel with the dense oracle on a larger problem.
 */
class AdversarialKernelTest {
    private static final double[][] ROWS = {{1, 2}, {-0.5, 1}, {2, -1}};
    private static final double[] LABELS = {1, -1, 1};
    private static final Dataset DATA = Dataset.of(ROWS, LABELS);
    private static final double EPS = 0.3;
    private static final double LAMBDA = 0.02;
    /** ||W|| = 5: the attack's cost eps ||w|| cannot be mixed up with eps / ||w|| or eps ||w||^2. */
    private static final double[] W = {3, -4};

    private static void assertClose(double expected, double actual, String what) {
        double scale = Math.max(Math.max(Math.abs(expected), Math.abs(actual)), 1.0);
        assertTrue(Math.abs(expected - actual) <= TrainingTolerances.ROUNDING * scale,
                what + ": expected " + expected + ", got " + actual);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    @Test
    void marginsAreTheLabelledScoresLessTheAttacksCost() {
        AdversarialKernel kernel = new AdversarialKernel(DATA, EPS, LAMBDA, 1);
        double[] m = kernel.margins(W);
        assertEquals(ROWS.length, m.length);
        for (int i = 0; i < ROWS.length; i++) {
            assertClose(LABELS[i] * dot(ROWS[i], W) - EPS * 5, m[i], "margin " + i);
        }
        assertArrayEquals(new double[3], kernel.margins(new double[2]), 0.0, "w = 0 is allowed: every margin is 0");
    }

    /**
     * At eps = 0 and w = 0 every logistic margin is 0, so -l'(0) = 1/2 and l''(0) = 1/4 for every row:
     * grad F = -(1/2N) sum y_n x_n, A = (1/4N) X^T X, kappa = 0. The kink of ||w|| is absent at eps = 0, so
     * w = 0 must be accepted and give finite numbers (not 0/0 from w/||w|| or eps/||w||).
     */
    @Test
    void theCleanKernelAtWEqualsZeroHasItsClosedForms() {
        AdversarialKernel kernel = new AdversarialKernel(DATA, 0.0, LAMBDA, 1);
        double[] zero = new double[2];
        double n = ROWS.length;
        double[] g = kernel.gradient(zero);
        double[] gram = new double[4];
        double squares = 0;
        for (int j = 0; j < 2; j++) {
            double expected = 0;
            for (int i = 0; i < ROWS.length; i++) {
                expected -= 0.5 * LABELS[i] * ROWS[i][j] / n;
                for (int k = 0; k < 2; k++) {
                    gram[2 * j + k] += ROWS[i][j] * ROWS[i][k];
                }
                squares += ROWS[i][j] * ROWS[i][j];
            }
            assertClose(expected, g[j], "clean gradient " + j + " at w = 0");
        }
        AdversarialKernel.Curvature c = kernel.curvature(zero);
        assertEquals(0.0, c.kappa(), "no direction term at eps = 0");
        assertEquals(0.0, c.weightNorm());
        assertClose(0.25 * squares / n, c.traceA(), "trace A");
        assertClose(0.25 * squares / n, c.traceH(), "trace H = trace A at eps = 0");
        double[] diag = c.objectiveDiagonal();
        for (int j = 0; j < 2; j++) {
            double[] e = new double[2];
            e[j] = 1;
            double[] hv = new double[2];
            c.hessian().apply(e, hv);
            for (int k = 0; k < 2; k++) {
                assertClose(0.25 * gram[2 * k + j] / n, hv[k], "H at (" + k + ", " + j + ")");
            }
            assertClose(0.25 * gram[3 * j] / n + LAMBDA, diag[j], "diagonal " + j);
        }
    }

    /** The kernel uses the loss it is given: the exponential loss against the oracle of the same loss. */
    @Test
    void aMarginLossOtherThanTheLogisticMatchesItsOracle() {
        AdversarialKernel kernel = new AdversarialKernel(DATA, MarginLoss.exponential(), EPS, LAMBDA, 2);
        MarginAdversarialLoss oracle = new MarginAdversarialLoss(DATA, MarginLoss.exponential(), EPS);
        double penalty = 0.5 * LAMBDA * 25;
        assertClose(oracle.value(W) + penalty, kernel.value(W), "F(w)");
        double[] g = oracle.gradient(W);
        double[] gk = kernel.gradient(W);
        for (int j = 0; j < 2; j++) {
            assertClose(g[j] + LAMBDA * W[j], gk[j], "gradient " + j);
        }
        AdversarialKernel.Curvature c = kernel.curvature(W);
        assertClose(oracle.hessian(W).kappa(), c.kappa(), "kappa");
        assertEquals(5.0, c.weightNorm(), "||w||");
        assertEquals(LAMBDA, c.lambdaShift(), "the objective's shift is the weight decay");
    }

    @Test
    void anotherRadiusSharesTheDataAndLossAndChangesOnlyEps() {
        AdversarialKernel kernel = new AdversarialKernel(DATA, MarginLoss.probit(), EPS, LAMBDA, 2);
        assertSame(DATA, kernel.data());
        assertSame(MarginLoss.probit(), kernel.loss());
        assertEquals(EPS, kernel.epsilon());
        assertEquals(LAMBDA, kernel.lambda());
        assertEquals(2, kernel.threads());
        AdversarialKernel moved = kernel.atEpsilon(0.1);
        AdversarialKernel fresh = new AdversarialKernel(DATA, MarginLoss.probit(), 0.1, LAMBDA, 2);
        assertEquals(0.1, moved.epsilon());
        assertEquals(LAMBDA, moved.lambda());
        assertSame(kernel.loss(), moved.loss());
        assertSame(DATA, moved.data());
        assertEquals(2, moved.threads());
        assertEquals(fresh.value(W), moved.value(W), 0.0);
        assertArrayEquals(fresh.gradient(W), moved.gradient(W), 0.0);
        assertEquals(fresh.curvature(W).traceH(), moved.curvature(W).traceH(), 0.0);
    }

    @Test
    void eitherZeroRadiusOrZeroWeightDecayIsAllowed() {
        assertEquals(0.0, new AdversarialKernel(DATA, 0.0, LAMBDA, 1).epsilon());
        assertEquals(0.0, new AdversarialKernel(DATA, EPS, 0.0, 1).lambda());
    }

    @Test
    void refusesBadInputWithTheProblemNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AdversarialKernel(DATA, null, EPS, LAMBDA, 1));
        assertTrue(e.getMessage().contains("margin loss is missing"), e.getMessage());
        for (double[] bad : new double[][] {{-0.1, LAMBDA}, {Double.NaN, LAMBDA}, {Double.POSITIVE_INFINITY, LAMBDA},
                {EPS, -1e-3}, {EPS, Double.NaN}, {EPS, Double.POSITIVE_INFINITY}}) {
            e = assertThrows(IllegalArgumentException.class, () -> new AdversarialKernel(DATA, bad[0], bad[1], 1));
            assertTrue(e.getMessage().contains("eps = " + bad[0] + " and lambda = " + bad[1]), e.getMessage());
        }
        AdversarialKernel kernel = new AdversarialKernel(DATA, EPS, LAMBDA, 1);
        e = assertThrows(IllegalArgumentException.class, () -> kernel.gradient(new double[2]));
        assertTrue(e.getMessage().contains("does not exist at w = 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> kernel.curvature(new double[2]));
        assertTrue(e.getMessage().contains("w = 0 is the kink"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> kernel.curvature(new double[3]));
        assertTrue(e.getMessage().contains("d = 2 entries"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> kernel.curvature(null));
        e = assertThrows(IllegalArgumentException.class,
                () -> kernel.curvature(new double[] {Double.POSITIVE_INFINITY, 1}));
        assertTrue(e.getMessage().contains("norm Infinity"), e.getMessage());
        AdversarialKernel clean = new AdversarialKernel(DATA, 0.0, LAMBDA, 1);
        e = assertThrows(IllegalArgumentException.class, () -> clean.curvature(new double[] {Double.NaN, 1}));
        assertTrue(e.getMessage().contains("norm NaN"), e.getMessage());
    }
}
