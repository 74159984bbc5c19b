package org.advsharp.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class PowerIterationTest {
    private static final int MAX_ITERATIONS = 2000;

    @Test
    void findsTheTopOfPlantedPsdMatricesAndAgreesWithTheDenseSolver() {
        for (int trial = 0; trial < 10; trial++) {
            int n = 20 + 10 * trial;
            SplittableRandom random = new SplittableRandom(100L + trial);
            double[] l = new double[n];
            for (int i = 0; i < n; i++) {
                l[i] = 5.0 * random.nextDouble();
            }
            l[random.nextInt(n)] = 8.0 + random.nextDouble(); // gap ratio at most 6/8
            DMatrixRMaj q = PlantedMatrices.randomOrthogonal(n, 200L + trial);
            DMatrixRMaj m = PlantedMatrices.withSpectrum(q, l);
            PowerResult r = PowerIteration.top(LinearOperator.of(m), MAX_ITERATIONS,
                    Tolerances.POWER_ITERATION_RESIDUAL, 300L + trial);
            assertTrue(r.converged(), "trial " + trial + " did not converge");
            double top = PlantedMatrices.descending(l)[0];
            double valueError = Math.abs(r.value() - top) / top;
            Measured.record("power iteration eigenvalue error / lambda_max", valueError,
                    Tolerances.POWER_ITERATION_RESIDUAL);
            assertTrue(valueError <= Tolerances.POWER_ITERATION_RESIDUAL, "trial " + trial + ": " + r.value());
            assertTrue(r.residual() <= Tolerances.POWER_ITERATION_RESIDUAL * Math.abs(r.value()));
            double recomputed = Vectors.residual(LinearOperator.of(m), r.vector(), r.value());
            assertEquals(r.residual(), recomputed, Tolerances.EIGEN_RESIDUAL * top, "reported residual is honest");

            SymmetricSpectrum dense = SymmetricEigenSolvers.standard().decompose(m);
            double gap = dense.eigenvalue(0) - dense.eigenvalue(1);
            // Davis-Kahan: ||v - v_1||_2 ~ sin(angle) <= residual / gap <= tol * top / gap.
            double vectorError = PlantedMatrices.distance(r.vector(), dense.eigenvector(0)) * gap / top;
            Measured.record("power iteration vector error * gap / lambda_max", vectorError,
                    Tolerances.POWER_ITERATION_RESIDUAL);
            assertTrue(vectorError <= Tolerances.POWER_ITERATION_RESIDUAL, "eigenvector off by " + vectorError);
        }
    }

    @Test
    void findsTheEigenvalueOfLargestMagnitudeEvenIfNegative() {
        int n = 12;
        double[] l = {3, 2, 1, 0.5, 0, 0, -1, -2, -2.5, 1.5, 0.2, -6};
        DMatrixRMaj q = PlantedMatrices.randomOrthogonal(n, 7L);
        PowerResult r = PowerIteration.top(LinearOperator.of(PlantedMatrices.withSpectrum(q, l)), MAX_ITERATIONS,
                Tolerances.POWER_ITERATION_RESIDUAL, 8L);
        assertTrue(r.converged());
        assertEquals(-6.0, r.value(), Tolerances.POWER_ITERATION_RESIDUAL * 6.0);
    }

    @Test
    void oppositeEigenvaluesOfEqualMagnitudeDoNotConverge() {
        DMatrixRMaj m = new DMatrixRMaj(new double[][] {{2, 0, 0}, {0, -2, 0}, {0, 0, 1}});
        PowerResult r = PowerIteration.top(LinearOperator.of(m), 200, Tolerances.POWER_ITERATION_RESIDUAL, 9L);
        assertFalse(r.converged());
        assertEquals(200, r.iterations());
        assertTrue(r.residual() > Tolerances.POWER_ITERATION_RESIDUAL * Math.abs(r.value()));
    }

    @Test
    void dimensionOneAndZeroOperator() {
        PowerResult one = PowerIteration.top(LinearOperator.of(new DMatrixRMaj(new double[][] {{4.0}})), 5,
                Tolerances.POWER_ITERATION_RESIDUAL, 1L);
        assertEquals(4.0, one.value());
        assertArrayEquals(new double[] {1.0}, one.vector());
        assertEquals(1, one.iterations());
        PowerResult zero = PowerIteration.top(LinearOperator.of(new DMatrixRMaj(3, 3)), 5,
                Tolerances.POWER_ITERATION_RESIDUAL, 1L);
        assertEquals(0.0, zero.value());
        assertTrue(zero.converged());
    }

    @Test
    void isReproducibleForAFixedSeed() {
        DMatrixRMaj m = PlantedMatrices.randomSymmetric(15, 3L);
        PowerResult a = PowerIteration.top(LinearOperator.of(m), 50, Tolerances.POWER_ITERATION_RESIDUAL, 4L);
        PowerResult b = PowerIteration.top(LinearOperator.of(m), 50, Tolerances.POWER_ITERATION_RESIDUAL, 4L);
        assertEquals(a.value(), b.value(), 0.0);
        assertArrayEquals(a.vector(), b.vector(), 0.0);
    }

    @Test
    void rejectsBadArguments() {
        LinearOperator op = LinearOperator.of(new DMatrixRMaj(2, 2));
        assertThrows(IllegalArgumentException.class, () -> PowerIteration.top(null, 5, 1e-6, 0L));
        assertThrows(IllegalArgumentException.class, () -> PowerIteration.top(op, 0, 1e-6, 0L));
        IllegalArgumentException tol = assertThrows(IllegalArgumentException.class,
                () -> PowerIteration.top(op, 5, Double.NaN, 0L));
        assertTrue(tol.getMessage().contains("relativeTolerance"));
        assertThrows(IllegalArgumentException.class, () -> PowerIteration.top(op, 5, 0.0, 0L));
        assertThrows(IllegalArgumentException.class, () -> PowerIteration.top(op, 5, 1.0, 0L));
        // the boundary values just inside the ranges are accepted
        PowerResult single = PowerIteration.top(LinearOperator.of(CommonOps_DDRM.diag(3.0, 1.0)), 1, 0.5, 0L);
        assertEquals(1, single.iterations());
    }

    @Test
    void stoppingRuleIsRelativeToTheEigenvalueAtAnyScale() {
        // The same planted problem at three scales: the stopping rule residual <= tol |theta| is
        // scale-free, so the relative accuracy and the convergence flag must not depend on the scale.
        int n = 10;
        double[] l = {4, 3, 2.5, 2, 1.5, 1, 0.5, 0.25, 0.1, 0};
        DMatrixRMaj q = PlantedMatrices.randomOrthogonal(n, 17L);
        for (double scale : new double[] {1e-8, 1.0, 1e8}) {
            double[] scaled = l.clone();
            for (int i = 0; i < n; i++) {
                scaled[i] *= scale;
            }
            PowerResult r = PowerIteration.top(LinearOperator.of(PlantedMatrices.withSpectrum(q, scaled)),
                    MAX_ITERATIONS, Tolerances.POWER_ITERATION_RESIDUAL, 18L);
            assertTrue(r.converged(), "scale " + scale);
            assertTrue(r.residual() <= Tolerances.POWER_ITERATION_RESIDUAL * Math.abs(r.value()), "scale " + scale);
            assertTrue(Tolerances.relativeError(r.value(), 4.0 * scale) <= Tolerances.POWER_ITERATION_RESIDUAL,
                    "scale " + scale + ": " + r.value());
        }
    }
}
