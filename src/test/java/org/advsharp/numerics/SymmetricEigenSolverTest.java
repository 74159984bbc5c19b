package org.advsharp.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.advsharp.data.Dataset;
import org.advsharp.oracle.AdversarialLoss;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SymmetricEigenSolverTest {

    /** Planted spectra: distinct, repeated, negative, zero, 1x1 and larger random ones. */
    static List<double[]> plantedSpectra() {
        List<double[]> spectra = new ArrayList<>();
        spectra.add(new double[] {-3.5});
        spectra.add(new double[] {2.0, 2.0});
        spectra.add(new double[] {5, 3, 1, -2, -4});
        spectra.add(new double[] {4, 4, 4, 1, 1, -2, -2, 0});
        spectra.add(new double[] {0, 0, 0, 0});
        SplittableRandom random = new SplittableRandom(20240101L);
        for (int n : new int[] {17, 40, 100}) {
            double[] l = new double[n];
            for (int i = 0; i < n; i++) {
                // distinct values at least 0.5 apart, in shuffled order, about half negative
                l[i] = (i - n / 2.0) + 0.5 * random.nextDouble();
            }
            shuffle(l, random);
            spectra.add(l);
        }
        double[] lowRank = new double[60];
        for (int i = 0; i < 6; i++) {
            lowRank[i * 7] = 1.0 + i;
        }
        spectra.add(lowRank);
        return spectra;
    }

    static Stream<Arguments> solversAndSpectra() {
        List<Arguments> out = new ArrayList<>();
        for (SymmetricEigenSolver solver : SymmetricEigenSolvers.both()) {
            List<double[]> spectra = plantedSpectra();
            for (int k = 0; k < spectra.size(); k++) {
                out.add(Arguments.of(solver, spectra.get(k), 1000L + k));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, planted spectrum #{2}")
    @MethodSource("solversAndSpectra")
    void recoversPlantedSpectrumAndEigenspaces(SymmetricEigenSolver solver, double[] planted, long seed) {
        int n = planted.length;
        DMatrixRMaj q = PlantedMatrices.randomOrthogonal(n, seed);
        DMatrixRMaj m = PlantedMatrices.withSpectrum(q, planted);
        double norm = Math.max(1.0, PlantedMatrices.spectralNorm(planted)); // the zero matrix scales by 1
        SymmetricSpectrum spectrum = solver.decompose(m);
        double[] expected = PlantedMatrices.descending(planted);

        double valueError = 0.0;
        for (int i = 0; i < n; i++) {
            valueError = Math.max(valueError, Math.abs(spectrum.eigenvalue(i) - expected[i]) / norm);
        }
        assertTrue(valueError <= Tolerances.PLANTED_SPECTRUM_RECOVERY, () -> solver + ": eigenvalue error "
                + "relative to ||M|| is too large");
        Measured.record("planted eigenvalue error / ||M||", valueError, Tolerances.PLANTED_SPECTRUM_RECOVERY);

        // Each cluster of equal planted eigenvalues: compare projectors, scaled by the gap (Davis-Kahan).
        DMatrixRMaj plantedVectors = PlantedMatrices.columnsInDescendingOrder(q, planted);
        DMatrixRMaj computed = spectrum.eigenvectors();
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && expected[end] == expected[start]) {
                end++;
            }
            double gap = Double.POSITIVE_INFINITY;
            if (start > 0) {
                gap = Math.min(gap, expected[start - 1] - expected[start]);
            }
            if (end < n) {
                gap = Math.min(gap, expected[start] - expected[end]);
            }
            if (Double.isFinite(gap)) {
                double error = PlantedMatrices.maxAbsDifference(
                        PlantedMatrices.projector(computed, start, end),
                        PlantedMatrices.projector(plantedVectors, start, end)) * gap / norm;
                assertTrue(error <= Tolerances.PLANTED_SPECTRUM_RECOVERY, solver + ": eigenspace of "
                        + expected[start] + " off by " + error + " (times gap / ||M||)");
                Measured.record("planted eigenspace projector error * gap / ||M||", error,
                        Tolerances.PLANTED_SPECTRUM_RECOVERY);
            }
            start = end;
        }
        assertTrue(spectrum.residual(m) <= Tolerances.EIGEN_RESIDUAL * norm, solver + " residual");
        Measured.record("dense residual / ||M||", spectrum.residual(m) / norm, Tolerances.EIGEN_RESIDUAL);
        assertOrthonormal(computed);
        assertCanonicalSigns(computed);
        double plantedTrace = 0.0;
        for (double l : planted) {
            plantedTrace += l;
        }
        assertTrue(Math.abs(spectrum.trace() - plantedTrace) <= n * Tolerances.PLANTED_SPECTRUM_RECOVERY * norm);
        assertEquals(expected[0], spectrum.largest(), Tolerances.PLANTED_SPECTRUM_RECOVERY * norm);
        assertEquals(expected[n - 1], spectrum.smallest(), Tolerances.PLANTED_SPECTRUM_RECOVERY * norm);
        assertEquals(n, spectrum.dimension());
    }

    @Test
    void theTwoSolversAgreeOnRandomSymmetricMatrices() {
        SymmetricEigenSolver ejml = new EjmlSymmetricEigenSolver();
        SymmetricEigenSolver commons = new CommonsMathSymmetricEigenSolver();
        double worstValue = 0.0;
        double worstVector = 0.0;
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + trial * 2;
            DMatrixRMaj m = PlantedMatrices.randomSymmetric(n, 77L + trial);
            SymmetricSpectrum a = ejml.decompose(m);
            SymmetricSpectrum b = commons.decompose(m);
            double norm = Math.max(Math.abs(a.largest()), Math.abs(a.smallest()));
            double[] la = a.eigenvalues();
            double[] lb = b.eigenvalues();
            for (int i = 0; i < n; i++) {
                worstValue = Math.max(worstValue, Math.abs(la[i] - lb[i]) / norm);
                double gap = Double.POSITIVE_INFINITY;
                if (i > 0) {
                    gap = Math.min(gap, la[i - 1] - la[i]);
                }
                if (i + 1 < n) {
                    gap = Math.min(gap, la[i] - la[i + 1]);
                }
                double scaledGap = Double.isFinite(gap) ? gap / norm : 1.0;
                double vectorError = Tolerances.relativeError(a.eigenvector(i), b.eigenvector(i)) * scaledGap;
                worstVector = Math.max(worstVector, vectorError);
            }
        }
        Measured.record("EJML vs Commons eigenvalues / ||M||", worstValue, Tolerances.EIGEN_SOLVER_AGREEMENT);
        Measured.record("EJML vs Commons eigenvectors * gap / ||M||", worstVector,
                Tolerances.EIGEN_SOLVER_AGREEMENT);
        assertTrue(worstValue <= Tolerances.EIGEN_SOLVER_AGREEMENT, "eigenvalues differ by " + worstValue);
        assertTrue(worstVector <= Tolerances.EIGEN_SOLVER_AGREEMENT, "eigenvectors differ by " + worstVector);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void symmetrisesBeforeSolving(SymmetricEigenSolver solver) {
        int n = 6;
        DMatrixRMaj s = PlantedMatrices.withSpectrum(PlantedMatrices.randomOrthogonal(n, 5L),
                new double[] {3, 2, 1, 0, -1, -2});
        DMatrixRMaj skew = new DMatrixRMaj(n, n);
        SplittableRandom random = new SplittableRandom(6L);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = random.nextGaussian();
                skew.set(i, j, v);
                skew.set(j, i, -v);
            }
        }
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        CommonOps_DDRM.add(s, skew, m);
        double[] got = solver.decompose(m).eigenvalues();
        double[] want = {3, 2, 1, 0, -1, -2};
        assertTrue(Tolerances.relativeError(got, want) <= Tolerances.PLANTED_SPECTRUM_RECOVERY,
                "spectrum of (M + M^T)/2 expected");
    }

    /**
     * The scale of a matrix must not matter: a Hessian at a large trained w has entries near 1e-100 (every
     * s(m_n) is about e^-230), and such a matrix once made Commons Math's QL iteration give up ("convergence
     * failed"). Each planted spectrum times 2^-330, 1e-100, 1e-250 and 1e+100 is recovered relative to its
     * norm as at scale 1.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void recoversSpectraAtTinyAndHugeScales(SymmetricEigenSolver solver) {
        double[] planted = {5, 3, 1, -2};
        DMatrixRMaj unit = PlantedMatrices.withSpectrum(PlantedMatrices.randomOrthogonal(4, 77L), planted);
        for (double scale : new double[] {Math.scalb(1.0, -330), 1e-100, 1e-250, 1e100}) {
            DMatrixRMaj m = unit.copy();
            CommonOps_DDRM.scale(scale, m);
            double[] got = solver.decompose(m).eigenvalues();
            double[] want = PlantedMatrices.descending(planted);
            for (int i = 0; i < 4; i++) {
                assertTrue(Math.abs(got[i] / scale - want[i]) / 5.0 <= Tolerances.PLANTED_SPECTRUM_RECOVERY,
                        solver + " at scale " + scale + ": eigenvalue " + i + " is " + got[i] / scale + " times the scale");
            }
        }
    }

    /** The Hessian on which Commons Math gave up (prop:spectral-bounds, master seed 31): w = 1000 e_3. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void decomposesTheHessianOfAFarOutWeightVector(SymmetricEigenSolver solver) {
        Dataset data = Dataset.of(new double[][] {{0.0, -1.0, 0.3, -1.0},
            {0.0, 1.0, -0.3, 1.0}}, new double[] {-1.0, 1.0});
        DMatrixRMaj h = new AdversarialLoss(data, 0.07228416147400481)
                .hessian(new double[] {0.0, 0.0, 1000.0, 0.0}).full();
        SymmetricSpectrum s = solver.decompose(h);
        double norm = Math.max(Math.abs(s.largest()), Math.abs(s.smallest()));
        assertTrue(norm > 0 && s.residual(h) <= Tolerances.EIGEN_RESIDUAL * norm, solver + ": residual "
                + s.residual(h) + " against ||H|| = " + norm);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void diagonalMatrixGivesSortedValuesAndPositiveUnitVectors(SymmetricEigenSolver solver) {
        DMatrixRMaj m = CommonOps_DDRM.diag(-1.0, 7.0, 0.5, 3.0);
        SymmetricSpectrum s = solver.decompose(m);
        assertArrayEquals(new double[] {7.0, 3.0, 0.5, -1.0}, s.eigenvalues(), Tolerances.EIGEN_RESIDUAL * 7.0);
        assertArrayEquals(new double[] {0, 1, 0, 0}, s.eigenvector(0), Tolerances.EIGEN_RESIDUAL);
        assertArrayEquals(new double[] {1, 0, 0, 0}, s.eigenvector(3), Tolerances.EIGEN_RESIDUAL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void canonicalSignOnRandomMatrices(SymmetricEigenSolver solver) {
        for (int trial = 0; trial < 10; trial++) {
            SymmetricSpectrum s = solver.decompose(PlantedMatrices.randomSymmetric(3 + trial, 300L + trial));
            assertCanonicalSigns(s.eigenvectors());
            double[] l = s.eigenvalues();
            for (int i = 1; i < l.length; i++) {
                assertTrue(l[i - 1] >= l[i], "eigenvalues must be sorted descending");
            }
        }
    }

    @Test
    void canonicalFormSortsNormalisesAndBreaksSignTiesByLowestIndex() {
        // Raw solver output: ascending values, unnormalised columns, negative leading entries, a tie.
        DMatrixRMaj raw = new DMatrixRMaj(new double[][] {
            {-2.0, 0.0},
            {2.0, -3.0}});
        SymmetricSpectrum s = SymmetricSpectrum.canonical(new double[] {1.0, 5.0}, raw);
        assertArrayEquals(new double[] {5.0, 1.0}, s.eigenvalues());
        assertArrayEquals(new double[] {0.0, 1.0}, s.eigenvector(0));
        double h = Math.sqrt(0.5);
        assertArrayEquals(new double[] {h, -h}, s.eigenvector(1), Tolerances.MACHINE_EPSILON);
    }

    @Test
    void accessorsReturnCopiesAndCheckIndices() {
        SymmetricSpectrum s = SymmetricEigenSolvers.standard().decompose(CommonOps_DDRM.diag(2.0, 1.0));
        s.eigenvalues()[0] = 99;
        s.eigenvectors().set(0, 0, 99);
        s.eigenvector(0)[0] = 99;
        assertEquals(2.0, s.largest());
        assertEquals(1.0, s.eigenvectors().get(0, 0));
        assertEquals(1.0, s.eigenvector(0)[0]);
        assertThrows(IllegalArgumentException.class, () -> s.eigenvector(2));
        assertThrows(IllegalArgumentException.class, () -> s.residual(new DMatrixRMaj(3, 3)));
        assertEquals(3.0, s.trace());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void rejectsBadInputWithClearMessages(SymmetricEigenSolver solver) {
        assertMessage(solver, null, "null");
        assertMessage(solver, new DMatrixRMaj(0, 0), "empty");
        assertMessage(solver, new DMatrixRMaj(2, 3), "square");
        DMatrixRMaj nan = new DMatrixRMaj(2, 2);
        nan.set(1, 0, Double.NaN);
        assertMessage(solver, nan, "(1, 0) = NaN");
        DMatrixRMaj inf = new DMatrixRMaj(2, 2);
        inf.set(0, 1, Double.POSITIVE_INFINITY);
        assertMessage(solver, inf, "Infinity");
    }

    static Stream<SymmetricEigenSolver> solvers() {
        return SymmetricEigenSolvers.both().stream();
    }

    private static void assertMessage(SymmetricEigenSolver solver, DMatrixRMaj m, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> solver.decompose(m));
        assertTrue(e.getMessage().contains(part) && e.getMessage().contains("matrix m"),
                () -> "message '" + e.getMessage() + "' should name the input and contain '" + part + "'");
    }

    static void assertOrthonormal(DMatrixRMaj v) {
        DMatrixRMaj vtv = new DMatrixRMaj(v.numCols, v.numCols);
        CommonOps_DDRM.multTransA(v, v, vtv);
        double error = PlantedMatrices.maxAbsDifference(vtv, CommonOps_DDRM.identity(v.numCols));
        Measured.record("dense |V^T V - I|_max", error, Tolerances.EIGEN_RESIDUAL);
        assertTrue(error <= Tolerances.EIGEN_RESIDUAL, "V^T V - I has entry " + error);
    }

    static void assertCanonicalSigns(DMatrixRMaj v) {
        for (int c = 0; c < v.numCols; c++) {
            int best = 0;
            for (int r = 1; r < v.numRows; r++) {
                if (Math.abs(v.get(r, c)) > Math.abs(v.get(best, c))) {
                    best = r;
                }
            }
            assertTrue(v.get(best, c) > 0, "column " + c + " has negative largest entry");
        }
    }

    private static void shuffle(double[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
