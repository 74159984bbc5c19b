package org.advsharp.check;

import java.util.function.Consumer;

/**
 * What a check gets from whoever runs it: the master seed, an optional override of the number of
 * random cases, a sink for progress messages, and (in the context {@link #forCheck} makes) the check and
 * claim it runs for, so the check's body types neither id again: {@link #seed()}, {@link #seed(String)} and
 * {@link #replayCommand()}.
 *
 * <p>A check's <em>declared budget</em> is the default number of tries it passes to {@link #tries(int)}.
 * {@link Check#execute} gives each check its own context whose {@link Budget} remembers the largest
 * budget the check declared, so the verdict rule can tell a search cut short by {@code --tries} from one
 * that ran in full.
 *
 * @param masterSeed    master seed; every random choice of the check derives from it
 * @param triesOverride if positive, the number of random cases to use instead of each check's default
 * @param progress      receives short progress messages (may ignore them)
 * @param budget        records the budgets declared through {@link #tries(int)}
 * @param claimId       the claim of the check this context was made for by {@link #forCheck}, or null
 * @param checkId       the id of that check, or null
 */
public record CheckContext(long masterSeed, int triesOverride, Consumer<String> progress, Budget budget, String claimId,
                           String checkId) {

    /** A context whose declared budgets are recorded in a fresh, unshared {@link Budget}. */
    public CheckContext(long masterSeed, int triesOverride, Consumer<String> progress) {
        this(masterSeed, triesOverride, progress, new Budget(), null, null);
    }

    /** A context for no particular check. */
    public CheckContext(long masterSeed, int triesOverride, Consumer<String> progress, Budget budget) {
        this(masterSeed, triesOverride, progress, budget, null, null);
    }

    /**
     * The context of one run of {@code check}: a fresh budget record, the check's id and the claim it is
     * registered for, so the check's body need not type either id again ({@link #seed()},
     * {@link #replayCommand()}).
     */
    public CheckContext forCheck(Check check) {
        return new CheckContext(masterSeed, triesOverride, progress, new Budget(), check.claimId(), check.id());
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

    /**
     * The seed of the check this context was made for: the stream named by its id ({@link #seed(String)}).
     *
     * @throws IllegalStateException when the context was not made for a check ({@link #forCheck})
     */
    public long seed() {
        if (checkId == null) {
            throw new IllegalStateException("this context was not made for a check, so it knows no check seed");
        }
        return seed(checkId);
    }

    /**
     * The seed of a named stream of random choices, derived from the master seed and the name alone (stable
     * across runs and independent of the order of the checks): a check's own seed is the stream named by its
     * id; a check that needs further independent streams names them.
     */
    public long seed(String stream) {
        long h = masterSeed ^ 0x9E3779B97F4A7C15L;
        for (int i = 0; i < stream.length(); i++) {
            h = (h ^ stream.charAt(i)) * 0x100000001B3L;
        }
        return mix(h);
    }

    /** The seed of the stream named {@code checkId}: {@link #seed(String)}, for code that names a check. */
    public long seedFor(String checkId) {
        return seed(checkId);
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
        return "./advsharp verify --claims " + claimId + " --seed " + masterSeed
                + (triesOverride > 0 ? " --tries " + triesOverride : "");
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
