package org.advsharp.oracle;

import static org.advsharp.numerics.Tolerances.IDENTITY;
import static org.advsharp.numerics.Tolerances.ROUNDING;
import static org.advsharp.oracle.AdversarialLossTest.assertMatrixEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.advsharp.data.Dataset;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * Boundary cases of the oracles: eps = 0 (where w = 0 and zero weight components are allowed), weights
 * that are not of unit norm, w along the first axis, extreme margins, and the accessors.
 */
class OracleEdgeCasesTest {
    /** Two samples with small integer features: every expected value below is a dyadic rational. */
    private static final Dataset TWO = Dataset.of(new double[][] {{1.0, 2.0}, {3.0, -1.0}}, new double[] {1.0, -1.0});

    @Test
    void cleanGradientAtZeroWeightsIsMinusHalfTheMeanOfYX() {
        // sigma(0) = 1/2, sum_n y_n x_n = (1 - 3, 2 + 1) = (-2, 3), so grad = -(1/2)(1/2)(-2, 3)
        double[] g = new AdversarialLoss(TWO, 0.0).gradient(new double[] {0.0, 0.0});
        assertArrayEquals(new double[] {0.5, -0.75}, g);
    }

    @Test
    void adversarialInputsAtEpsilonZeroAreTheInputsThemselvesEvenAtZeroWeights() {
        double[][] inputs = new AdversarialLoss(TWO, 0.0).adversarialInputs(new double[] {0.0, 0.0});
        assertArrayEquals(new double[] {1.0, 2.0}, inputs[0]);
        assertArrayEquals(new double[] {3.0, -1.0}, inputs[1]);
    }

    @Test
    void kappaIsEpsOverNormTimesTheMeanOfSigmaOfMinusMargins() {
        Dataset data = OracleFixtures.gaussian(301, 7, 3);
        double[] w = {2.0, -1.0, 2.0}; // ||w|| = 3: a unit-norm w would hide eps/||w|| vs eps ||w||
        AdversarialLoss loss = new AdversarialLoss(data, 0.4);
        double sum = 0.0;
        for (double m : loss.margins(w)) {
            sum += Logistic.sigmoid(-m);
        }
        double expected = (0.4 / 3.0) * (sum / 7);
        HessianDecomposition h = loss.hessian(w);
        assertEquals(expected, h.kappa(), ROUNDING * expected);
        assertEquals(3.0, h.weightNorm());
        assertArrayEquals(loss.margins(w), h.margins());
        assertEquals(0.4, loss.epsilon());
    }

    @Test
    void complementBasisIsStableForWAlongTheFirstAxis() {
        // w_hat = +-e_0: the reflector vector w_hat + sign(w_hat_0) e_0 must not cancel to 0.
        Dataset data = OracleFixtures.gaussian(302, 6, 3);
        for (double[] w : new double[][] {{3.0, 0.0, 0.0}, {-0.5, 0.0, 0.0}}) {
            DMatrixRMaj q = new AdversarialLoss(data, 0.2).hessian(w).complementBasis();
            DMatrixRMaj qtq = new DMatrixRMaj(2, 2);
            CommonOps_DDRM.multTransA(q, q, qtq);
            assertMatrixEquals(CommonOps_DDRM.identity(2), qtq, IDENTITY);
            for (int c = 0; c < 2; c++) {
                assertEquals(0.0, q.get(0, c), IDENTITY, "column " + c + " has no component along w");
            }
        }
    }

    @Test
    void complementBasisTreatsAZeroFirstComponentAsPositive() {
        // Documented tie rule (sign(0) = +1): for w_hat = e_1, v = (1, 1), R = I - v v^T, column 1 = (-1, 0).
        HessianDecomposition h = new AdversarialLoss(TWO, 0.1).hessian(new double[] {0.0, 2.0});
        DMatrixRMaj q = h.complementBasis();
        assertEquals(-1.0, q.get(0, 0));
        assertEquals(0.0, q.get(1, 0));
    }

    @Test
    void linfAtEpsilonZeroAcceptsZeroWeightComponents() {
        Dataset data = OracleFixtures.gaussian(303, 9, 3);
        double[] w = {0.0, 1.5, -0.5};
        LinfAdversarialLoss linf = new LinfAdversarialLoss(data, 0.0);
        AdversarialLoss clean = new AdversarialLoss(data, 0.0);
        assertArrayEquals(clean.gradient(w), linf.gradient(w), ROUNDING);
        assertMatrixEquals(clean.hessian(w).fixedInputPart(), linf.hessian(w), IDENTITY);
        assertSame(data, linf.data());
        assertEquals(0.75, new LinfAdversarialLoss(data, 0.75).epsilon());
    }

    @Test
    void curvatureUnderflowsToZeroForHugeMarginsInsteadOfOverflowing() {
        for (double m : new double[] {1000.0, -1000.0, Double.MAX_VALUE}) {
            assertEquals(0.0, Logistic.curvature(m), "s(" + m + ")");
        }
        // still positive just before e^-|m| underflows: s(700) ~ e^-700
        assertTrue(Logistic.curvature(700.0) > 0.0);
    }

    @Test
    void zeroWeightDecayIsAllowedAndTheAccessorsReturnWhatWasGiven() {
        AdversarialLoss loss = new AdversarialLoss(TWO, 0.1);
        PenalizedAdversarialLoss plain = new PenalizedAdversarialLoss(loss, 0.0);
        assertEquals(0.0, plain.lambda());
        assertSame(loss, plain.loss());
        assertEquals(0.25, new PenalizedAdversarialLoss(loss, 0.25).lambda());
        double[] w = {0.5, -1.0};
        assertEquals(loss.value(w), plain.value(w));
    }

    @Test
    void labelCheckReturnsTheLabel() {
        assertEquals(1.0, Require.label(1.0));
        assertEquals(-1.0, Require.label(-1.0));
    }

    @Test
    void vectorCheckReturnsTheVectorItChecked() {
        double[] w = {0.5, -1.0};
        assertSame(w, Require.vector("w", w, 2));
    }
}
