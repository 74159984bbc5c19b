package org.advsharp.checks.problems;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.advsharp.data.Dataset;
import org.advsharp.property.Gen;
import org.advsharp.property.Pasteable;
import org.advsharp.property.PropertyRunner;
import org.advsharp.property.Source;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.mult.VectorVectorMult_DDRM;
import org.junit.jupiter.api.Test;

/** The domain generators make what they promise, on thousands of cases, and classify them. */
class ProblemGeneratorsTest {

    /**
     * Relative slack for eps2 <= eps_c, which follows from the margin condition by averaging
     * y_n w_hat^T x_n >= eps2 over n: both sides are sums of at most 50 terms of size about 10 in double
     * arithmetic, so their rounding error is below 1e-13 relative; 1e-12 leaves a factor 10.
     */
    private static final double AVERAGING_ROUNDING = 1e-12;
    /** Each regime must be seen in at least this share of cases: one percent of 3,000 is 30 cases. */
    private static final double MIN_REGIME_SHARE = 0.01;
    private static final int CASES = 3_000;
    private static final long SEED = 20210205L;

    private static <T> T nth(Gen<T> gen, int i) {
        return PropertyRunner.replay(gen, PropertyRunner.caseSeed(SEED, i));
    }

    @Test
    void datasetsHaveTheRequestedSizesAndBothClasses() {
        Gen<Dataset> gen = ProblemGenerators.datasets(2, 50, 1, 8);
        for (int i = 0; i < CASES; i++) {
            Dataset data = nth(gen, i);
            assertTrue(data.size() >= 2 && data.size() <= 50, "N = " + data.size());
            assertTrue(data.dimension() >= 1 && data.dimension() <= 8, "d = " + data.dimension());
            double sum = 0;
            for (double y : data.labels()) {
                sum += y;
            }
            assertTrue(Math.abs(sum) < data.size(), "case " + i + " has one class only");
        }
    }

    @Test
    void marginConditionCasesSatisfyTheMarginConditionHoweverItIsEvaluated() {
        Gen<AdversarialCase> gen = ProblemGenerators.marginConditionCases(2, 50, 1, 8);
        Map<String, Integer> regimes = new TreeMap<>();
        for (int i = 0; i < CASES; i++) {
            AdversarialCase c = nth(gen, i);
            double[] w = c.w();
            Dataset data = c.data();
            for (int n = 0; n < data.size(); n++) {
                double[] x = data.row(n);
                double y = data.label(n);
                int caseIndex = i;
                int row = n;
                Supplier<String> where = () -> "case " + caseIndex + ", row " + row + ": " + Pasteable.of(c);
                assertTrue(marginLeftToRight(x, y, w, c.eps2()) >= 0, where);
                assertTrue(marginRightToLeft(x, y, w, c.eps2()) >= 0, where);
                assertTrue(marginWithEjml(x, y, w, c.eps2()) >= 0, where);
            }
            assertTrue(c.eps1() >= 0 && c.eps1() < c.eps2());
            double epsC = ProblemGenerators.criticalRadius(data);
            assertTrue(c.eps2() <= epsC * (1 + AVERAGING_ROUNDING), "eps2 " + c.eps2() + " > eps_c " + epsC);
            ProblemGenerators.regimes(c).forEach(r -> regimes.merge(r, 1, Integer::sum));
        }
        assertEquals(CASES, regimes.get("all margins at eps2 >= 0"));
        for (String regime : List.of("eps1 = 0", "margin near 0 at eps2", "eps2 > 0.9 eps_c", "tiny ||w||",
                "huge ||w||")) {
            assertTrue(regimes.getOrDefault(regime, 0) >= MIN_REGIME_SHARE * CASES, regime + ": " + regimes);
        }
    }

    private static double marginLeftToRight(double[] x, double y, double[] w, double eps) {
        double dot = 0;
        double squares = 0;
        for (int j = 0; j < w.length; j++) {
            dot += x[j] * w[j];
            squares += w[j] * w[j];
        }
        return y * dot - eps * Math.sqrt(squares);
    }

    private static double marginRightToLeft(double[] x, double y, double[] w, double eps) {
        double dot = 0;
        double squares = 0;
        for (int j = w.length - 1; j >= 0; j--) {
            dot += w[j] * x[j];
            squares += w[j] * w[j];
        }
        return y * dot - Math.sqrt(squares) * eps;
    }

    private static double marginWithEjml(double[] x, double y, double[] w, double eps) {
        DMatrixRMaj wm = new DMatrixRMaj(w.length, 1, true, w);
        DMatrixRMaj xm = new DMatrixRMaj(x.length, 1, true, x);
        return y * VectorVectorMult_DDRM.innerProd(wm, xm) - eps * NormOps_DDRM.normF(wm);
    }

    @Test
    void theSimplestMarginConditionCaseHasMarginsExactlyZero() {
        AdversarialCase simplest = ProblemGenerators.marginConditionCases(2, 9, 1, 3)
                .generate(Source.replay(new long[0], 0));
        assertEquals(new AdversarialCase(Dataset.of(new double[][] {{-1.0}, {1.0}}, new double[] {-1.0, 1.0}),
                new double[] {1.0}, 0.0, 1.0), simplest);
        assertArrayEquals(new double[] {0.0, 0.0}, ProblemGenerators.margins(simplest.data(), simplest.w(), 1.0));
    }

    @Test
    void plantingMovesRowsOnlyAlongWAndKeepsMessyMarginsRobustlyNonNegative() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            int d = 1 + random.nextInt(8);
            double[] w = new double[d];
            double[] x = new double[d];
            for (int j = 0; j < d; j++) {
                w[j] = random.nextGaussian() * Math.pow(10, random.nextInt(-6, 4));
                x[j] = random.nextGaussian() * 3;
            }
            double y = random.nextBoolean() ? 1 : -1;
            double eps = random.nextDouble() * 2;
            double[] planted = PlantedMargins.plant(x, y, w, eps, 0.0);
            assertTrue(marginLeftToRight(planted, y, w, eps) >= 0);
            assertTrue(marginRightToLeft(planted, y, w, eps) >= 0);
            assertTrue(marginWithEjml(planted, y, w, eps) >= 0);
            double norm = PlantedMargins.norm(w);
            double moved = 0;
            double along = 0;
            for (int j = 0; j < d; j++) {
                moved += (planted[j] - x[j]) * (planted[j] - x[j]);
                along += (planted[j] - x[j]) * w[j] / norm;
            }
            assertEquals(Math.sqrt(moved), Math.abs(along), 1e-9 * (1 + Math.sqrt(moved)),
                    "the move is parallel to w (tolerance: rounding of a few operations on values of size 10)");
        }
    }

    @Test
    void mixedCasesCoverEveryRegime() {
        Gen<AdversarialCase> gen = ProblemGenerators.cases(2, 50, 1, 8);
        Map<String, Integer> regimes = new TreeMap<>();
        for (int i = 0; i < CASES; i++) {
            ProblemGenerators.regimes(nth(gen, i)).forEach(r -> regimes.merge(r, 1, Integer::sum));
        }
        for (String regime : List.of("eps1 = 0", "all margins at eps2 >= 0", "some margin at eps2 < 0",
                "margin near 0 at eps2", "eps2 > 0.9 eps_c", "eps2 >= eps_c", "tiny ||w||", "huge ||w||")) {
            assertTrue(regimes.getOrDefault(regime, 0) >= MIN_REGIME_SHARE * CASES, regime + ": " + regimes);
        }
    }

    @Test
    void weightsStartWithTheirEdgeCasesAndShrinkToTheFirstAxis() {
        Gen<double[]> gen = ProblemGenerators.weights(3);
        assertEquals(1.0, PlantedMargins.norm(nth(gen, 0)), 1e-15, "unit: one rounding of a square root");
        assertEquals(ProblemGenerators.TINY_NORM, PlantedMargins.norm(nth(gen, 1)), 1e-21);
        assertEquals(ProblemGenerators.HUGE_NORM, PlantedMargins.norm(nth(gen, 2)), 1e-12);
        for (int i = 3; i < CASES; i++) {
            double norm = PlantedMargins.norm(nth(gen, i));
            boolean edge = Math.abs(norm - 1) < 1e-12 || norm < 2e-6 || norm > 999;
            assertTrue(edge || (norm >= 0.1 * (1 - 1e-12) && norm <= 10 * (1 + 1e-12)), "norm " + norm);
        }
        assertArrayEquals(new double[] {1.0, 0.0, 0.0}, gen.generate(Source.replay(new long[0], 0)));
    }

    @Test
    void criticalRadiusAndRegimesOnAHandMadeCase() {
        Dataset data = Dataset.of(new double[][] {{1, 0}, {0, 1}}, new double[] {1, -1});
        assertEquals(Math.sqrt(0.5), ProblemGenerators.criticalRadius(data), 1e-16);
        AdversarialCase c = new AdversarialCase(data, new double[] {1e-4, 0}, 0.0, 0.6);
        List<String> regimes = ProblemGenerators.regimes(c);
        assertEquals(List.of("eps1 = 0", "some margin at eps2 < 0", "tiny ||w||"), regimes);
        AdversarialCase atMargin = new AdversarialCase(Dataset.of(new double[][] {{2}, {-2}}, new double[] {1, -1}),
                new double[] {500}, 0.5, 2.0);
        assertEquals(List.of("all margins at eps2 >= 0", "margin near 0 at eps2", "eps2 > 0.9 eps_c",
                "eps2 >= eps_c", "huge ||w||"), ProblemGenerators.regimes(atMargin));
    }

    @Test
    void badSizesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProblemGenerators.datasets(1, 5, 1, 2));
        assertTrue(e.getMessage().contains("both classes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProblemGenerators.marginConditionCases(2, 5, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> ProblemGenerators.weights(0));
        assertThrows(IllegalArgumentException.class, () -> new AdversarialCase(
                Dataset.of(new double[][] {{1}, {2}}, new double[] {1, -1}), new double[] {1}, 0.5, 0.5));
    }
}
