package org.advsharp.property;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a source records and what its primitives accept: weighted draws, the boundaries of probabilities,
 * ranges and the choice budget, the list marks the shrinker deletes elements by, and the replay of a run's
 * early edge cases from their recorded choices; then the combinators not covered by {@code GenTest}.
 */
class DrawRecordsTest {
    /** Allowed deviation of a category count, in binomial standard deviations (false alarm < 1e-11). */
    private static final double COUNT_TOLERANCE_IN_SD = 7;
    private static final int DRAWS = 20_000;

    private static void assertCount(double p, int count, String what) {
        assertEquals(p * DRAWS, count, COUNT_TOLERANCE_IN_SD * Math.sqrt(DRAWS * p * (1 - p)), what);
    }

    @Test
    void weightedDrawsFollowTheWeightsAndReplayClampsToTheLastIndex() {
        Source s = Source.random(21);
        int[] counts = new int[3];
        for (int i = 0; i < DRAWS; i++) {
            counts[s.weighted(new double[] {1, 2, 3})]++;
        }
        for (int k = 0; k < 3; k++) {
            assertCount((k + 1) / 6.0, counts[k], "index " + k);
        }
        Source replay = Source.replay(new long[] {99}, 0);
        assertEquals(2, replay.weighted(new double[] {1, 2, 3}), "a code past the last index reads as the last");
        assertArrayEquals(new long[] {2}, replay.choices());
        assertEquals(new Draw.IntegerDraw(0, 0, 2), replay.draws().get(0));
    }

    @Test
    void probabilitiesZeroAndOneAreAllowedAndDecideTheDraw() {
        Source s = Source.random(22);
        for (int i = 0; i < 1000; i++) {
            assertFalse(s.bool(0.0));
            assertTrue(s.bool(1.0));
        }
        for (double bad : new double[] {-0.01, 1.01, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.bool(bad));
            assertTrue(e.getMessage().contains(bad + " is not a probability"), e.getMessage());
        }
    }

    @Test
    void aNormalWithZeroSdIsItsMeanAndDrawsNothing() {
        Source s = Source.random(23);
        assertEquals(3.0, s.normal(3, 0));
        assertEquals(0, s.choices().length);
    }

    @Test
    void aRangeWhoseWidthOverflowsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Source.random(1).real(-1e308, 1e308));
        assertTrue(e.getMessage().contains("finite hi - lo"), e.getMessage());
        double v = Source.random(1).real(-1e307, 1e307);
        assertTrue(v >= -1e307 && v <= 1e307);
    }

    @Test
    void aCaseMayDrawExactlyTheChoiceBudget() {
        Source s = Source.random(24);
        for (int i = 0; i < Source.MAX_CHOICES; i++) {
            s.bool(0.5);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.bool(0.5));
        assertTrue(e.getMessage().contains("more than " + Source.MAX_CHOICES + " choices"), e.getMessage());
    }

    /**
     * The index of the choice that decided a list's size, when one integer draw with lo >= 0 decided it as
     * lo + code; else -1. A draw before the list (choice 0) must not be mistaken for it.
     */
    private static int sizeIndex(Gen<Integer> size, long... choices) {
        Source s = Source.replay(choices, 0);
        s.integer(0, 5);
        Gen.listOf(size, Gen.integers(0, 9)).generate(s);
        for (Draw d : s.draws()) {
            if (d instanceof Draw.ListDraw list) {
                return list.sizeIndex();
            }
        }
        throw new AssertionError("no list was recorded");
    }

    @Test
    void aListRecordsTheChoiceThatDecidedItsSize() {
        assertEquals(1, sizeIndex(Gen.integers(2, 6), 4, 3));
        assertEquals(1, sizeIndex(Gen.integers(0, 6), 4, 3));
        assertEquals(-1, sizeIndex(Gen.constant(3), 4), "no draw decided it");
        assertEquals(-1, sizeIndex(Gen.integers(0, 5).map(x -> x + 1), 4, 3), "size is not lo + code");
        assertEquals(-1, sizeIndex(Gen.integers(-3, 3).map(Math::abs), 4, 3), "lo < 0");
        assertEquals(-1, sizeIndex(Gen.integers(0, 2).flatMap(a -> Gen.integers(0, 2).map(b -> a + b)), 4, 1, 1),
                "two draws decided it");
        assertEquals(-1, sizeIndex(Gen.reals(0, 3).map(x -> (int) Math.floor(x)), 4, 24, 3), "a real decided it");
    }

    /** Edge case r of try r is recorded as ordinary choices: replaying them gives the edge case again. */
    @Test
    void anEarlyEdgeCaseReplaysFromItsRecordedChoices() {
        Gen<Double> g = Gen.withEdgeCases(0.1, List.of(-7.0, 7.0, 9.0), Gen.reals(0, 1));
        for (int rank = 0; rank < 3; rank++) {
            Source random = Source.random(PropertyRunner.caseSeed(99, rank));
            double v = g.generate(random);
            assertEquals(List.of(-7.0, 7.0, 9.0).get(rank), v);
            assertEquals(v, g.generate(Source.replay(random.choices(), 0)), "rank " + rank);
        }
    }

    @Test
    void withEdgeCasesAtProbabilityZeroNeverGivesOne() {
        Gen<Double> g = Gen.withEdgeCases(0.0, List.of(-7.0), Gen.reals(0, 1));
        for (int i = 0; i < 20; i++) {
            double v = PropertyRunner.replay(g, PropertyRunner.caseSeed(99, i));
            assertTrue(v >= 0 && v <= 1, "try " + i + ": " + v);
        }
        assertThrows(IllegalArgumentException.class, () -> Gen.withEdgeCases(1.5, List.of(1.0), Gen.reals(0, 1)));
    }

    @Test
    void booleansAndElementsFollowTheirProbabilities() {
        Gen<Boolean> coin = Gen.booleans(0.3);
        Gen<String> letters = Gen.elements(List.of("a", "b", "c", "d"));
        Source s = Source.random(25);
        int heads = 0;
        int[] counts = new int[4];
        for (int i = 0; i < DRAWS; i++) {
            heads += coin.generate(s) ? 1 : 0;
            counts[letters.generate(s).charAt(0) - 'a']++;
        }
        assertCount(0.3, heads, "true");
        for (int k = 0; k < 4; k++) {
            assertCount(0.25, counts[k], "element " + k);
        }
        assertTrue(Gen.booleans(1.0).generate(s));
        assertEquals("a", letters.generate(Source.replay(new long[0], 0)), "shrinks to the first");
        assertThrows(IllegalArgumentException.class, () -> Gen.booleans(1.5));
        assertThrows(IllegalArgumentException.class, () -> Gen.elements(List.of()));
    }

    @Test
    void degenerateRangesAndEmptyArraysAreAllowed() {
        assertEquals(3, Gen.integers(3, 3).generate(Source.random(26)));
        assertEquals(0, Gen.arrayOfReals(0, Gen.reals(0, 1)).generate(Source.random(26)).length);
        assertThrows(IllegalArgumentException.class, () -> Gen.arrayOfReals(-1, Gen.reals(0, 1)));
    }

    @Test
    void aRejectedValueIsShownWholeUpTo120Characters() {
        String exactly = "x".repeat(120);
        UnsatisfiedFilterException e = assertThrows(UnsatisfiedFilterException.class,
                () -> Gen.constant(exactly).filter(v -> false, 0).generate(Source.random(27)));
        assertTrue(e.getMessage().contains("(last: " + exactly + ")"), e.getMessage());
        String longer = "y".repeat(121);
        e = assertThrows(UnsatisfiedFilterException.class,
                () -> Gen.constant(longer).filter(v -> false, 0).generate(Source.random(27)));
        assertTrue(e.getMessage().contains("(last: " + "y".repeat(117) + "...)"), e.getMessage());
    }

    @Test
    void labelsAreGivenOnlyWhenTheirConditionHolds() {
        Labels labels = new Labels();
        labels.labelIf(true, "holds");
        labels.labelIf(false, "fails");
        labels.labelIf(true, "holds");
        assertEquals(Set.of("holds"), labels.names());
        assertThrows(IllegalArgumentException.class, () -> labels.label(" "));
    }
}
