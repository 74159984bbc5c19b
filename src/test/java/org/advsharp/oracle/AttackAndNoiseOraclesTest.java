package org.advsharp.oracle;

import static org.advsharp.numerics.Tolerances.IDENTITY;
import static org.advsharp.numerics.Tolerances.ROUNDING;
import static org.advsharp.oracle.AdversarialLossTest.assertMatrixEquals;
import static org.advsharp.oracle.AdversarialLossTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.advsharp.data.Dataset;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class AttackAndNoiseOraclesTest {

    @Test
    void l2AttackHasRadiusEpsAndPointsAgainstTheLabel() {
        assertArrayEquals(new double[] {-0.6, -0.8}, L2Attack.worstCase(new double[] {3, 4}, 1.0, 1.0), ROUNDING);
        assertArrayEquals(new double[] {0.3, 0.4}, L2Attack.worstCase(new double[] {3, 4}, -1.0, 0.5), ROUNDING);
        assertArrayEquals(new double[] {0.0, 0.0}, L2Attack.worstCase(new double[] {0, 0}, 1.0, 0.0), 0.0);
        assertMessage("w = 0", () -> L2Attack.worstCase(new double[] {0, 0}, 1.0, 0.5));
        assertMessage("label y is 0.0", () -> L2Attack.worstCase(new double[] {1, 0}, 0.0, 0.5));
        assertMessage("epsilon is -1.0", () -> L2Attack.worstCase(new double[] {1, 0}, 1.0, -1.0));
    }

    @Test
    void l2AttackReproducesTheClosedFormMargin() {
        Dataset data = OracleFixtures.gaussian(101, 12, 4);
        double[] w = OracleFixtures.vector(102, 4, 0.9);
        double eps = 0.37;
        double[] margins = new AdversarialLoss(data, eps).margins(w);
        for (int i = 0; i < data.size(); i++) {
            double[] eta = L2Attack.worstCase(w, data.label(i), eps);
            double attacked = 0.0;
            for (int j = 0; j < 4; j++) {
                attacked += w[j] * (data.feature(i, j) + eta[j]);
            }
            assertEquals(margins[i], data.label(i) * attacked, IDENTITY * Math.max(1.0, Math.abs(margins[i])));
        }
    }

    @Test
    void linfAttackIsMinusEpsYSignW() {
        assertArrayEquals(new double[] {-0.5, 0.5, 0.0}, LinfAttack.worstCase(new double[] {2, -3, 0}, 1.0, 0.5), 0.0);
        assertArrayEquals(new double[] {0.5, -0.5, 0.0}, LinfAttack.worstCase(new double[] {2, -3, 0}, -1.0, 0.5), 0.0);
    }

    /**
     * The Linf attack refuses what the L2 attack refuses (w = 0 aside: sign(0) = 0 gives a defined attack), each
     * with the input named: without the check a label 0 would give the zero vector and eps &lt; 0 an attack in
     * the wrong direction, silently. It has no data, so w's length is its own dimension.
     */
    @Test
    void linfAttackRefusesABadLabelRadiusOrWeightNamingIt() {
        assertArrayEquals(new double[] {0.0, 0.0}, LinfAttack.worstCase(new double[] {0, 0}, 1.0, 0.5), 0.0);
        assertMessage("label y is 0.0", () -> LinfAttack.worstCase(new double[] {1, 0}, 0.0, 0.5));
        assertMessage("label y is NaN", () -> LinfAttack.worstCase(new double[] {1, 0}, Double.NaN, 0.5));
        assertMessage("label y is 2.0", () -> LinfAttack.worstCase(new double[] {1, 0}, 2.0, 0.5));
        assertMessage("epsilon is -1.0", () -> LinfAttack.worstCase(new double[] {1, 0}, 1.0, -1.0));
        assertMessage("epsilon is NaN", () -> LinfAttack.worstCase(new double[] {1, 0}, 1.0, Double.NaN));
        assertMessage("epsilon is Infinity", () -> LinfAttack.worstCase(new double[] {1, 0}, 1.0,
                Double.POSITIVE_INFINITY));
        assertMessage("w[1] is NaN", () -> LinfAttack.worstCase(new double[] {1, Double.NaN}, 1.0, 0.5));
        assertMessage("w is missing (null)", () -> LinfAttack.worstCase(null, 1.0, 0.5));
    }

    @Test
    void linfLossUsesTheL1NormAndHasNoDirectionTerm() {
        Dataset data = Dataset.of(new double[][] {{1.0, 2.0}, {-1.0, 0.5}}, new double[] {1.0, -1.0});
        LinfAdversarialLoss loss = new LinfAdversarialLoss(data, 0.25);
        double[] w = {1.0, -2.0};
        // m_1 = (1 - 4) - 0.25*3 = -3.75; m_2 = -(-1 - 1) - 0.75 = 1.25.
        assertArrayEquals(new double[] {-3.75, 1.25}, loss.margins(w), ROUNDING);
        assertEquals((Logistic.softplus(3.75) + Logistic.softplus(-1.25)) / 2, loss.value(w), ROUNDING);
        // Its Hessian equals the clean Hessian at x''_n = x_n - eps y_n sign(w), held fixed.
        Dataset detached = Dataset.of(new double[][] {{0.75, 2.25}, {-0.75, 0.25}}, data.labels());
        DMatrixRMaj clean = new AdversarialLoss(detached, 0.0).hessian(w).full();
        assertMatrixEquals(clean, loss.hessian(w), IDENTITY);
        assertMessage("w[1] = 0", () -> loss.gradient(new double[] {1.0, 0.0}));
    }

    @Test
    void linfAtEpsilonZeroIsTheCleanLoss() {
        Dataset data = OracleFixtures.gaussian(111, 20, 3);
        double[] w = OracleFixtures.vector(112, 3, 1.0);
        AdversarialLoss clean = new AdversarialLoss(data, 0.0);
        LinfAdversarialLoss linf = new LinfAdversarialLoss(data, 0.0);
        assertEquals(clean.value(w), linf.value(w), ROUNDING);
        assertArrayEquals(clean.gradient(w), linf.gradient(w), ROUNDING);
        assertMatrixEquals(clean.hessian(w).full(), linf.hessian(w), IDENTITY);
    }

    @Test
    void randomNoiseLossIsTheCleanLossOnThePerturbedInputs() {
        Dataset data = OracleFixtures.gaussian(121, 18, 3);
        double[][] noise = new double[18][];
        double[][] perturbed = data.rows();
        for (int i = 0; i < 18; i++) {
            noise[i] = OracleFixtures.vector(200 + i, 3, 0.3);
            for (int j = 0; j < 3; j++) {
                perturbed[i][j] += noise[i][j];
            }
        }
        double[] w = OracleFixtures.vector(122, 3, 1.0);
        RandomNoiseLoss noisy = new RandomNoiseLoss(data, noise);
        AdversarialLoss clean = new AdversarialLoss(Dataset.of(perturbed, data.labels()), 0.0);
        assertEquals(clean.value(w), noisy.value(w), ROUNDING);
        assertArrayEquals(clean.gradient(w), noisy.gradient(w), ROUNDING);
        assertMatrixEquals(clean.hessian(w).full(), noisy.hessian(w), IDENTITY);
        assertMessage("noise has 2 rows but the data have N = 18", () -> new RandomNoiseLoss(data, new double[2][3]));
    }

    @Test
    void criticalRadiusIsTheNormOfTheMeanSignedInput() {
        Dataset data = Dataset.of(new double[][] {{3.0, 0.0}, {-1.0, -4.0}}, new double[] {1.0, -1.0});
        // mean of y x = ((3 + 1)/2, (0 + 4)/2) = (2, 2).
        assertArrayEquals(new double[] {2.0, 2.0}, CriticalRadius.meanSignedInput(data), ROUNDING);
        assertEquals(Math.sqrt(8.0), CriticalRadius.of(data), ROUNDING);
    }

    @Test
    void stationarityResidualsSplitTheGradientAlongAndAcrossW() {
        Dataset data = OracleFixtures.gaussian(131, 25, 4);
        double[] w = OracleFixtures.vector(132, 4, 0.6);
        AdversarialLoss loss = new AdversarialLoss(data, 0.2);
        double lambda = 0.05;
        StationarityResiduals r = StationarityResiduals.at(loss, lambda, w);
        double[] g = new PenalizedAdversarialLoss(loss, lambda).gradient(w);
        double dot = 0.0;
        double gg = 0.0;
        for (int j = 0; j < 4; j++) {
            dot += w[j] * g[j];
            gg += g[j] * g[j];
        }
        double norm = Require.norm(w);
        assertEquals(-dot, r.radial(), ROUNDING);
        assertEquals(Math.sqrt(gg), r.gradientNorm(), ROUNDING);
        double along = dot / norm;
        assertEquals(gg, along * along + r.tangentialNorm() * r.tangentialNorm(), IDENTITY * gg);
    }
}
