package org.advsharp.checks.fashion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.advsharp.checks.CheckTolerances;
import org.advsharp.training.PointSharpness;
import org.advsharp.training.Solver;
import org.advsharp.training.SweepPoint;
import org.advsharp.training.SweepResult;
import org.junit.jupiter.api.Test;

/**
 * The Fashion-MNIST eigenvalue plots flag a point whose Lanczos residual / lambda_max is above
 * {@link CheckTolerances#LANCZOS_RESIDUAL} (or not a number), separately for lambda_max(H) and lambda_max(A), and
 * a growth lambda_max(eps) / lambda_max(0) where either eigenvalue is flagged; the report draws flagged points as
 * open markers (SvgPlotTest).
 */
class FashionPlotMarkersTest {
    private static final double TOLERANCE = CheckTolerances.LANCZOS_RESIDUAL.value();

    @Test
    void eachEigenvalueIsFlaggedByItsOwnRelativeResidual() {
        SweepResult s = new SweepResult("L2 adversarial", 1, FashionRun.LAMBDA, "trainer", "start", List.of(
                point(10, 0.5 * TOLERANCE * 10, 5, 0.5 * TOLERANCE * 5),
                point(10, 2 * TOLERANCE * 10, 5, 0),
                point(10, 0, 5, 2 * TOLERANCE * 5),
                point(10, Double.NaN, 5, 0)));
        assertArrayEquals(new boolean[] {false, true, false, true}, Certification.uncertifiedH(s));
        assertArrayEquals(new boolean[] {false, false, true, false}, Certification.uncertifiedA(s));
    }

    @Test
    void aGrowthIsUncertifiedWhereItsEigenvalueOrTheOneAtZeroIs() {
        assertArrayEquals(new boolean[] {false, true, false}, FashionLinfGrowsLessThanL2.growthUncertified(
                new boolean[] {false, true, false}));
        assertArrayEquals(new boolean[] {true, true, true}, FashionLinfGrowsLessThanL2.growthUncertified(
                new boolean[] {true, false, false}));
    }

    private static SweepPoint point(double lambdaMaxH, double residualH, double lambdaMaxA, double residualA) {
        return new SweepPoint(0, 0, null, null, new PointSharpness(lambdaMaxH, residualH, lambdaMaxA, residualA, 1, 1,
                0, 1, Solver.MATRIX_FREE, 0));
    }
}
