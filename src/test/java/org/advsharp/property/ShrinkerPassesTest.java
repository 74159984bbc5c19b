package org.advsharp.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.advsharp.check.CheckContext;
import org.junit.jupiter.api.Test;

/**
 * Shrinks that only one pass of the shrinker can make (zeroing two choices together, moving value between
 * two integers, also onto the lower end of a range, sorting list elements, at once when no swap of neighbours
 * still fails, swapping neighbours when the sorted list passes, lowering a negative integer), the fixpoint and the budget, candidates
 * the generator refuses; then the report's fields, the configs, and the case seeds against SplitMix64.
 */
class ShrinkerPassesTest {
    private static final PropertyConfig CONFIG = new PropertyConfig(20210205L, 200, 10_000);
    /** Seeds per test: each a fresh random failing case. */
    private static final int SEEDS = 10;

    private static <T> PropertyReport<T> failing(String name, Gen<T> gen, Property<T> property, int seed) {
        PropertyReport<T> report = PropertyRunner.check(name, gen, property, CONFIG.withSeed(seed));
        assertFalse(report.holds(), name + ": no failing case at seed " + seed);
        assertTrue(report.shrinkAttempts() < CONFIG.maxShrinkAttempts(), name + ": the shrink reaches a fixpoint "
                + "before its budget (" + report.shrinkAttempts() + " attempts)");
        return report;
    }

    /**
     * Lowering a or b alone makes a != b, deleting either shifts c and d: only zeroing the aligned pair (a, b)
     * together shrinks, a span shorter than the whole sequence.
     */
    @Test
    void twoEqualChoicesAreZeroedTogether() {
        Gen<List<Integer>> quads = s -> List.of(s.integer(0, 3), s.integer(0, 3), s.integer(0, 3), s.integer(0, 3));
        Property<List<Integer>> property = (q, labels) -> q.get(0).equals(q.get(1)) && q.get(2) == 3 && q.get(3) == 3
                ? "a = b and c = d = 3" : null;
        for (int seed = 0; seed < SEEDS; seed++) {
            PropertyReport<List<Integer>> r = PropertyRunner.check("a != b or c != 3 or d != 3", quads, property,
                    tries(CONFIG.withSeed(seed), 2000));
            assertFalse(r.holds(), "no failing case at seed " + seed);
            assertEquals(List.of(0, 0, 3, 3), r.shrunk(), "seed " + seed + ", from " + r.original());
        }
    }

    /**
     * While a + b >= 10 neither integer can be lowered alone, and c = 3 keeps the sequence at three choices (so
     * deleting a does not help): the value moves from a into b.
     */
    @Test
    void valueMovesFromTheFirstIntegerToTheSecond() {
        Gen<List<Integer>> triples = s -> List.of(s.integer(0, 10), s.integer(0, 10), s.integer(0, 3));
        for (int seed = 0; seed < SEEDS; seed++) {
            PropertyReport<List<Integer>> r = failing("a + b < 10 or c != 3", triples,
                    (t, labels) -> t.get(0) + t.get(1) < 10 || t.get(2) != 3 ? null : "a + b >= 10 and c = 3", seed);
            assertEquals(List.of(0, 10, 3), r.shrunk(), "seed " + seed + ", from " + r.original());
        }
    }

    /**
     * The mirror image below 0: while a + b &lt;= -10, the simplest case a = 0 needs b = -10, the lower end of b's
     * range, which only a move of all of a into b reaches (lowering b's magnitude breaks the sum).
     */
    @Test
    void valueMovesIntoTheSecondIntegerDownToTheLowerEndOfItsRange() {
        Gen<List<Integer>> triples = s -> List.of(s.integer(-10, 10), s.integer(-10, 10), s.integer(0, 3));
        for (int seed = 0; seed < SEEDS; seed++) {
            PropertyReport<List<Integer>> r = failing("a + b > -10 or c != 3", triples,
                    (t, labels) -> t.get(0) + t.get(1) > -10 || t.get(2) != 3 ? null : "a + b <= -10 and c = 3", seed);
            assertEquals(List.of(0, -10, 3), r.shrunk(), "seed " + seed + ", from " + r.original());
        }
    }

    /** The same move on a range that excludes 0: a goes to its simplest value 5, and b takes what a had above 5. */
    @Test
    void valueMovesAboveTheSimplestPointOfARangeThatExcludesZero() {
        Gen<List<Integer>> triples = s -> List.of(s.integer(5, 15), s.integer(0, 20), s.integer(0, 3));
        for (int seed = 0; seed < SEEDS; seed++) {
            PropertyReport<List<Integer>> r = failing("a + b < 25 or c != 3", triples,
                    (t, labels) -> t.get(0) + t.get(1) < 25 || t.get(2) != 3 ? null : "a + b >= 25 and c = 3", seed);
            assertEquals(List.of(5, 20, 3), r.shrunk(), "seed " + seed + ", from " + r.original());
        }
    }

    /**
     * Two vectors of a drawn length d >= 0: lowering d alone shifts the second vector onto the first one's last
     * entry; lowering d and dropping the last entry of both keeps them aligned, down to d = 1.
     */
    @Test
    void aDimensionFromZeroUpShrinksWithTheVectorsItSizes() {
        Gen<List<List<Integer>>> pairs = Gen.integers(0, 4).flatMap(d -> s -> List.of(
                Gen.listOf(Gen.constant(d), Gen.integers(0, 9)).generate(s),
                Gen.listOf(Gen.constant(d), Gen.integers(0, 9)).generate(s)));
        for (int seed = 0; seed < SEEDS; seed++) {
            PropertyReport<List<List<Integer>>> r = failing("u_0 = 0 or v_0 = 0", pairs, (p, labels) ->
                    !p.get(0).isEmpty() && p.get(0).get(0) > 0 && p.get(1).get(0) > 0 ? "u_0, v_0 > 0" : null, seed);
            assertEquals(List.of(List.of(1), List.of(1)), r.shrunk(), "seed " + seed + ", from " + r.original());
        }
    }

    /** Both 5 and 9 must stay; only swapping them makes the choices smaller. */
    @Test
    void listElementsAreSorted() {
        Gen<List<Integer>> lists = Gen.listOf(Gen.integers(0, 12), Gen.integers(0, 9));
        for (int seed = 0; seed < SEEDS; seed++) {
            PropertyReport<List<Integer>> r = failing("not both 5 and 9", lists,
                    (xs, labels) -> xs.contains(5) && xs.contains(9) ? "both" : null, seed);
            assertEquals(List.of(5, 9), r.shrunk(), "seed " + seed + ", from " + r.original());
        }
    }

    /**
     * Three values in [0, 2] fail when they are 0, 1, 2 out of order. Sorting the list makes the property hold, so
     * the full sort is refused; lowering a value breaks the permutation; deleting a value reads a 0 in its place
     * (the size is fixed), which keeps a permutation only when the 0 is not the deleted value and moves to the
     * end. The simplest failing case is (1, 2, 0); from (2, 1, 0) only swapping the neighbours 2 and 1 reaches it.
     */
    @Test
    void neighboursAreSwappedWhenTheSortedListPasses() {
        Gen<List<Integer>> triples = Gen.listOf(Gen.constant(3), Gen.integers(0, 2));
        Property<List<Integer>> property = (xs, labels) -> xs.containsAll(List.of(0, 1, 2))
                && !xs.equals(List.of(0, 1, 2)) ? "0, 1, 2 out of order" : null;
        boolean throughTheSwap = false;
        for (int seed = 0; seed < SEEDS; seed++) {
            PropertyReport<List<Integer>> r = failing("sorted or not 0, 1, 2", triples, property, seed);
            assertEquals(List.of(1, 2, 0), r.shrunk(), "seed " + seed + ", from " + r.original());
            throughTheSwap |= !r.original().equals(List.of(1, 2, 0)) && !r.original().equals(List.of(1, 0, 2));
        }
        assertTrue(throughTheSwap, "some seed starts where only the swap leads to (1, 2, 0)");
    }

    /**
     * Three values in [0, 3] fail when they are 1, 2, 3 in order or in reverse. From (3, 2, 1) every swap of
     * neighbours makes the property hold, lowering a value breaks the permutation and deleting one reads a 0: only
     * sorting the whole list at once reaches (1, 2, 3).
     */
    @Test
    void aListIsSortedAtOnceWhenNoSwapOfNeighboursStillFails() {
        Gen<List<Integer>> triples = Gen.listOf(Gen.constant(3), Gen.integers(0, 3));
        Property<List<Integer>> property = (xs, labels) -> xs.equals(List.of(1, 2, 3)) || xs.equals(List.of(3, 2, 1))
                ? "1, 2, 3 in order or in reverse" : null;
        boolean reversed = false;
        for (int seed = 0; seed < SEEDS; seed++) {
            PropertyReport<List<Integer>> r = PropertyRunner.check("not 1, 2, 3 in order or reverse", triples, property,
                    tries(CONFIG.withSeed(seed), 2000));
            assertFalse(r.holds(), "no failing case at seed " + seed);
            assertEquals(List.of(1, 2, 3), r.shrunk(), "seed " + seed + ", from " + r.original());
            reversed |= r.original().equals(List.of(3, 2, 1));
        }
        assertTrue(reversed, "some seed starts from (3, 2, 1), where only the sort shrinks");
    }

    /**
     * The last element must stay 7: deleting the first element's choices alone shifts the 7 and leaves a
     * trailing 0, lowering the size alone drops the 7; only deleting the element and lowering the size together
     * shrinks to the one-element list.
     */
    @Test
    void aMiddleElementIsDeletedTogetherWithItsSize() {
        Gen<List<Integer>> lists = Gen.listOf(Gen.integers(0, 6), Gen.integers(0, 9));
        for (int seed = 0; seed < SEEDS; seed++) {
            PropertyReport<List<Integer>> r = failing("last != 7", lists,
                    (xs, labels) -> !xs.isEmpty() && xs.get(xs.size() - 1) == 7 ? "last = 7" : null, seed);
            assertEquals(List.of(7), r.shrunk(), "seed " + seed + ", from " + r.original());
        }
    }

    /**
     * Moving a into b when b is 0 at the end would make the choices longer (not simpler): the shrink must refuse
     * that move and stop at (5, 0), its fixpoint, before its budget.
     */
    @Test
    void aMoveThatLengthensTheChoicesIsRefused() {
        Gen<List<Integer>> pairs = s -> List.of(s.integer(0, 10), s.integer(0, 10));
        for (int seed = 0; seed < SEEDS; seed++) {
            PropertyReport<List<Integer>> r = failing("a < 5", pairs,
                    (p, labels) -> p.get(0) < 5 ? null : "a = " + p.get(0), seed);
            assertEquals(List.of(5, 0), r.shrunk(), "seed " + seed + ", from " + r.original());
        }
    }

    /** Shrinking ends at a fixpoint: shrinking the shrunk case again takes no step. */
    @Test
    void theShrunkCaseIsAFixpoint() {
        Gen<List<Integer>> lists = Gen.listOf(Gen.integers(0, 20), Gen.integers(-1000, 1000));
        assertFixpoint(lists, (xs, labels) -> xs.stream().mapToInt(Integer::intValue).sum() < 100 ? null : "large");
        assertFixpoint(Gen.listOf(Gen.integers(0, 30), Gen.integers(0, 1000)),
                (xs, labels) -> xs.size() < 3 || xs.get(1) <= xs.get(0) + xs.get(2) ? null : "x1 > x0 + x2");
        assertFixpoint(Gen.arrayOfReals(Gen.integers(0, 5), Gen.normals(0, 10)), (xs, labels) -> {
            double sum = 0;
            for (double x : xs) {
                sum += x * x;
            }
            return sum < 30 ? null : "sum of squares " + sum;
        });
    }

    private static <T> void assertFixpoint(Gen<T> gen, Property<T> property) {
        for (int seed = 0; seed < 2 * SEEDS; seed++) {
            PropertyReport<T> r = failing("fixpoint", gen, property, seed);
            Source again = Source.replay(r.shrunkChoices(), 0);
            T value = gen.generate(again);
            Shrinker<T> shrinker = new Shrinker<>(gen, property, CONFIG.maxShrinkAttempts(), 0);
            Shrinker.Case<T> best = shrinker.shrink(again.choices(), again.draws(), value, r.violation());
            assertEquals(0, shrinker.steps(), "seed " + seed + ": " + Pasteable.of(r.shrunk()) + " shrank further to "
                    + Pasteable.of(best.value()));
        }
    }

    /** Negative values have even zigzag codes: the search keeps the sign and finds the boundary. */
    @Test
    void aNegativeIntegerShrinksToTheBoundary() {
        for (int seed = 0; seed < SEEDS; seed++) {
            PropertyReport<Integer> r = failing("x > -100", Gen.integers(-1000, 1000),
                    (x, labels) -> x > -100 ? null : "x = " + x, seed);
            assertEquals(-100, r.shrunk(), "seed " + seed + ", from " + r.original());
        }
    }

    /** Candidates the generator refuses (an even value from an odd-only filter) are skipped, not accepted. */
    @Test
    void candidatesTheGeneratorRefusesAreSkipped() {
        Gen<Integer> odd = Gen.integers(0, 1000).filter(x -> x % 2 == 1, 0);
        for (int seed = 0; seed < SEEDS; seed++) {
            PropertyReport<Integer> r = PropertyRunner.check("x < 100", odd, (x, labels) -> x < 100 ? null : "x = " + x,
                    CONFIG.withSeed(seed));
            assertEquals(101, r.shrunk(), "seed " + seed + ", from " + r.original());
            assertTrue(r.shrinkAttempts() < CONFIG.maxShrinkAttempts(), "attempts " + r.shrinkAttempts());
        }
    }

    @Test
    void theBudgetIsSpentExactlyWhenTheShrinkIsCutShort() {
        Gen<List<Integer>> lists = Gen.listOf(Gen.integers(0, 20), Gen.integers(0, 1000));
        Property<List<Integer>> property = (xs, labels) -> xs.stream().mapToInt(Integer::intValue).sum() < 100 ? null
                : "large";
        PropertyReport<List<Integer>> few = PropertyRunner.check("sum < 100", lists, property,
                CONFIG.withMaxShrinkAttempts(5));
        assertEquals(5, few.shrinkAttempts());
        PropertyReport<List<Integer>> full = PropertyRunner.check("sum < 100", lists, property, CONFIG);
        assertTrue(full.shrinkAttempts() > full.shrinkSteps() && full.shrinkSteps() > 0,
                full.shrinkAttempts() + " attempts, " + full.shrinkSteps() + " steps");
    }

    @Test
    void theReportKeepsTheOriginalViolationAndSaysWhatFailed() {
        PropertyReport<Integer> r = PropertyRunner.check("x < 100", Gen.integers(0, 1000),
                (x, labels) -> x < 100 ? null : "x = " + x, CONFIG);
        assertEquals("x = " + r.original(), r.originalViolation());
        assertEquals("x = 100", r.violation());
        String text = r.toString();
        assertTrue(text.startsWith("property 'x < 100' failed on try " + r.tries() + " (case seed "
                + r.failingCaseSeed() + "); shrunk in " + r.shrinkSteps() + " steps to 100: x = 100"), text);
        PropertyReport<Integer> held = PropertyRunner.check("x >= 0", Gen.integers(0, 9), (x, labels) -> null,
                tries(CONFIG, 7));
        assertTrue(held.toString().startsWith("property 'x >= 0' held in 7 tries (seed 20210205, 0 discarded, "),
                held.toString());
    }

    @Test
    void configsCarryTheSuitesDefaultsAndTheirChanges() {
        PropertyConfig defaults = PropertyConfig.defaults();
        assertEquals(new PropertyConfig(CheckContext.DEFAULT_SEED, PropertyConfig.DEFAULT_TRIES,
                PropertyConfig.DEFAULT_MAX_SHRINK_ATTEMPTS), defaults);
        CheckContext context = new CheckContext(7L, 0, message -> { }, new CheckContext.Budget(), "a-claim",
                "a-check");
        assertEquals(new PropertyConfig(context.seedFor("a-check"), 123, PropertyConfig.DEFAULT_MAX_SHRINK_ATTEMPTS),
                PropertyConfig.forCheck(context, 123));
    }

    /**
     * Case seed i is, above its low byte, output i + 1 of SplitMix64 started at the run seed (Java's
     * SplittableRandom): the mix spreads neighbouring seeds and tries over all 64 bits.
     */
    @Test
    void caseSeedsAreSplitMix64OutputsWithTheRankInTheLowByte() {
        for (long seed : new long[] {0, 42, -5, CheckContext.DEFAULT_SEED}) {
            SplittableRandom reference = new SplittableRandom(seed);
            for (int i = 0; i < 300; i++) {
                long expected = reference.nextLong();
                long caseSeed = PropertyRunner.caseSeed(seed, i);
                assertEquals(expected & ~0xFFL, caseSeed & ~0xFFL, "seed " + seed + ", try " + i);
                assertEquals(Math.min(i, 255), caseSeed & 0xFFL);
            }
        }
    }

    @Test
    void arraysGivenAsObjectsAndSpacesPrintAsJava() {
        assertEquals("new double[] {1.0, -0.5}", Pasteable.of((Object) new double[] {1.0, -0.5}));
        assertEquals("new double[][] {{1.0}, {0.25}}", Pasteable.of((Object) new double[][] {{1}, {0.25}}));
        assertEquals("\"a b\\u0001\"", Pasteable.of((Object) "a b\u0001"));
    }

    /** The config with another number of tries. */
    private static PropertyConfig tries(PropertyConfig config, int tries) {
        return new PropertyConfig(config.seed(), tries, config.maxShrinkAttempts());
    }
}
