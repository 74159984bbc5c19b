package org.advsharp.property;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/**
 * The codes under every draw: the zigzag code when the longer side is below the simplest point, integer
 * draws on ranges that exclude 0, the operations on choice sequences, and the real codec's uniformity,
 * precision, inverse and rounding towards or away from its simplest point.
 */
class CodesTest {
    /** 2^52, the grid of a real draw. */
    private static final double STEPS = 4503599627370496.0;
    /** Allowed deviation of a sample mean or sd, in target sds (seven standard errors at 20,000 draws). */
    private static final double MOMENT_TOLERANCE_IN_SD = 0.05;
    private static final int DRAWS = 20_000;
    /** One grid step of a uniform draw on [0.5, 3]: encode rounds to the nearest step, so decode is within it. */
    private static final double UNIFORM_STEP = 2.5 / STEPS;
    /**
     * A normal draw's round trip goes through erf, the grid (2^-52) and erfinv: for |z| <= 2 the slope of
     * erfinv is below 7 and the normal's sd is 3, so the error is about 3 * 7 * 2^-52 = 5e-15 plus a few ulps of
     * erf; 1e-9 is far above that and far below a wrong mean or scale (errors of order 1 to 10).
     */
    private static final double NORMAL_ROUND_TRIP = 1e-9;

    @Test
    void zigzagCodesContinueDownTheLongerSideWhenItIsBelow() {
        long[] offsets = {0, 1, -1, 2, -2, 3, -3, -4, -5, -6, -7, -8};
        for (int code = 0; code < offsets.length; code++) {
            assertEquals(offsets[code], Zigzag.decode(code, 8, 3), "code " + code);
            assertEquals(code, Zigzag.encode(offsets[code], 8, 3), "offset " + offsets[code]);
        }
        assertEquals(-8, Zigzag.decode(1000, 8, 3), "a code past the largest reads as the largest");
    }

    @Test
    void integerDrawsOnRangesThatExcludeZeroRoundTripEveryValue() {
        long[][] ranges = {{3, 9}, {-9, -2}, {-4, 6}};
        for (long[] range : ranges) {
            Draw.IntegerDraw draw = new Draw.IntegerDraw(0, range[0], range[1]);
            assertEquals(0, draw.encode(draw.simplest()), "choice 0 is the value nearest 0");
            for (long v = range[0]; v <= range[1]; v++) {
                assertEquals(v, draw.decode(draw.encode(v)), "value " + v + " in [" + range[0] + ", " + range[1] + "]");
            }
        }
    }

    @Test
    void choiceSequencesAreTrimmedCutAndOrderedShortlex() {
        assertArrayEquals(new long[] {1, 0, 2}, Choices.trim(new long[] {1, 0, 2, 0, 0}));
        assertArrayEquals(new long[0], Choices.trim(new long[] {0, 0}));
        assertArrayEquals(new long[] {1, 4}, Choices.cut(new long[] {1, 2, 3, 4}, 1, 3));
        assertArrayEquals(new long[] {1, 2}, Choices.cut(new long[] {1, 2}, 1, 1), "an empty span");
        assertArrayEquals(new long[] {1}, Choices.cut(new long[] {1, 2}, 1, 5), "a span past the end");
        assertArrayEquals(new long[] {0, 0, 7}, Choices.with(new long[0], 2, 7));
        assertTrue(Choices.shortlex(new long[] {9}, new long[] {1, 1}) < 0, "shorter first");
        assertTrue(Choices.shortlex(new long[] {1, 2}, new long[] {1, 3}) < 0, "then lexicographic");
        assertEquals(0, Choices.shortlex(new long[] {1, 2}, new long[] {1, 2}));
    }

    @Test
    void uniformRealsAreUniformOverTheWholeRange() {
        Source s = Source.random(19);
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < DRAWS; i++) {
            double v = s.real(-2, 6);
            sum += v;
            squares += v * v;
        }
        double mean = sum / DRAWS;
        double sd = Math.sqrt(squares / DRAWS - mean * mean);
        double targetSd = 8 / Math.sqrt(12);
        assertEquals(2, mean, MOMENT_TOLERANCE_IN_SD * targetSd, "mean of U(-2, 6)");
        assertEquals(targetSd, sd, MOMENT_TOLERANCE_IN_SD * targetSd, "sd of U(-2, 6)");
    }

    /** Random mode records the digits code FULL_PRECISION: the grid value itself, however small. */
    @Test
    void fullPrecisionIsTheGridValueUnrounded() {
        RealCodec tiny = RealCodec.uniform(0, 1e-12);
        for (long code : new long[] {1, 12_345, 1L << 40, tiny.maxCode()}) {
            assertEquals(code * (1e-12 / STEPS), tiny.decode(code, RealCodec.FULL_PRECISION), "code " + code);
        }
    }

    @Test
    void choiceZeroIsTheSimplestPointAndEncodeInvertsDecode() {
        RealCodec uniform = RealCodec.uniform(0.5, 3);
        RealCodec normal = RealCodec.normal(10, 3);
        assertEquals(0.5, uniform.simplest());
        assertEquals(0.5, uniform.decode(0, RealCodec.FULL_PRECISION));
        assertEquals(10.0, normal.simplest());
        assertEquals(10.0, normal.decode(0, RealCodec.FULL_PRECISION));
        for (double y : new double[] {0.5, 0.75, 1.7, 3}) {
            assertEquals(y, uniform.decode(uniform.encode(y), RealCodec.FULL_PRECISION), UNIFORM_STEP, "uniform " + y);
        }
        for (double y : new double[] {10, 13.5, 4}) {
            assertEquals(y, normal.decode(normal.encode(y), RealCodec.FULL_PRECISION), NORMAL_ROUND_TRIP, "normal " + y);
        }
    }

    /** Rounding half up may land on an endpoint; that value is in range and is kept, not pushed inside. */
    @Test
    void aShortDecimalOnAnEndpointIsKept() {
        RealCodec above = RealCodec.uniform(0.5, 3);
        assertEquals(0.5, above.decode(above.encode(0.54), 1));
        RealCodec below = RealCodec.uniform(-3, -0.5);
        assertEquals(-0.5, below.decode(below.encode(-0.54), 1));
    }

    @Test
    void roundingGoesTowardsOrAwayFromTheSimplestPoint() {
        RealCodec around = RealCodec.uniform(-1, 1);
        assertEquals(0.3, around.roundTowardsSimplest(0.37, 1, true));
        assertEquals(0.4, around.roundTowardsSimplest(0.37, 1, false));
        assertEquals(-0.3, around.roundTowardsSimplest(-0.37, 1, true));
        assertEquals(-0.4, around.roundTowardsSimplest(-0.37, 1, false));
        RealCodec off = RealCodec.uniform(0.5, 3);
        assertEquals(1.0, off.roundTowardsSimplest(1.37, 0, true));
        assertEquals(2.0, off.roundTowardsSimplest(1.37, 0, false));
        assertEquals(0.5, off.roundTowardsSimplest(0.5, 0, true), "the simplest point stays");
    }

    /** BigDecimal holds neither infinities nor the sign of zero: those pass through unchanged. */
    @Test
    void zeroAndNonFiniteValuesAreNotRounded() {
        assertEquals(Double.doubleToRawLongBits(-0.0),
                Double.doubleToRawLongBits(RealCodec.roundToPlaces(-0.0, 2, RoundingMode.HALF_UP)));
        assertEquals(Double.POSITIVE_INFINITY, RealCodec.roundToPlaces(Double.POSITIVE_INFINITY, 2, RoundingMode.FLOOR));
        assertEquals(2.25, RealCodec.roundToPlaces(2.249, 2, RoundingMode.HALF_UP));
    }
}
