package org.advsharp.check;

import java.util.function.Consumer;

/**
 * What a check gets from whoever runs it: the master seed, an optional override of the number of
 * random cases, and a sink for progress messages.
 *
 * <p>A check's <em>declared budget</em> is the default number of tries it passes to {@link #tries(int)}.
 * {@link Check#execute} gives each check its own context whose {@link Budget} remembers the largest
 * budget the check declared, so the verdict rule can tell a search cut short by {@code --tries} from one
 * that ran in full.
 *
 * @param seed          master seed; every random choice of the check derives from it
 * @param triesOverride if positive, the number of random cases to use instead of each check's default
 * @param progress      receives short progress messages (may ignore them)
 * @param budget        records the budgets declared through {@link #tries(int)}
 * @param claimId       the claim of the check this context was made for by {@link #forCheck}, or null
 */
public record CheckContext(long seed, int triesOverride, Consumer<String> progress, Budget budget, String claimId) {

    /** A context whose declared budgets are recorded in a fresh, unshared {@link Budget}. */
    public CheckContext(long seed, int triesOverride, Consumer<String> progress) {
        this(seed, triesOverride, progress, new Budget(), null);
    }

    /** A context for no particular check. */
    public CheckContext(long seed, int triesOverride, Consumer<String> progress, Budget budget) {
        this(seed, triesOverride, progress, budget, null);
    }

    /** The same seed, override and progress sink with a fresh budget record, for one check's run. */
    public CheckContext forOneCheck() {
        return new CheckContext(seed, triesOverride, progress, new Budget(), claimId);
    }

    /**
     * The context of one run of {@code check}: a fresh budget record and the claim the check is registered
     * for, so the check's body need not type the claim id again ({@link #replayCommand()}).
     */
    public CheckContext forCheck(Check check) {
        return new CheckContext(seed, triesOverride, progress, new Budget(), check.claimId());
    }

    /**
     * The largest number of tries a check declared as its default, and the number it actually used.
     * Zero declared means the check does not scale with {@code --tries}.
     */
    public static final class Budget {
        private int declared;
        private int used;

        void declare(int declaredTries, int usedTries) {
            if (declaredTries > declared) {
                declared = declaredTries;
                used = usedTries;
            }
        }

        /** The largest declared default, 0 if the check never asked for a number of tries. */
        public int declared() {
            return declared;
        }

        /** The tries used for that declaration (the override, or the default). */
        public int used() {
            return used;
        }

        /** Whether the check ran fewer tries than it declared. */
        public boolean cutShort() {
            return used < declared;
        }
    }

    /** The default master seed of the suite. Changing it changes the evidence, so it is fixed. */
    public static final long DEFAULT_SEED = 20210205L;

    /** A context with the default seed, default tries, and no progress output. */
    public static CheckContext defaults() {
        return new CheckContext(DEFAULT_SEED, 0, message -> { });
    }

    /** The number of random cases: the override if one was given, else the check's default. */
    public int tries(int defaultTries) {
        int used = triesOverride > 0 ? triesOverride : defaultTries;
        budget.declare(defaultTries, used);
        return used;
    }

    /** A seed for one check, derived from the master seed and the check id (stable across runs). */
    public long seedFor(String checkId) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (int i = 0; i < checkId.length(); i++) {
            h = (h ^ checkId.charAt(i)) * 0x100000001B3L;
        }
        return mix(h);
    }

    /**
     * The command that replays the evidence of the claim this context's check is registered for.
     *
     * @throws IllegalStateException when the context was not made for a check ({@link #forCheck})
     */
    public String replayCommand() {
        if (claimId == null) {
            throw new IllegalStateException("this context was not made for a check, so it knows no claim to replay");
        }
        return replayCommand(claimId);
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
