package org.advsharp.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.advsharp.checks.problems.AdversarialCase;
import org.advsharp.checks.problems.PasteableProblems;
import org.advsharp.checks.problems.ProblemGenerators;
import org.advsharp.data.Dataset;
import org.junit.jupiter.api.Test;

/** The engine finds known counterexamples and shrinks them to their minimal form, for many seeds. */
class ShrinkingTest {

    private static final PropertyConfig CONFIG = new PropertyConfig(20210205L, 200, 10_000);
    /** Seeds per shrinking test: each is a fresh random failing case, so luck cannot explain a pass. */
    private static final int SEEDS = 20;

    private static int sum(List<Integer> xs) {
        return xs.stream().mapToInt(Integer::intValue).sum();
    }

    @Test
    void aSumOfNonNegativeIntegersOfAtLeast100ShrinksToTheSingleElement100() {
        Gen<List<Integer>> lists = Gen.listOf(Gen.integers(0, 20), Gen.integers(0, 1000));
        for (int seed = 0; seed < SEEDS; seed++) {
            PropertyReport<List<Integer>> report = PropertyRunner.check("sum < 100", lists,
                    (xs, labels) -> sum(xs) < 100 ? null : "sum = " + sum(xs), CONFIG.withSeed(seed));
            assertFalse(report.holds());
            assertEquals(List.of(100), report.shrunk(), "seed " + seed + ", from " + report.original());
            assertEquals("sum = 100", report.violation());
            assertTrue(report.shrinkSteps() > 0);
        }
    }

    @Test
    void aSumOfSignedIntegersOfAtLeast100ShrinksToTheSingleElement100() {
        Gen<List<Integer>> lists = Gen.listOf(Gen.integers(0, 20), Gen.integers(-1000, 1000));
        for (int seed = 0; seed < SEEDS; seed++) {
            PropertyReport<List<Integer>> report = PropertyRunner.check("sum < 100", lists,
                    (xs, labels) -> sum(xs) < 100 ? null : "sum = " + sum(xs), CONFIG.withSeed(seed));
            assertEquals(List.of(100), report.shrunk(), "seed " + seed + ", from " + report.original());
        }
    }

    @Test
    void aRealWhoseSquareIsAtLeastTwoShrinksToTwo() {
        for (int seed = 0; seed < SEEDS; seed++) {
            PropertyReport<Double> report = PropertyRunner.check("x^2 < 2", Gen.reals(0, 10),
                    (x, labels) -> x * x < 2 ? null : "x^2 = " + x * x, CONFIG.withSeed(seed));
            assertEquals(2.0, report.shrunk(), "seed " + seed + ", from " + report.original());
        }
    }

    @Test
    void anIntegerIsSimplerThanAFraction() {
        for (int seed = 0; seed < SEEDS; seed++) {
            PropertyReport<Double> report = PropertyRunner.check("x > -0.25", Gen.reals(-1, 1),
                    (x, labels) -> x > -0.25 ? null : "x = " + x, CONFIG.withSeed(seed));
            assertEquals(-1.0, report.shrunk(), "seed " + seed + ", from " + report.original());
        }
    }

    @Test
    void aNegativeRealShrinksToTheShortestDecimalOnItsSide() {
        for (int seed = 0; seed < SEEDS; seed++) {
            PropertyReport<Double> report = PropertyRunner.check("x > -0.25", Gen.reals(-0.9, 0.9),
                    (x, labels) -> x > -0.25 ? null : "x = " + x, CONFIG.withSeed(seed));
            assertEquals(-0.3, report.shrunk(), "seed " + seed + ", from " + report.original());
        }
    }

    @Test
    void aNormalValueShrinksTowardsItsMeanToTheFirstFailingInteger() {
        for (int seed = 0; seed < SEEDS; seed++) {
            PropertyReport<Double> report = PropertyRunner.check("x < 13", Gen.normals(10, 3),
                    (x, labels) -> x < 13 ? null : "x = " + x, CONFIG.withSeed(seed));
            assertEquals(13.0, report.shrunk(), "seed " + seed + ", from " + report.original());
        }
    }

    @Test
    void aListWithADuplicateShrinksToTwoZeros() {
        Gen<List<Integer>> lists = Gen.listOf(Gen.integers(0, 30), Gen.integers(0, 1000));
        for (int seed = 0; seed < SEEDS; seed++) {
            PropertyReport<List<Integer>> report = PropertyRunner.check("distinct", lists,
                    (xs, labels) -> new HashSet<>(xs).size() == xs.size() ? null : "duplicate",
                    CONFIG.withSeed(seed));
            assertEquals(List.of(0, 0), report.shrunk(), "seed " + seed + ", from " + report.original());
        }
    }

    @Test
    void aDatasetOfAtLeastThreeRowsShrinksToThreeZeroRowsInOneDimension() {
        Dataset minimal = Dataset.of(new double[][] {{0.0}, {0.0}, {0.0}}, new double[] {-1.0, -1.0, 1.0});
        for (int seed = 0; seed < SEEDS; seed++) {
            PropertyReport<Dataset> report = PropertyRunner.check("N < 3", ProblemGenerators.datasets(2, 40, 1, 6),
                    (data, labels) -> data.size() < 3 ? null : "N = " + data.size(), CONFIG.withSeed(seed));
            assertEquals(minimal, report.shrunk(), "seed " + seed + ": " + PasteableProblems.of(report.shrunk()));
        }
    }

    @Test
    void aPlantedMarginCaseShrinksToTheSmallestSizesThatFailAndToSimpleNumbers() {
        String expected = "new AdversarialCase(Dataset.of(new double[][] {{-1.0, 0.0}, {-1.0, 0.0}, {-1.0, 0.0},"
                + " {1.0, 0.0}}, new double[] {-1.0, -1.0, -1.0, 1.0}), new double[] {1.0, 0.0}, 0.0, 1.0)";
        for (int seed = 0; seed < SEEDS; seed++) {
            PropertyReport<AdversarialCase> report = PropertyRunner.check("N < 4 or d < 2",
                    ProblemGenerators.marginConditionCases(2, 30, 1, 5),
                    (c, labels) -> c.data().size() < 4 || c.data().dimension() < 2 ? null : "N >= 4 and d >= 2",
                    CONFIG.withSeed(seed));
            assertEquals(expected, Pasteable.of(report.shrunk()), "seed " + seed);
        }
    }

    @Test
    void theShrinkBudgetIsRespected() {
        Gen<List<Integer>> lists = Gen.listOf(Gen.integers(0, 20), Gen.integers(0, 1000));
        Property<List<Integer>> property = (xs, labels) -> sum(xs) < 100 ? null : "sum = " + sum(xs);
        PropertyReport<List<Integer>> none = PropertyRunner.check("sum < 100", lists, property,
                CONFIG.withMaxShrinkAttempts(0));
        assertEquals(none.original(), none.shrunk());
        assertEquals(0, none.shrinkSteps());
        PropertyReport<List<Integer>> few = PropertyRunner.check("sum < 100", lists, property,
                CONFIG.withMaxShrinkAttempts(5));
        assertTrue(few.shrinkAttempts() <= 5, "attempts " + few.shrinkAttempts());
    }
}
