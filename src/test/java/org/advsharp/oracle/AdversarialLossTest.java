package org.advsharp.oracle;

import static org.advsharp.numerics.Tolerances.IDENTITY;
import static org.advsharp.numerics.Tolerances.ROUNDING;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.advsharp.data.Dataset;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class AdversarialLossTest {

    /** One sample x = 2, y = +1, w = 0.5, eps = 0.4: m = 2*0.5 - 0.4*0.5 = 0.8 and x' = 2 - 0.4 = 1.6. */
    @Test
    void oneDimensionalCaseMatchesHandDerivation() {
        Dataset data = Dataset.of(new double[][] {{2.0}}, new double[] {1.0});
        AdversarialLoss loss = new AdversarialLoss(data, 0.4);
        double[] w = {0.5};
        assertEquals(0.8, loss.margins(w)[0], ROUNDING);
        assertEquals(Math.log1p(Math.exp(-0.8)), loss.value(w), ROUNDING);
        // For w > 0 the loss is softplus(-1.6 w), so dL/dw = -1.6 sigma(-1.6 w) and d2L/dw2 = 1.6^2 s(1.6 w).
        assertEquals(-1.6 * Logistic.sigmoid(-0.8), loss.gradient(w)[0], ROUNDING);
        HessianDecomposition h = loss.hessian(w);
        assertEquals(1.6 * 1.6 * Logistic.curvature(0.8), h.full().get(0, 0), ROUNDING);
        assertEquals((0.4 / 0.5) * Logistic.sigmoid(-0.8), h.kappa(), ROUNDING);
        assertEquals(1.6, loss.adversarialInputs(w)[0][0], ROUNDING);
    }

    /** Negative label: x = (1, 2), y = -1, w = (3, 4), eps = 1: m = -(3 + 8) - 5 = -16, x' = x + w_hat. */
    @Test
    void negativeLabelMovesTheInputAlongPlusWHat() {
        Dataset data = Dataset.of(new double[][] {{1.0, 2.0}}, new double[] {-1.0});
        AdversarialLoss loss = new AdversarialLoss(data, 1.0);
        double[] w = {3.0, 4.0};
        assertEquals(-16.0, loss.margins(w)[0], ROUNDING);
        assertArrayEquals(new double[] {1.6, 2.8}, loss.adversarialInputs(w)[0], ROUNDING);
        double a = Logistic.sigmoid(16.0);
        // grad = -sigma(-m) y x' = +sigma(16) x'.
        assertArrayEquals(new double[] {a * 1.6, a * 2.8}, loss.gradient(w), ROUNDING);
    }

    @Test
    void hessianSplitsIntoFixedInputPartAndDirectionTerm() {
        Dataset data = OracleFixtures.gaussian(11, 40, 5);
        double[] w = OracleFixtures.vector(12, 5, 0.8);
        HessianDecomposition h = new AdversarialLoss(data, 0.3).hessian(w);
        DMatrixRMaj difference = h.full();
        CommonOps_DDRM.subtractEquals(difference, h.fixedInputPart());
        DMatrixRMaj kappaP = h.projector();
        CommonOps_DDRM.scale(h.kappa(), kappaP);
        assertTrue(h.kappa() > 0, "kappa > 0 for eps > 0");
        assertMatrixEquals(kappaP, difference, IDENTITY);
        assertMatrixEquals(kappaP, h.directionTerm(), IDENTITY);
    }

    @Test
    void fixedInputPartIsTheCleanHessianAtTheDetachedAdversarialInputs() {
        Dataset data = OracleFixtures.gaussian(21, 30, 4);
        double[] w = OracleFixtures.vector(22, 4, 1.1);
        AdversarialLoss loss = new AdversarialLoss(data, 0.25);
        Dataset detached = Dataset.of(loss.adversarialInputs(w), data.labels());
        DMatrixRMaj clean = new AdversarialLoss(detached, 0.0).hessian(w).full();
        assertMatrixEquals(clean, loss.hessian(w).fixedInputPart(), IDENTITY);
    }

    @Test
    void projectorIsTheOrthogonalProjectorOntoTheComplementOfW() {
        double[] w = OracleFixtures.vector(31, 6, 2.0);
        HessianDecomposition h = new AdversarialLoss(OracleFixtures.gaussian(32, 10, 6), 0.5).hessian(w);
        DMatrixRMaj p = h.projector();
        DMatrixRMaj pp = new DMatrixRMaj(6, 6);
        CommonOps_DDRM.mult(p, p, pp);
        assertMatrixEquals(p, pp, IDENTITY);
        DMatrixRMaj pw = new DMatrixRMaj(6, 1);
        CommonOps_DDRM.mult(p, new DMatrixRMaj(6, 1, true, w), pw);
        assertEquals(0.0, CommonOps_DDRM.elementMaxAbs(pw), IDENTITY * Require.norm(w));
        assertEquals(5.0, CommonOps_DDRM.trace(p), IDENTITY, "trace P = d - 1");
    }

    @Test
    void compressedClosedFormEqualsQTransposeHQ() {
        Dataset data = OracleFixtures.gaussian(41, 25, 5);
        double[] w = OracleFixtures.vector(42, 5, 0.7);
        HessianDecomposition h = new AdversarialLoss(data, 0.35).hessian(w);
        DMatrixRMaj q = h.complementBasis();
        DMatrixRMaj qtq = new DMatrixRMaj(4, 4);
        CommonOps_DDRM.multTransA(q, q, qtq);
        assertMatrixEquals(CommonOps_DDRM.identity(4), qtq, IDENTITY);
        DMatrixRMaj qtw = new DMatrixRMaj(4, 1);
        CommonOps_DDRM.multTransA(q, new DMatrixRMaj(5, 1, true, h.unitWeight()), qtw);
        assertEquals(0.0, CommonOps_DDRM.elementMaxAbs(qtw), IDENTITY);
        DMatrixRMaj hq = new DMatrixRMaj(5, 4);
        CommonOps_DDRM.mult(h.full(), q, hq);
        DMatrixRMaj qthq = new DMatrixRMaj(4, 4);
        CommonOps_DDRM.multTransA(q, hq, qthq);
        assertMatrixEquals(qthq, h.compressed(), IDENTITY);
    }

    @Test
    void complementBasisIsOrthogonalForBothSignsOfTheFirstComponent() {
        Dataset data = OracleFixtures.gaussian(43, 8, 3);
        for (double[] w : new double[][] {{-2.0, 0.5, 1.0}, {2.0, 0.5, 1.0}, {0.0, 0.0, 1.0}}) {
            HessianDecomposition h = new AdversarialLoss(data, 0.1).hessian(w);
            DMatrixRMaj q = h.complementBasis();
            DMatrixRMaj qtw = new DMatrixRMaj(2, 1);
            CommonOps_DDRM.multTransA(q, new DMatrixRMaj(3, 1, true, w), qtw);
            assertEquals(0.0, CommonOps_DDRM.elementMaxAbs(qtw), IDENTITY * Require.norm(w));
            DMatrixRMaj qtq = new DMatrixRMaj(2, 2);
            CommonOps_DDRM.multTransA(q, q, qtq);
            assertMatrixEquals(CommonOps_DDRM.identity(2), qtq, IDENTITY);
        }
    }

    @Test
    void oneDimensionalComplementIsEmpty() {
        HessianDecomposition h = new AdversarialLoss(Dataset.of(new double[][] {{1.0}, {-2.0}},
                new double[] {1.0, -1.0}), 0.2).hessian(new double[] {0.7});
        assertEquals(0, h.complementBasis().numCols);
        assertEquals(0, h.compressed().numRows);
    }

    @Test
    void curvatureAlongWeightClosedFormEqualsRayleighQuotient() {
        Dataset data = OracleFixtures.gaussian(51, 30, 4);
        double[] w = OracleFixtures.vector(52, 4, 1.3);
        HessianDecomposition h = new AdversarialLoss(data, 0.45).hessian(w);
        double[] u = h.unitWeight();
        DMatrixRMaj hu = new DMatrixRMaj(4, 1);
        CommonOps_DDRM.mult(h.full(), new DMatrixRMaj(4, 1, true, u), hu);
        double rayleigh = 0.0;
        for (int j = 0; j < 4; j++) {
            rayleigh += u[j] * hu.get(j, 0);
        }
        assertEquals(rayleigh, h.curvatureAlongWeight(), IDENTITY);
    }

    @Test
    void kappaIsZeroAtEpsilonZeroAndRisesWithEpsilon() {
        Dataset data = OracleFixtures.gaussian(61, 20, 3);
        double[] w = OracleFixtures.vector(62, 3, 1.0);
        AdversarialLoss loss = new AdversarialLoss(data, 0.0);
        assertEquals(0.0, loss.hessian(w).kappa(), 0.0);
        double previous = 0.0;
        for (double eps = 0.05; eps < 1.0; eps += 0.05) {
            double kappa = loss.atEpsilon(eps).hessian(w).kappa();
            assertTrue(kappa > previous, "kappa rises: " + previous + " -> " + kappa + " at eps " + eps);
            previous = kappa;
        }
    }

    @Test
    void weightDecayAddsLambdaToValueGradientAndHessian() {
        Dataset data = OracleFixtures.gaussian(71, 15, 3);
        double[] w = {0.3, -0.4, 1.2};
        AdversarialLoss loss = new AdversarialLoss(data, 0.2);
        PenalizedAdversarialLoss penalized = new PenalizedAdversarialLoss(loss, 0.5);
        double squaredNorm = 0.09 + 0.16 + 1.44;
        assertEquals(loss.value(w) + 0.25 * squaredNorm, penalized.value(w), ROUNDING);
        double[] g = loss.gradient(w);
        double[] gp = penalized.gradient(w);
        for (int j = 0; j < 3; j++) {
            assertEquals(g[j] + 0.5 * w[j], gp[j], ROUNDING);
        }
        DMatrixRMaj expected = loss.hessian(w).full();
        for (int j = 0; j < 3; j++) {
            expected.add(j, j, 0.5);
        }
        assertMatrixEquals(expected, penalized.hessian(w), IDENTITY);
    }

    @Test
    void lossAtZeroWeightsIsLogTwoAndDerivativesAreRejectedThere() {
        AdversarialLoss loss = new AdversarialLoss(OracleFixtures.gaussian(81, 6, 2), 0.3);
        double[] zero = {0.0, 0.0};
        assertEquals(Math.log(2.0), loss.value(zero), ROUNDING);
        IllegalArgumentException g = assertThrows(IllegalArgumentException.class, () -> loss.gradient(zero));
        assertTrue(g.getMessage().startsWith("w = 0"), g.getMessage());
        IllegalArgumentException h = assertThrows(IllegalArgumentException.class, () -> loss.hessian(zero));
        assertTrue(h.getMessage().contains("kink"), h.getMessage());
        assertThrows(IllegalArgumentException.class, () -> loss.adversarialInputs(zero));
        // At eps = 0 the clean loss is smooth at w = 0, so its gradient exists there.
        double[] clean = loss.atEpsilon(0.0).gradient(zero);
        assertEquals(2, clean.length);
    }

    @Test
    void badInputsAreRejectedWithMessagesThatNameTheProblem() {
        Dataset data = OracleFixtures.gaussian(91, 5, 3);
        assertMessage("epsilon is -0.1", () -> new AdversarialLoss(data, -0.1));
        assertMessage("epsilon is NaN", () -> new AdversarialLoss(data, Double.NaN));
        assertMessage("epsilon is Infinity", () -> new AdversarialLoss(data, Double.POSITIVE_INFINITY));
        AdversarialLoss loss = new AdversarialLoss(data, 0.1);
        assertMessage("w has 2 entries but the data have d = 3", () -> loss.value(new double[] {1, 2}));
        assertMessage("w[1] is NaN", () -> loss.gradient(new double[] {1, Double.NaN, 2}));
        assertMessage("w is missing", () -> loss.margins(null));
        assertMessage("weight decay lambda is -1.0", () -> new PenalizedAdversarialLoss(loss, -1.0));
        assertMessage("data set is missing", () -> new AdversarialLoss(null, 0.1));
    }

    static void assertMessage(String expectedStart, Runnable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().startsWith(expectedStart), "message was: " + e.getMessage());
    }

    static void assertMatrixEquals(DMatrixRMaj expected, DMatrixRMaj actual, double relativeTolerance) {
        assertEquals(expected.numRows, actual.numRows, "rows");
        assertEquals(expected.numCols, actual.numCols, "columns");
        double scale = Math.max(1.0, CommonOps_DDRM.elementMaxAbs(expected));
        for (int i = 0; i < expected.numRows; i++) {
            for (int j = 0; j < expected.numCols; j++) {
                assertEquals(expected.get(i, j), actual.get(i, j), relativeTolerance * scale,
                        "entry (" + i + ", " + j + ")");
            }
        }
    }
}
