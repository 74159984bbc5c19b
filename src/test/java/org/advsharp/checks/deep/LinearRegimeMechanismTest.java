package org.advsharp.checks.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.CheckResult;
import org.advsharp.check.Evidence;
import org.advsharp.check.Outcome;
import org.advsharp.data.Dataset;
import org.advsharp.numerics.SymmetricEigenSolvers;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.oracle.HessianDecomposition;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** exp:linear-regime-mechanism: its check at the default seed, its three-way sign test, and its measurements. */
class LinearRegimeMechanismTest {
    /** Rounding allowed between two dense eigen-computations of the same small matrix. */
    private static final double EIGEN_SLACK = 1e-12;

    @Test
    void atTheDefaultSeedLambdaMaxOfARisesWhenFittedAndFallsWhenUnderFitted() {
        Check check = new LinearRegimeMechanism();
        Evidence evidence = new Evidence();
        String summary = check.run(CheckContext.defaults().forCheck(check), evidence);
        CheckResult result = evidence.toResult(check, summary, 0);
        assertEquals(Outcome.PASSED, result.outcome(), summary);
        assertEquals(2, result.measurements().size(), "both sign tests decide: " + summary);
    }

    @Test
    void theSignTestPassesInItsDirectionFindsTheMirroredEffectAndOtherwiseStaysUndecided() {
        assertEquals(Outcome.PASSED, outcome(24, 6));
        assertEquals(Outcome.INCONCLUSIVE, outcome(23, 7), "p = 2.6e-3 is above the level");
        assertEquals(Outcome.COUNTEREXAMPLE_FOUND, outcome(6, 24));
        assertEquals(Outcome.INCONCLUSIVE, outcome(15, 15));
        assertEquals(Outcome.INCONCLUSIVE, outcome(0, 0), "no untied problem tests nothing");
    }

    @Test
    void theThreeReadingsOfAAgreeWithTheOracle() {
        Dataset data = Dataset.of(new double[][] {{1, 0.5, -0.2}, {-0.3, 1.2, 0.4}, {0.8, -0.6, 1.1}, {-1, -0.2, 0.3}},
                new double[] {1, 1, -1, -1});
        double[] w = {0.7, -0.4, 0.2};
        double eps = 0.3;
        FixedInputPoint f = FixedInputPoint.at(data, eps, w);
        HessianDecomposition h = new AdversarialLoss(data, eps).hessian(w);
        DMatrixRMaj a = h.fixedInputPart();
        double[] u = h.unitWeight();
        double uau = 0;
        for (int i = 0; i < u.length; i++) {
            for (int j = 0; j < u.length; j++) {
                uau += u[i] * a.get(i, j) * u[j];
            }
        }
        assertEquals(uau, f.alongWeight(), EIGEN_SLACK);
        assertEquals(SymmetricEigenSolvers.standard().decompose(a).largest(), f.lambdaMaxA(), EIGEN_SLACK);
        assertTrue(f.compressedTop() <= f.lambdaMaxA() + EIGEN_SLACK, "Cauchy interlacing");
        assertTrue(f.compressedTop() > 0);
        double[] m = h.margins();
        long positive = Arrays.stream(m).filter(x -> x > 0).count();
        assertEquals(positive / (double) m.length, f.positiveShare());
    }

    private static Outcome outcome(int with, int against) {
        Evidence evidence = new Evidence();
        LinearRegimeMechanism.signTest(evidence, "x", with, against, 1L, "replay");
        return evidence.outcome();
    }
}
