package org.advsharp.property;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.apache.commons.math3.special.Erf;

/**
 * How one real-valued draw is written as two choices: a "digits" choice and a position choice.
 *
 * <p>Position: the value is s + q W / 2^52 for a uniform draw on [lo, hi] (W = hi - lo, s the
 * simplest point: 0 if lo <= 0 <= hi, else the endpoint nearest 0), or mean + sd sqrt(2) erfinv(q / 2^52)
 * for a normal draw (the inverse CDF of u = 1/2 + q / 2^53). The step offset q is stored with
 * {@link Zigzag}, so choice 0 is the simplest value and lowering the choice moves the value towards it.
 *
 * <p>Digits: code {@link #FULL_PRECISION} leaves the value as is (random mode records it); a code k
 * below it rounds the value half up to k decimal places (k = 0: an integer), so lowering it yields
 * integers first and then short decimals such as -0.5 or 2.25. A uniform value that rounding pushes
 * out of [lo, hi] is rounded towards the inside instead (and clamped if that is still outside), so an
 * endpoint such as -0.9 is not mistaken for a value with 0 decimal places.
 */
final class RealCodec {

    /**
     * The digits code that means "not rounded"; codes 0..23 round to that many decimal places (enough
     * for values down to about 1e-8 to keep 15 significant digits).
     */
    static final int FULL_PRECISION = 24;

    /** Grid steps across the whole interval (uniform) or across (-1, 1) (normal): 2^52. */
    private static final long STEPS = 1L << 52;
    private static final double SQRT2 = Math.sqrt(2.0);

    private final boolean normal;
    private final double lo;
    private final double hi;
    private final double simplest;
    private final double width;
    private final long below;
    private final long above;

    private RealCodec(boolean normal, double lo, double hi, double simplest, double width, long below,
                      long above) {
        this.normal = normal;
        this.lo = lo;
        this.hi = hi;
        this.simplest = simplest;
        this.width = width;
        this.below = below;
        this.above = above;
    }

    /** Uniform draws on [lo, hi]; the caller has validated lo <= hi, both finite, hi - lo finite. */
    static RealCodec uniform(double lo, double hi) {
        double s = Math.min(Math.max(0.0, lo), hi);
        double width = hi - lo;
        if (width == 0.0) {
            return new RealCodec(false, lo, hi, s, width, 0, 0);
        }
        long below = Math.round((s - lo) / width * STEPS);
        return new RealCodec(false, lo, hi, s, width, below, STEPS - below);
    }

    /** Normal draws N(mean, sd^2); the caller has validated mean finite, sd finite and > 0. */
    static RealCodec normal(double mean, double sd) {
        return new RealCodec(true, mean, sd, mean, 0.0, STEPS - 1, STEPS - 1);
    }

    /** The largest position choice. */
    long maxCode() {
        return below + above;
    }

    /** The value that position choice 0 decodes to. */
    double simplest() {
        return simplest;
    }

    /** A position choice uniform over the grid. */
    long randomCode(SplittableRandom random) {
        return Zigzag.encode(random.nextLong(-below, above + 1), below, above);
    }

    /** The value of a position choice and a digits choice. */
    double decode(long code, long digits) {
        if (code == 0) {
            return simplest;
        }
        long q = Zigzag.decode(code, below, above);
        double raw = normal
                ? lo + hi * SQRT2 * Erf.erfInv((double) q / STEPS)
                : simplest + q * (width / STEPS);
        if (digits >= FULL_PRECISION) {
            return normal ? raw : Math.min(Math.max(raw, lo), hi);
        }
        double v = roundToPlaces(raw, (int) digits, RoundingMode.HALF_UP);
        if (!normal && (v < lo || v > hi)) {
            v = roundToPlaces(raw, (int) digits, v < lo ? RoundingMode.CEILING : RoundingMode.FLOOR);
            v = Math.min(Math.max(v, lo), hi);
        }
        return v;
    }

    /** The position choice whose unrounded value is nearest to y (y is clamped to the range). */
    long encode(double y) {
        long q;
        if (normal) {
            double t = Erf.erf((y - lo) / (hi * SQRT2));
            q = Math.round(t * STEPS);
        } else {
            q = width == 0.0 ? 0 : Math.round((y - simplest) / width * STEPS);
        }
        q = Math.max(-below, Math.min(above, q));
        return Zigzag.encode(q, below, above);
    }

    /** x rounded to the given number of decimal places in the given mode. */
    static double roundToPlaces(double x, int places, RoundingMode mode) {
        if (x == 0.0 || !Double.isFinite(x)) {
            return x;
        }
        return Double.parseDouble(new BigDecimal(x).setScale(places, mode).toString());
    }

    /**
     * The value x rounded to the given decimal places towards the simplest point (towards = true) or away
     * from it. Used by the shrinker to try short decimals on both sides of x.
     */
    double roundTowardsSimplest(double x, int places, boolean towards) {
        if (x == simplest || x == 0.0 || !Double.isFinite(x)) {
            return x;
        }
        boolean ceiling = (x > simplest) != towards;
        return roundToPlaces(x, places, ceiling ? RoundingMode.CEILING : RoundingMode.FLOOR);
    }
}
