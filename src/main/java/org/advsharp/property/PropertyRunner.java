package org.advsharp.property;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Checks a property on generated cases and shrinks the first failure to a minimal one.
 *
 * <p>Try i draws its case from {@link Source#random} with case seed {@link #caseSeed}(seed, i), so any
 * single case can be regenerated from its case seed with {@link #replay}. The first failing case is
 * shrunk on its recorded choice sequence (see {@link Shrinker}); the report gives both the original and
 * the shrunk case. Property engine for every claim's property and search checks; no paper claim itself.
 */
public final class PropertyRunner {

    private PropertyRunner() {
    }

    /**
     * Evaluates property on config.tries() generated cases, stopping at the first violation and
     * shrinking it.
     *
     * @throws IllegalStateException if the generator discards more cases than it delivers (a filter that
     *                               rejects too much), naming the filter's complaint
     */
    public static <T> PropertyReport<T> check(String name, Gen<T> gen, Property<T> property,
                                              PropertyConfig config) {
        Objects.requireNonNull(gen, "check: gen");
        Objects.requireNonNull(property, "check: property");
        Objects.requireNonNull(config, "check: config");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("check: the property needs a name");
        }
        long start = System.nanoTime();
        Map<String, Integer> counts = new TreeMap<>();
        int tries = 0;
        int passed = 0;
        int discarded = 0;
        int discardLimit = Math.max(config.tries(), 10);
        for (int i = 0; tries < config.tries(); i++) {
            long caseSeed = caseSeed(config.seed(), i);
            Source source = Source.random(caseSeed);
            T value;
            try {
                value = gen.generate(source);
            } catch (UnsatisfiedFilterException e) {
                discarded++;
                if (discarded > discardLimit) {
                    throw new IllegalStateException("property '" + name + "': the generator discarded "
                            + discarded + " cases while delivering " + tries + " (seed " + config.seed()
                            + "); last complaint: " + e.getMessage(), e);
                }
                continue;
            }
            Labels labels = new Labels();
            String violation = evaluate(property, value, labels);
            tries++;
            for (String label : labels.names()) {
                counts.merge(label, 1, Integer::sum);
            }
            if (violation != null) {
                Shrinker<T> shrinker = new Shrinker<>(gen, property, config.maxShrinkAttempts(), caseSeed);
                Shrinker.Case<T> best = shrinker.shrink(source.choices(), source.draws(), value, violation);
                PropertyReport.Failure<T> failure = new PropertyReport.Failure<>(value, violation, caseSeed,
                        best.value(), best.violation(), best.choices(), shrinker.steps(), shrinker.attempts());
                return new PropertyReport<>(name, config.seed(), tries, passed, discarded, counts, failure,
                        millisSince(start));
            }
            passed++;
        }
        return new PropertyReport<>(name, config.seed(), tries, passed, discarded, counts, null,
                millisSince(start));
    }

    /**
     * How many of the config's tries generate a case for which {@code found} holds: every case {@link #check}
     * would draw with that config, none skipped (a search's find rate over its whole budget, where check stops
     * at the first find).
     */
    public static <T> int count(Gen<T> gen, PropertyConfig config, Predicate<T> found) {
        int n = 0;
        for (int i = 0; i < config.tries(); i++) {
            if (found.test(replay(gen, caseSeed(config.seed(), i)))) {
                n++;
            }
        }
        return n;
    }

    /** Regenerates exactly the case that try had: gen applied to Source.random(caseSeed). */
    public static <T> T replay(Gen<T> gen, long caseSeed) {
        return gen.generate(Source.random(caseSeed));
    }

    /**
     * The case seed of try i of a run with the given seed: a SplitMix64-style mix of (seed, i) whose low
     * 8 bits are replaced by min(i, 255), the rank {@link Source#rank()} reads back.
     */
    public static long caseSeed(long seed, int i) {
        if (i < 0) {
            throw new IllegalArgumentException("caseSeed: try index " + i + " must be >= 0");
        }
        long z = seed + 0x9E3779B97F4A7C15L * (i + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z & ~0xFFL) | Math.min(i, 255);
    }

    /** The property's verdict on value: null if it holds, else the violation (exceptions included). */
    static <T> String evaluate(Property<T> property, T value, Labels labels) {
        try {
            return property.test(value, labels);
        } catch (Exception | AssertionError e) {
            return "threw " + e;
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }
}
