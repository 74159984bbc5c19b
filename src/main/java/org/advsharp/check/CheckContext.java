package org.advsharp.check;

import java.util.function.Consumer;

/**
 * What a check gets from whoever runs it: the master seed, an optional override of the number of
 * random cases, and a sink for progress messages.
 *
 * @param seed        master seed; every random choice of the check derives from it
 * @param triesOverride if positive, the number of random cases to use instead of each check's default
 * @param progress    receives short progress messages (may ignore them)
 */
public record CheckContext(long seed, int triesOverride, Consumer<String> progress) {

    /** The default master seed of the suite. Changing it changes the evidence, so it is fixed. */
    public static final long DEFAULT_SEED = 20210205L;

    /** A context with the default seed, default tries, and no progress output. */
    public static CheckContext defaults() {
        return new CheckContext(DEFAULT_SEED, 0, message -> { });
    }

    /** The number of random cases: the override if one was given, else the check's default. */
    public int tries(int defaultTries) {
        return triesOverride > 0 ? triesOverride : defaultTries;
    }

    /** A seed for one check, derived from the master seed and the check id (stable across runs). */
    public long seedFor(String checkId) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (int i = 0; i < checkId.length(); i++) {
            h = (h ^ checkId.charAt(i)) * 0x100000001B3L;
        }
        return mix(h);
    }

    /** The command that replays a claim's evidence with this master seed. */
    public String replayCommand(String claimId) {
        return "./advsharp verify --claims " + claimId + " --seed " + seed
                + (triesOverride > 0 ? " --tries " + triesOverride : "");
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
