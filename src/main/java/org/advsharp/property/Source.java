package org.advsharp.property;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

/**
 * What generators draw from: a sequence of non-negative long choices.
 *
 * <p>In random mode the choices come from a {@link SplittableRandom} seeded with the case seed and are
 * recorded; in replay mode they are read from a given sequence, and choices beyond its end read as 0.
 * Every primitive decodes choice 0 to its simplest value, and smaller choices to simpler values, so that
 * a shrinker that lowers and deletes choices shrinks any generator built on top (Hypothesis-style
 * integrated shrinking). A choice larger than a primitive can use is read as the largest it can use.
 *
 * <p>The low 8 bits of a case seed carry the rank of the try that made it (0..255, saturating); in
 * random mode {@link Gen#withEdgeCases} uses the rank to give try r its edge case r, so edge cases appear
 * early in a run and replaying the case seed reproduces them. Property engine; no paper claim.
 */
public final class Source {

    /** Most choices one case may draw; a generator that needs more is almost surely unbounded. */
    public static final int MAX_CHOICES = 1_000_000;

    private final SplittableRandom random;
    private final long[] given;
    private final long caseSeed;
    private long[] choices = new long[32];
    private int count;
    private final List<Draw> draws = new ArrayList<>();

    private Source(SplittableRandom random, long[] given, long caseSeed) {
        this.random = random;
        this.given = given;
        this.caseSeed = caseSeed;
    }

    /** Random mode: choices drawn from SplittableRandom(caseSeed) and recorded. */
    public static Source random(long caseSeed) {
        return new Source(new SplittableRandom(caseSeed), null, caseSeed);
    }

    /**
     * Replay mode: the given choices in order, then zeros. caseSeed is only reported by {@link #seed()}.
     *
     * @throws IllegalArgumentException if a choice is negative
     */
    public static Source replay(long[] choices, long caseSeed) {
        for (int i = 0; i < choices.length; i++) {
            if (choices[i] < 0) {
                throw new IllegalArgumentException("replay choices: choice " + i + " is " + choices[i]
                        + "; choices must be non-negative");
            }
        }
        return new Source(null, choices.clone(), caseSeed);
    }

    /** The seed of the case being generated (the originating case when replaying), for reporting. */
    public long seed() {
        return caseSeed;
    }

    /** Whether this source replays a given sequence rather than drawing at random. */
    public boolean isReplay() {
        return random == null;
    }

    /** The rank of the try (0..255, 255 meaning "late"), carried in the low 8 bits of the case seed. */
    public int rank() {
        return (int) (caseSeed & 0xFFL);
    }

    /**
     * A uniform integer in [lo, hi] (inclusive). Choice 0 is the value closest to 0 in the range;
     * choices then alternate sides: s, s+1, s-1, s+2, ...
     *
     * @throws IllegalArgumentException if lo > hi
     */
    public int integer(int lo, int hi) {
        if (lo > hi) {
            throw new IllegalArgumentException("integer(lo, hi): lo = " + lo + " exceeds hi = " + hi);
        }
        Draw.IntegerDraw mark = new Draw.IntegerDraw(count, lo, hi);
        long code = draw((long) hi - lo, r -> mark.encode(r.nextLong(lo, (long) hi + 1)));
        draws.add(mark);
        return (int) mark.decode(code);
    }

    /**
     * A real uniform in [lo, hi]: a digits choice (random mode: unrounded) then a position choice,
     * decoded as described in {@link RealCodec}. Shrinks towards 0 if lo <= 0 <= hi, else towards the
     * endpoint nearest 0, and towards short decimals.
     *
     * @throws IllegalArgumentException if a bound is not finite, lo > hi, or hi - lo overflows
     */
    public double real(double lo, double hi) {
        requireRange(lo, hi);
        return realDraw(RealCodec.uniform(lo, hi));
    }

    /**
     * A normal value mean + sd z with z the inverse standard normal CDF of a uniform choice; shrinks
     * towards the mean and towards short decimals. sd = 0 returns the mean and draws nothing.
     *
     * @throws IllegalArgumentException if mean is not finite or sd is negative or not finite
     */
    public double normal(double mean, double sd) {
        requireNormal(mean, sd);
        if (sd == 0.0) {
            return mean;
        }
        return realDraw(RealCodec.normal(mean, sd));
    }

    /**
     * True with probability pTrue in random mode; choice 0 is false. Always draws one choice, even for
     * pTrue 0 or 1, so that sequences stay aligned.
     *
     * @throws IllegalArgumentException if pTrue is not in [0, 1]
     */
    public boolean bool(double pTrue) {
        requireProbability("bool(pTrue)", pTrue);
        return draw(1, r -> r.nextDouble() < pTrue ? 1L : 0L) == 1L;
    }

    /**
     * One of the options, uniformly in random mode; choice 0 is the first (the simplest).
     *
     * @throws IllegalArgumentException if options is empty
     */
    public <T> T choose(List<T> options) {
        if (options == null || options.isEmpty()) {
            throw new IllegalArgumentException("choose(options): there are no options to choose from");
        }
        return options.get(integer(0, options.size() - 1));
    }

    /**
     * An index i with probability weights[i] / sum(weights) in random mode; choice 0 is index 0.
     *
     * @throws IllegalArgumentException if there are no weights or one is not finite and positive
     */
    public int weighted(double[] weights) {
        double sum = requireWeights(weights);
        Draw.IntegerDraw mark = new Draw.IntegerDraw(count, 0, weights.length - 1);
        long code = draw(weights.length - 1, r -> {
            double u = r.nextDouble() * sum;
            int i = 0;
            while (i < weights.length - 1 && u >= weights[i]) {
                u -= weights[i];
                i++;
            }
            return i;
        });
        draws.add(mark);
        return (int) code;
    }

    /** In random mode records the given boolean; in replay mode reads one as {@link #bool} does. */
    boolean forcedBool(boolean value) {
        return draw(1, r -> value ? 1L : 0L) == 1L;
    }

    /** In random mode records index; in replay mode reads an index in [0, size) as {@link #choose} does. */
    int forcedIndex(int size, int index) {
        Draw.IntegerDraw mark = new Draw.IntegerDraw(count, 0, size - 1);
        long code = draw(size - 1, r -> index);
        draws.add(mark);
        return (int) code;
    }

    /** Number of choices drawn so far. */
    int position() {
        return count;
    }

    /** Number of structure marks so far. */
    int markCount() {
        return draws.size();
    }

    /**
     * The index of the choice that decided a list size, if the marks since markFrom hold exactly one
     * integer draw and it decodes to size = lo + code with lo >= 0; otherwise -1.
     */
    int sizeChoiceSince(int markFrom, int size) {
        Draw.IntegerDraw only = null;
        for (int i = markFrom; i < draws.size(); i++) {
            if (!(draws.get(i) instanceof Draw.IntegerDraw d) || only != null) {
                return -1;
            }
            only = d;
        }
        if (only == null || only.lo() < 0 || only.lo() + choices[only.index()] != size) {
            return -1;
        }
        return only.index();
    }

    /** Records the structure of a list just drawn. */
    void markList(int sizeIndex, int[] starts, int[] ends) {
        draws.add(new Draw.ListDraw(sizeIndex, starts, ends));
    }

    /** A copy of the choices drawn so far (in replay mode: those actually read, zeros past the end). */
    long[] choices() {
        return Arrays.copyOf(choices, count);
    }

    /** The structure marks recorded so far. */
    List<Draw> draws() {
        return List.copyOf(draws);
    }

    static void requireRange(double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo > hi || !Double.isFinite(hi - lo)) {
            throw new IllegalArgumentException("real(lo, hi): need finite lo <= hi with finite hi - lo, got ["
                    + lo + ", " + hi + "]");
        }
    }

    static void requireNormal(double mean, double sd) {
        if (!Double.isFinite(mean) || !Double.isFinite(sd) || sd < 0) {
            throw new IllegalArgumentException("normal(mean, sd): need finite mean and finite sd >= 0, got mean = "
                    + mean + ", sd = " + sd);
        }
    }

    static void requireProbability(String what, double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException(what + ": " + p + " is not a probability in [0, 1]");
        }
    }

    /** Validates weights and returns their sum. */
    static double requireWeights(double[] weights) {
        if (weights == null || weights.length == 0) {
            throw new IllegalArgumentException("weighted(weights): there are no weights");
        }
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] > 0) || !Double.isFinite(weights[i])) {
                throw new IllegalArgumentException("weighted(weights): weight " + i + " is " + weights[i]
                        + "; weights must be finite and positive");
            }
            total += weights[i];
        }
        return total;
    }

    private double realDraw(RealCodec codec) {
        int digitsIndex = count;
        long digits = draw(RealCodec.FULL_PRECISION, r -> RealCodec.FULL_PRECISION);
        int index = count;
        long code = draw(codec.maxCode(), codec::randomCode);
        draws.add(new Draw.RealDraw(digitsIndex, index, codec));
        return codec.decode(code, digits);
    }

    private long draw(long max, ToLongFunction<SplittableRandom> fresh) {
        if (count >= MAX_CHOICES) {
            throw new IllegalStateException("the generator drew more than " + MAX_CHOICES
                    + " choices for one case; it is probably unbounded");
        }
        long code;
        if (random != null) {
            code = fresh.applyAsLong(random);
        } else {
            code = count < given.length ? Math.min(given[count], max) : 0L;
        }
        if (count == choices.length) {
            choices = Arrays.copyOf(choices, 2 * count);
        }
        choices[count++] = code;
        return code;
    }
}
