package org.advsharp.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The combinators compose, respect their ranges and weights, and fail clearly when misused. */
class GenTest {

    /** Allowed deviation of a category count, in binomial standard deviations (false alarm < 1e-11). */
    private static final double COUNT_TOLERANCE_IN_SD = 7;
    private static final int DRAWS = 20_000;

    @Test
    void mapFlatMapAndConstantCompose() {
        Gen<int[]> pairs = Gen.integers(1, 5).flatMap(n -> Gen.integers(0, n).map(k -> new int[] {n, k}));
        Source s = Source.random(1);
        for (int i = 0; i < 1000; i++) {
            int[] p = pairs.generate(s);
            assertTrue(p[0] >= 1 && p[0] <= 5 && p[1] >= 0 && p[1] <= p[0], p[0] + ", " + p[1]);
        }
        assertEquals("x", Gen.constant("x").generate(Source.random(2)));
        assertEquals(0, Source.random(3).choices().length, "constant draws nothing");
    }

    @Test
    void filterRetriesOnFurtherChoicesAndReportsARunawayClearly() {
        Gen<Integer> even = Gen.integers(0, 100).filter(x -> x % 2 == 0, 50);
        Source s = Source.random(4);
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, even.generate(s) % 2);
        }
        Gen<Integer> impossible = Gen.integers(0, 10).filter(x -> x > 100, 5);
        UnsatisfiedFilterException e = assertThrows(UnsatisfiedFilterException.class,
                () -> impossible.generate(Source.random(5)));
        assertTrue(e.getMessage().contains("rejected all 6 values"), e.getMessage());
        assertTrue(e.getMessage().contains("generate such values on purpose"), e.getMessage());
    }

    @Test
    void theRunnerStopsWithAClearErrorWhenAFilterRunsAway() {
        Gen<Integer> impossible = Gen.integers(0, 10).filter(x -> x > 100, 3);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PropertyRunner.check(
                "runaway", impossible, (x, labels) -> null, new PropertyConfig(1, 50, 100)));
        assertTrue(e.getMessage().contains("property 'runaway': the generator discarded 51 cases"), e.getMessage());
        assertTrue(e.getMessage().contains("filter rejected all 4 values"), e.getMessage());
    }

    @Test
    void theRunnerCountsDiscardedCasesSeparatelyFromTries() {
        Gen<Integer> sometimes = Gen.integers(0, 9).filter(x -> x < 8, 0);
        PropertyReport<Integer> report = PropertyRunner.check("discards", sometimes, (x, labels) -> null,
                new PropertyConfig(2, 100, 100));
        assertTrue(report.holds());
        assertEquals(100, report.tries());
        assertEquals(100, report.passed());
        assertTrue(report.discarded() > 0 && report.discarded() < 100, "discarded " + report.discarded());
    }

    @Test
    void frequencyFollowsTheWeights() {
        Gen<String> g = Gen.frequency(new double[] {1, 3}, List.of(Gen.constant("a"), Gen.constant("b")));
        Source s = Source.random(6);
        int b = 0;
        for (int i = 0; i < DRAWS; i++) {
            b += g.generate(s).equals("b") ? 1 : 0;
        }
        assertEquals(0.75 * DRAWS, b, COUNT_TOLERANCE_IN_SD * Math.sqrt(DRAWS * 0.75 * 0.25));
        assertEquals("a", g.generate(Source.replay(new long[0], 0)), "shrinks to the first");
    }

    @Test
    void oneOfChoosesUniformlyAndShrinksToTheFirst() {
        Gen<Integer> g = Gen.oneOf(Gen.constant(1), Gen.constant(2), Gen.integers(10, 12));
        Source s = Source.random(7);
        int[] counts = new int[3];
        for (int i = 0; i < DRAWS; i++) {
            int v = g.generate(s);
            counts[v == 1 ? 0 : v == 2 ? 1 : 2]++;
        }
        for (int count : counts) {
            assertEquals(DRAWS / 3.0, count, COUNT_TOLERANCE_IN_SD * Math.sqrt(DRAWS * 2.0 / 9.0));
        }
        assertEquals(1, g.generate(Source.replay(new long[0], 0)));
    }

    @Test
    void listsAndArraysHaveSizesFromTheirSizeGenerator() {
        Gen<List<Integer>> lists = Gen.listOf(Gen.integers(2, 6), Gen.integers(-3, 3));
        Gen<double[]> arrays = Gen.arrayOfReals(4, Gen.reals(1, 2));
        Source s = Source.random(8);
        for (int i = 0; i < 1000; i++) {
            List<Integer> xs = lists.generate(s);
            assertTrue(xs.size() >= 2 && xs.size() <= 6);
            xs.forEach(x -> assertTrue(x >= -3 && x <= 3));
            double[] a = arrays.generate(s);
            assertEquals(4, a.length);
            for (double v : a) {
                assertTrue(v >= 1 && v <= 2);
            }
        }
        assertEquals(List.of(0, 0), lists.generate(Source.replay(new long[0], 0)), "simplest list");
    }

    @Test
    void edgeCasesComeFirstInARunAndThenWithTheirProbability() {
        Gen<Double> g = Gen.withEdgeCases(0.1, List.of(-7.0, 7.0), Gen.reals(0, 1));
        assertEquals(-7.0, PropertyRunner.replay(g, PropertyRunner.caseSeed(99, 0)));
        assertEquals(7.0, PropertyRunner.replay(g, PropertyRunner.caseSeed(99, 1)));
        int edges = 0;
        int late = 5000;
        for (int i = 2; i < 2 + late; i++) {
            double v = PropertyRunner.replay(g, PropertyRunner.caseSeed(99, i));
            edges += Math.abs(v) == 7.0 ? 1 : 0;
        }
        assertEquals(0.1 * late, edges, COUNT_TOLERANCE_IN_SD * Math.sqrt(late * 0.1 * 0.9));
        assertEquals(0.0, g.generate(Source.replay(new long[0], 0)), "shrinks to the base generator");
    }

    @Test
    void misuseIsRejectedWithTheProblemNamed() {
        assertThrows(IllegalArgumentException.class, () -> Gen.integers(3, 2));
        assertThrows(IllegalArgumentException.class, () -> Gen.reals(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> Gen.normals(0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Gen.integers(0, 1).filter(x -> true, -1));
        assertThrows(IllegalArgumentException.class, () -> Gen.oneOf());
        assertThrows(IllegalArgumentException.class, () -> Gen.withEdgeCases(0.5, List.of(), Gen.constant(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gen.frequency(new double[] {1}, List.of(Gen.constant(1), Gen.constant(2))));
        assertTrue(e.getMessage().contains("1 weights and 2 generators"), e.getMessage());
        Gen<List<Integer>> negative = Gen.listOf(Gen.constant(-1), Gen.constant(0));
        e = assertThrows(IllegalArgumentException.class, () -> negative.generate(Source.random(1)));
        assertTrue(e.getMessage().contains("gave -1"), e.getMessage());
    }
}
