package org.advsharp.property;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Choice 0 decodes to the simplest value, replay reproduces random mode, lower choices are simpler. */
class SourceTest {

    /**
     * Allowed deviation of a sample mean or standard deviation from its target, in units of the target
     * sd: 20,000 draws give a standard error of 1/sqrt(20000) = 0.007 sd, so 0.05 is seven standard
     * errors (a false alarm has probability far below 1e-9) yet catches a wrong scale or shift.
     */
    private static final double MOMENT_TOLERANCE_IN_SD = 0.05;
    /** Allowed deviation of a category count, in binomial standard deviations (false alarm < 1e-11). */
    private static final double COUNT_TOLERANCE_IN_SD = 7;
    private static final int DRAWS = 20_000;

    private static Source empty() {
        return Source.replay(new long[0], 0L);
    }

    @Test
    void choiceZeroDecodesToTheSimplestValueOfEveryPrimitive() {
        assertEquals(3, empty().integer(3, 9));
        assertEquals(0, empty().integer(-5, 7));
        assertEquals(-2, empty().integer(-9, -2));
        assertEquals(0.0, empty().real(-1, 2));
        assertEquals(0.5, empty().real(0.5, 3));
        assertEquals(-1.5, empty().real(-4, -1.5));
        assertEquals(3.0, empty().normal(3, 2));
        assertFalse(empty().bool(0.9));
        assertEquals("first", empty().choose(List.of("first", "second")));
        assertEquals(0, empty().weighted(new double[] {1, 5}));
    }

    @Test
    void integerChoicesAlternateSidesThenContinueOnTheLongerSide() {
        int[] expected = {0, 1, -1, 2, -2, 3, 4, 5};
        for (int code = 0; code < expected.length; code++) {
            assertEquals(expected[code], Source.replay(new long[] {code}, 0).integer(-2, 7), "code " + code);
        }
        assertEquals(7, Source.replay(new long[] {1000}, 0).integer(-2, 7), "too large a code reads as the largest");
    }

    @Test
    void zigzagRoundTripsEveryOffsetAndUsesEveryCodeOnce() {
        long below = 3;
        long above = 8;
        boolean[] used = new boolean[(int) (below + above + 1)];
        for (long k = -below; k <= above; k++) {
            long code = Zigzag.encode(k, below, above);
            assertEquals(k, Zigzag.decode(code, below, above));
            assertFalse(used[(int) code], "code " + code + " used twice");
            used[(int) code] = true;
        }
    }

    @Test
    void replayOfTheRecordedChoicesReproducesEveryValue() {
        for (long seed = 1; seed <= 50; seed++) {
            Source random = Source.random(seed);
            Object[] drawn = draw(random);
            Source replay = Source.replay(random.choices(), seed);
            assertArrayEquals(drawn, draw(replay), "seed " + seed);
            assertArrayEquals(random.choices(), replay.choices());
            assertEquals(seed, replay.seed());
        }
    }

    private static Object[] draw(Source s) {
        return new Object[] {s.integer(-10, 10), s.real(-3, 5), s.normal(1, 2), s.bool(0.3),
                s.choose(List.of("a", "b", "c")), s.weighted(new double[] {1, 2, 3}), s.real(0.25, 0.75)};
    }

    @Test
    void lowerPositionChoicesOnOneSideGiveRealsCloserToTheSimplestPoint() {
        RealCodec codec = RealCodec.uniform(-2, 6);
        double previousAbove = 0;
        double previousBelow = 0;
        for (long code = 1; code < 1L << 40; code = code * 3 + 1) {
            double v = codec.decode(code, RealCodec.FULL_PRECISION);
            if (v > 0) {
                assertTrue(v >= previousAbove, "code " + code);
                previousAbove = v;
            } else {
                assertTrue(v <= previousBelow, "code " + code);
                previousBelow = v;
            }
        }
        assertTrue(previousAbove > 0 && previousBelow < 0, "both sides were reached");
    }

    @Test
    void lowerDigitsRoundTheValueToFewerDecimalPlaces() {
        RealCodec codec = RealCodec.uniform(0, 10);
        long code = codec.encode(7.3456);
        assertEquals(7.0, codec.decode(code, 0));
        assertEquals(7.3, codec.decode(code, 1));
        assertEquals(7.35, codec.decode(code, 2));
        assertEquals(7.346, codec.decode(code, 3));
        assertEquals(7.3456, codec.decode(code, 4));
        RealCodec negative = RealCodec.normal(0, 1);
        assertEquals(-0.5, negative.decode(negative.encode(-0.4999), 1));
    }

    @Test
    void randomRealsStayInRangeAndRandomDigitsAreFullPrecision() {
        Source s = Source.random(7);
        for (int i = 0; i < DRAWS; i++) {
            double v = s.real(-0.3, 0.7);
            assertTrue(v >= -0.3 && v <= 0.7, "value " + v);
            int a = s.integer(-4, 9);
            assertTrue(a >= -4 && a <= 9, "value " + a);
        }
        long[] choices = s.choices();
        assertEquals(RealCodec.FULL_PRECISION, choices[0]);
    }

    @Test
    void normalDrawsHaveTheRequestedMeanAndStandardDeviation() {
        Source s = Source.random(11);
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < DRAWS; i++) {
            double v = s.normal(3, 2);
            sum += v;
            squares += v * v;
        }
        double mean = sum / DRAWS;
        double sd = Math.sqrt(squares / DRAWS - mean * mean);
        double targetSd = 2;
        assertEquals(3, mean, MOMENT_TOLERANCE_IN_SD * targetSd);
        assertEquals(targetSd, sd, MOMENT_TOLERANCE_IN_SD * targetSd);
    }

    @Test
    void uniformIntegersCoverTheRangeEvenly() {
        Source s = Source.random(13);
        int[] counts = new int[5];
        for (int i = 0; i < DRAWS; i++) {
            counts[s.integer(-2, 2) + 2]++;
        }
        double expected = DRAWS / 5.0;
        double sd = Math.sqrt(DRAWS * 0.2 * 0.8);
        for (int count : counts) {
            assertEquals(expected, count, COUNT_TOLERANCE_IN_SD * sd);
        }
    }

    @Test
    void theRankOfATryTravelsInTheCaseSeed() {
        assertEquals(0, Source.random(PropertyRunner.caseSeed(42, 0)).rank());
        assertEquals(3, Source.random(PropertyRunner.caseSeed(42, 3)).rank());
        assertEquals(255, Source.random(PropertyRunner.caseSeed(42, 9999)).rank());
        assertTrue(PropertyRunner.caseSeed(42, 1) != PropertyRunner.caseSeed(43, 1));
    }

    @Test
    void badArgumentsAreRejectedWithTheirNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> empty().integer(5, 4));
        assertTrue(e.getMessage().contains("lo = 5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> empty().real(1, Double.POSITIVE_INFINITY));
        assertTrue(e.getMessage().contains("real(lo, hi)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> empty().normal(0, -1));
        assertTrue(e.getMessage().contains("sd = -1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> empty().bool(1.5));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> empty().weighted(new double[] {1, 0}));
        assertTrue(e.getMessage().contains("weight 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Source.replay(new long[] {0, -1}, 0));
        assertTrue(e.getMessage().contains("choice 1"), e.getMessage());
    }

    @Test
    void anUnboundedGeneratorIsStoppedWithAClearError() {
        Gen<Integer> unbounded = s -> {
            int n = 0;
            while (!s.bool(0.5)) {
                n++;
            }
            return n;
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> unbounded.generate(Source.replay(new long[0], 0)));
        assertTrue(e.getMessage().contains("unbounded"), e.getMessage());
    }
}
