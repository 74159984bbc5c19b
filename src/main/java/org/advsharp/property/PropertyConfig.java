package org.advsharp.property;

import org.advsharp.check.CheckContext;

/**
 * How a property is checked.
 *
 * @param seed              run seed; the case seed of try i is {@link PropertyRunner#caseSeed(long, int)}
 * @param tries             number of generated cases the property is evaluated on (at least 1)
 * @param maxShrinkAttempts most candidate cases the shrinker may generate (0 disables shrinking)
 */
public record PropertyConfig(long seed, int tries, int maxShrinkAttempts) {

    /** Default number of tries: enough to see regimes of a few percent tens of times. */
    public static final int DEFAULT_TRIES = 200;

    /** Default shrink budget: cheap properties reach a fixpoint well within it. */
    public static final int DEFAULT_MAX_SHRINK_ATTEMPTS = 10_000;

    public PropertyConfig {
        if (tries < 1) {
            throw new IllegalArgumentException("property config: tries = " + tries + " must be at least 1");
        }
        if (maxShrinkAttempts < 0) {
            throw new IllegalArgumentException("property config: maxShrinkAttempts = " + maxShrinkAttempts
                    + " must be >= 0");
        }
    }

    /** The suite's default seed, {@link #DEFAULT_TRIES} and {@link #DEFAULT_MAX_SHRINK_ATTEMPTS}. */
    public static PropertyConfig defaults() {
        return new PropertyConfig(CheckContext.DEFAULT_SEED, DEFAULT_TRIES, DEFAULT_MAX_SHRINK_ATTEMPTS);
    }

    /**
     * The config of the check the context was made for: that check's own seed ({@link CheckContext#seed()}) and
     * the context's tries override.
     */
    public static PropertyConfig forCheck(CheckContext context, int defaultTries) {
        return new PropertyConfig(context.seed(), context.tries(defaultTries), DEFAULT_MAX_SHRINK_ATTEMPTS);
    }

    /** The config of a property run on the stream named {@code stream} of the context's master seed. */
    public static PropertyConfig forCheck(CheckContext context, String stream, int defaultTries) {
        return new PropertyConfig(context.seed(stream), context.tries(defaultTries), DEFAULT_MAX_SHRINK_ATTEMPTS);
    }

    /** This config with another seed. */
    public PropertyConfig withSeed(long newSeed) {
        return new PropertyConfig(newSeed, tries, maxShrinkAttempts);
    }

    /** This config with another shrink budget. */
    public PropertyConfig withMaxShrinkAttempts(int attempts) {
        return new PropertyConfig(seed, tries, attempts);
    }
}
