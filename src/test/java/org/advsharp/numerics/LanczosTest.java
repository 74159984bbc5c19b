package org.advsharp.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class LanczosTest {

    /** A PSD spectrum in R^n: a few well-separated top values and a bulk in [0, 1). */
    private static double[] psdSpectrum(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = random.nextDouble();
        }
        l[3] = 10.0;
        l[11 % n] = 7.0;
        l[5] = 5.0;
        l[8] = 3.0;
        l[1] = 2.0;
        return l;
    }

    /**
     * Checks a Lanczos result against the planted spectrum: top-k eigenvalues within the residual
     * tolerance times ||A|| (an eigenvalue lies within ||r|| of each Ritz value), residuals below it,
     * and, for simple eigenvalues, Ritz vectors within residual / gap of the planted eigenvectors.
     */
    private static void assertMatchesPlanted(LanczosResult r, DMatrixRMaj q, double[] planted, int k) {
        double[] sorted = PlantedMatrices.descending(planted);
        double norm = PlantedMatrices.spectralNorm(planted);
        DMatrixRMaj vectors = PlantedMatrices.columnsInDescendingOrder(q, planted);
        double[] values = r.eigenvalues();
        double[] residuals = r.residualNorms();
        double[][] ritz = r.eigenvectors();
        assertEquals(k, values.length);
        for (int i = 0; i < k; i++) {
            double valueError = Math.abs(values[i] - sorted[i]) / norm;
            Measured.record("Lanczos eigenvalue error / ||A||", valueError, Tolerances.LANCZOS_RESIDUAL);
            assertTrue(valueError <= Tolerances.LANCZOS_RESIDUAL, "Ritz value " + i + " = " + values[i]
                    + " but planted " + sorted[i]);
            Measured.record("Lanczos true residual / ||A||", residuals[i] / norm, Tolerances.LANCZOS_RESIDUAL);
            assertTrue(residuals[i] <= Tolerances.LANCZOS_RESIDUAL * norm, "residual " + i + " = " + residuals[i]);
            assertTrue(Math.abs(Vectors.norm(ritz[i]) - 1.0) <= Tolerances.EIGEN_RESIDUAL, "unit Ritz vector");
            double gap = Double.POSITIVE_INFINITY;
            if (i > 0) {
                gap = Math.min(gap, sorted[i - 1] - sorted[i]);
            }
            if (i + 1 < sorted.length) {
                gap = Math.min(gap, sorted[i] - sorted[i + 1]);
            }
            if (gap > 0.0) {
                double[] planted_i = new double[sorted.length];
                for (int row = 0; row < planted_i.length; row++) {
                    planted_i[row] = vectors.get(row, i);
                }
                Vectors.canonicalSign(planted_i);
                // Davis-Kahan: ||y - v||_2 ~ sin(angle) <= residual / gap <= tol * ||A|| / gap.
                double vectorError = PlantedMatrices.distance(ritz[i], planted_i) * gap / norm;
                Measured.record("Lanczos Ritz vector error * gap / ||A||", vectorError, Tolerances.LANCZOS_RESIDUAL);
                assertTrue(vectorError <= Tolerances.LANCZOS_RESIDUAL, "Ritz vector " + i + " off by " + vectorError);
            }
        }
    }

    @Test
    void topFiveOfAPlantedPsdMatrix() {
        int n = 120;
        double[] l = psdSpectrum(n, 11L);
        DMatrixRMaj q = PlantedMatrices.randomOrthogonal(n, 12L);
        CountingOperator op = new CountingOperator(PlantedMatrices.withSpectrum(q, l));
        LanczosResult r = Lanczos.topK(op, 5, n, 13L);
        assertTrue(r.converged());
        assertMatchesPlanted(r, q, l, 5);
        assertTrue(r.iterations() < n, "well-separated top eigenvalues should converge before n steps, took "
                + r.iterations());
        assertEquals(r.iterations() + 5, op.products(), "one product per step plus one per residual");
    }

    @Test
    void kEqualToTheDimensionRecoversTheWholeSpectrumWithMultiplicities() {
        int n = 16;
        double[] l = {9, 9, 9, 4, 4, 3, 2.5, 2, 1.5, 1, 0.5, 0, 0, 0, -1, -3};
        DMatrixRMaj q = PlantedMatrices.randomOrthogonal(n, 21L);
        LanczosResult r = Lanczos.topK(LinearOperator.of(PlantedMatrices.withSpectrum(q, l)), n, n, 22L);
        assertTrue(r.converged());
        assertEquals(n, r.iterations());
        assertMatchesPlanted(r, q, l, n);
    }

    /**
     * Eigenvalues spread over 12 orders of magnitude and k = n: late Lanczos vectors come out of heavy
     * cancellation (||w|| after the recurrence is tiny against ||A q||), where the plain three-term
     * recurrence loses orthogonality fastest; full reorthogonalisation must keep the basis orthonormal.
     */
    @Test
    void wideDynamicRangeKeepsTheBasisOrthonormal() {
        int n = 40;
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = Math.pow(10.0, -12.0 * i / (n - 1));
        }
        DMatrixRMaj q = PlantedMatrices.randomOrthogonal(n, 71L);
        LanczosResult r = Lanczos.topK(LinearOperator.of(PlantedMatrices.withSpectrum(q, l)), n, n, 72L);
        assertOrthonormal(r.eigenvectors());
        assertMatchesPlanted(r, q, l, n);
    }

    @Test
    void lowRankOperatorBreaksDownAndRestartsForTheNullSpace() {
        int n = 40;
        int rank = 3;
        double[] l = new double[n];
        l[7] = 6.0;
        l[19] = 2.0;
        l[30] = 1.0;
        DMatrixRMaj q = PlantedMatrices.randomOrthogonal(n, 31L);
        LinearOperator op = LinearOperator.of(PlantedMatrices.withSpectrum(q, l));

        // k <= rank: the Krylov space is invariant after at most rank + 1 steps (range plus one null direction).
        LanczosResult small = Lanczos.topK(op, 2, n, 32L);
        assertTrue(small.converged());
        assertTrue(small.iterations() <= rank + 1, "breakdown not detected, took " + small.iterations());
        assertMatchesPlanted(small, q, l, 2);

        // k > rank: the zero eigenvalue must appear k - rank times, which needs restarts after breakdown.
        LanczosResult large = Lanczos.topK(op, 6, n, 33L);
        assertTrue(large.converged());
        assertMatchesPlanted(large, q, l, 6);
        assertOrthonormal(large.eigenvectors());
    }

    @Test
    void dimensionOne() {
        DMatrixRMaj m = new DMatrixRMaj(new double[][] {{-2.5}});
        LanczosResult r = Lanczos.topK(LinearOperator.of(m), 1, 10, 1L);
        assertArrayEquals(new double[] {-2.5}, r.eigenvalues());
        assertArrayEquals(new double[] {1.0}, r.eigenvectors()[0]);
        assertEquals(1, r.iterations());
        assertEquals(0.0, maxResidual(r));
    }

    @Test
    void zeroOperatorGivesZeros() {
        LanczosResult r = Lanczos.topK(LinearOperator.of(new DMatrixRMaj(5, 5)), 3, 5, 2L);
        assertArrayEquals(new double[3], r.eigenvalues());
        assertTrue(r.converged());
        assertOrthonormal(r.eigenvectors());
    }

    @Test
    void zeroOperatorIsSolvedExactlyInOneStep() {
        // Ritz value 0, breakdown, estimate 0 <= bound 0: converged at once, however many steps are allowed.
        LanczosResult r = Lanczos.topK(LinearOperator.of(new DMatrixRMaj(5, 5)), 1, 2, 3L);
        assertTrue(r.converged());
        assertEquals(1, r.iterations());
        assertArrayEquals(new double[1], r.eigenvalues());
    }

    @Test
    void resultsScaleWithTheOperator() {
        // Breakdown and stopping thresholds are relative to ||A||: c A must give c times the Ritz values
        // of A to the same relative accuracy, for tiny and huge c alike.
        int n = 40;
        double[] l = psdSpectrum(n, 71L);
        DMatrixRMaj q = PlantedMatrices.randomOrthogonal(n, 72L);
        for (double c : new double[] {1e-12, 1.0, 1e12}) {
            double[] scaled = l.clone();
            for (int i = 0; i < n; i++) {
                scaled[i] *= c;
            }
            LanczosResult r = Lanczos.topK(LinearOperator.of(PlantedMatrices.withSpectrum(q, scaled)), 3, n, 73L);
            assertTrue(r.converged(), "scale " + c);
            double[] expected = PlantedMatrices.descending(scaled);
            for (int i = 0; i < 3; i++) {
                assertTrue(Math.abs(r.eigenvalues()[i] - expected[i]) <= Tolerances.LANCZOS_RESIDUAL * expected[0],
                        "scale " + c + ", eigenvalue " + i + ": " + r.eigenvalues()[i] + " vs " + expected[i]);
            }
            assertTrue(maxResidual(r) <= Tolerances.LANCZOS_RESIDUAL * expected[0], "scale " + c);
        }
    }

    @Test
    void indefiniteOperatorGivesAlgebraicallyLargest() {
        int n = 30;
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = -20.0 + i * 0.6; // largest magnitude is -20, algebraically largest is -2.6
        }
        DMatrixRMaj q = PlantedMatrices.randomOrthogonal(n, 41L);
        LanczosResult r = Lanczos.topK(LinearOperator.of(PlantedMatrices.withSpectrum(q, l)), 3, n, 42L);
        assertMatchesPlanted(r, q, l, 3);
    }

    @Test
    void tooFewIterationsIsReportedAsNotConverged() {
        int n = 200;
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = 1.0 - i / (double) n; // no gaps to speak of: slow convergence
        }
        DMatrixRMaj q = PlantedMatrices.randomOrthogonal(n, 51L);
        LanczosResult r = Lanczos.topK(LinearOperator.of(PlantedMatrices.withSpectrum(q, l)), 3, 6, 52L);
        assertFalse(r.converged());
        assertEquals(6, r.iterations());
        assertTrue(maxResidual(r) > Tolerances.LANCZOS_RESIDUAL, "the honest residual must show it");
    }

    @Test
    void sameSeedSameResultAndOtherSeedSameEigenvalues() {
        int n = 50;
        double[] l = psdSpectrum(n, 61L);
        LinearOperator op = LinearOperator.of(PlantedMatrices.withSpectrum(PlantedMatrices.randomOrthogonal(n, 62L), l));
        LanczosResult a = Lanczos.topK(op, 4, n, 63L);
        LanczosResult b = Lanczos.topK(op, 4, n, 63L);
        LanczosResult c = Lanczos.topK(op, 4, n, 64L);
        assertArrayEquals(a.eigenvalues(), b.eigenvalues(), 0.0);
        assertArrayEquals(a.eigenvectors()[0], b.eigenvectors()[0], 0.0);
        assertTrue(Tolerances.relativeError(c.eigenvalues(), a.eigenvalues()) <= Tolerances.LANCZOS_RESIDUAL);
    }

    @Test
    void rejectsBadArguments() {
        LinearOperator op = LinearOperator.of(new DMatrixRMaj(4, 4));
        assertThrows(IllegalArgumentException.class, () -> Lanczos.topK(null, 1, 4, 0L));
        IllegalArgumentException k0 = assertThrows(IllegalArgumentException.class, () -> Lanczos.topK(op, 0, 4, 0L));
        assertTrue(k0.getMessage().contains("k = 0"));
        assertThrows(IllegalArgumentException.class, () -> Lanczos.topK(op, 5, 10, 0L));
        IllegalArgumentException it = assertThrows(IllegalArgumentException.class, () -> Lanczos.topK(op, 3, 2, 0L));
        assertTrue(it.getMessage().contains("maxIterations"));
    }

    /** The largest residual norm over the pairs of r. */
    private static double maxResidual(LanczosResult r) {
        double m = 0.0;
        for (double x : r.residualNorms()) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static void assertOrthonormal(double[][] vectors) {
        for (int i = 0; i < vectors.length; i++) {
            for (int j = 0; j < vectors.length; j++) {
                double expected = i == j ? 1.0 : 0.0;
                double error = Math.abs(Vectors.dot(vectors[i], vectors[j]) - expected);
                Measured.record("Lanczos Ritz vectors |Y^T Y - I|_max", error, Tolerances.EIGEN_RESIDUAL);
                assertTrue(error <= Tolerances.EIGEN_RESIDUAL, "Ritz vectors " + i + ", " + j + " not orthonormal");
            }
        }
    }

    /**
     * Gauss quadrature from m Lanczos steps with full reorthogonalisation reproduces v^T A^p v for
     * p <= 2m - 1 up to the rounding of the Lanczos vectors (orthogonal to about m u ||A||) raised to the
     * p-th power: for ||A|| <= 10, p <= 7 and n = 12, relative 1e-9 covers it and catches any wrong
     * coefficient (a missing square or normalisation changes the moments by O(1)).
     */
    private static final double QUADRATURE_EXACTNESS = 1e-9;

    @Test
    void theTridiagonalFromAGivenStartReproducesTheMomentsAndTheSpectrum() {
        int n = 12;
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = 0.5 + 0.75 * i;
        }
        DMatrixRMaj a = PlantedMatrices.withSpectrum(PlantedMatrices.randomOrthogonal(n, 91L), l);
        LinearOperator op = LinearOperator.of(a);
        double[] v = new double[n];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        double[] before = v.clone();
        Lanczos.Tridiagonal t = Lanczos.tridiagonal(op, v, 4);
        assertArrayEquals(before, v, "the start vector is not modified");
        assertEquals(4, t.size());
        double vv = Vectors.dot(v, v);
        double[] avp = v.clone();
        double[] e = new double[4];
        e[0] = 1;
        for (int p = 1; p <= 7; p++) {
            double[] next = new double[n];
            op.apply(avp, next);
            avp = next;
            e = tridiagonalTimes(t, e);
            double exact = Vectors.dot(v, avp) / vv;
            assertEquals(exact, e[0], QUADRATURE_EXACTNESS * Math.abs(exact), "moment " + p);
        }
        Lanczos.Tridiagonal full = Lanczos.tridiagonal(op, v, 50);
        assertEquals(n, full.size(), "capped at the dimension");
        SymmetricSpectrum ritz = full.spectrum();
        for (int i = 0; i < n; i++) {
            assertEquals(l[n - 1 - i], ritz.eigenvalue(i), Tolerances.LANCZOS_RESIDUAL * l[n - 1], "Ritz value " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> Lanczos.tridiagonal(op, new double[n], 3));
        assertThrows(IllegalArgumentException.class, () -> Lanczos.tridiagonal(op, new double[3], 3));
        assertThrows(IllegalArgumentException.class, () -> Lanczos.tridiagonal(op, v, 0));
    }

    /**
     * A start vector touching three eigenspaces (eigenvalues 4c, c and 0, the last of multiplicity n - 2)
     * spans a Krylov space that is invariant after three steps: T is 3 x 3 however many steps are
     * allowed, its eigenvalues are 4c, c and 0, and the squared first components of its eigenvectors are
     * the weights of the start vector on the three eigenspaces (the three nodes of the Gauss quadrature).
     * Breakdown is judged relative to ||A||, so this holds for c = 1e-12 and c = 1e12 alike. The
     * eigenvalues and weights are simple and separated by at least c (a quarter of ||A||), so both are
     * within the Lanczos tolerance relative to ||A||.
     */
    @Test
    void theTridiagonalStopsAtTheInvariantSubspaceAtAnyScale() {
        int n = 10;
        DMatrixRMaj q = PlantedMatrices.randomOrthogonal(n, 95L);
        double[] v = new double[n];
        SplittableRandom random = new SplittableRandom(96L);
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        double vv = Vectors.dot(v, v);
        double[] weights = new double[3];
        for (int j = 0; j < n; j++) {
            double along = 0;
            for (int i = 0; i < n; i++) {
                along += q.get(i, j) * v[i];
            }
            weights[Math.min(j, 2)] += along * along / vv;
        }
        for (double c : new double[] {1e-12, 1.0, 1e12}) {
            double[] l = new double[n];
            l[0] = 4 * c;
            l[1] = c;
            Lanczos.Tridiagonal t = Lanczos.tridiagonal(LinearOperator.of(PlantedMatrices.withSpectrum(q, l)), v, n);
            assertEquals(3, t.size(), "scale " + c + ": the Krylov space has dimension 3");
            assertEquals(2, t.beta().length, "scale " + c);
            SymmetricSpectrum ritz = t.spectrum();
            double[] nodes = {4 * c, c, 0};
            for (int i = 0; i < 3; i++) {
                assertEquals(nodes[i], ritz.eigenvalue(i), Tolerances.LANCZOS_RESIDUAL * 4 * c, "scale " + c + ", node " + i);
                double first = ritz.eigenvector(i)[0];
                assertEquals(weights[i], first * first, Tolerances.LANCZOS_RESIDUAL, "scale " + c + ", weight " + i);
            }
        }
    }

    @Test
    void oneStepGivesTheRayleighQuotientOfTheStart() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{2, 1}, {1, 3}});
        // v = (1, 1): v^T A v / v^T v = (2 + 1 + 1 + 3) / 2
        Lanczos.Tridiagonal t = Lanczos.tridiagonal(LinearOperator.of(a), new double[] {1, 1}, 1);
        assertEquals(1, t.size());
        assertEquals(3.5, t.alpha()[0], Tolerances.ROUNDING * 3.5);
        assertEquals(0, t.beta().length);
    }

    @Test
    void theZeroOperatorGivesTheOneByOneZeroTridiagonal() {
        Lanczos.Tridiagonal t = Lanczos.tridiagonal(LinearOperator.of(new DMatrixRMaj(4, 4)), new double[] {1, 2, 3, 4}, 4);
        assertEquals(1, t.size(), "A v = 0: the Krylov space is span{v}");
        assertArrayEquals(new double[] {0.0}, t.alpha());
        assertEquals(0, t.beta().length);
    }

    @Test
    void aBadStartVectorIsRejectedWithWhatIsWrong() {
        LinearOperator op = LinearOperator.of(new DMatrixRMaj(new double[][] {{1, 0, 0}, {0, 2, 0}, {0, 0, 3}}));
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> Lanczos.tridiagonal(op, new double[] {1, 2}, 2));
        assertEquals("start vector has length 2 but the operator has dimension 3", length.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Lanczos.tridiagonal(op, null, 2));
        assertEquals("start vector has length 0 but the operator has dimension 3", missing.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Lanczos.tridiagonal(op, new double[] {1, Double.NaN, 0}, 2));
        assertEquals("start vector[1] is NaN; all components must be finite", nan.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> Lanczos.tridiagonal(op, new double[3], 2));
        assertEquals("start vector is 0", zero.getMessage());
        IllegalArgumentException steps = assertThrows(IllegalArgumentException.class,
                () -> Lanczos.tridiagonal(op, new double[] {1, 1, 1}, 0));
        assertEquals("steps = 0 must be at least 1", steps.getMessage());
    }

    /** e_1^T T^p e_1 through repeated products T x, with x = T^(p-1) e_1. */
    private static double[] tridiagonalTimes(Lanczos.Tridiagonal t, double[] x) {
        double[] alpha = t.alpha();
        double[] beta = t.beta();
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = alpha[i] * x[i] + (i > 0 ? beta[i - 1] * x[i - 1] : 0) + (i + 1 < x.length ? beta[i] * x[i + 1] : 0);
        }
        return y;
    }
}
