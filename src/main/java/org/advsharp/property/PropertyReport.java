package org.advsharp.property;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link PropertyRunner} saw: how many cases were tried, passed and discarded, the label counts,
 * and for a failure the original case, its case seed, and the shrunk case with its violation.
 *
 * @param <T> the type of the generated values
 */
public final class PropertyReport<T> {

    /** A failure: the first failing case and what the shrinker made of it. */
    record Failure<T>(T original, String originalViolation, long caseSeed, T shrunk, String violation,
                      long[] shrunkChoices, int shrinkSteps, int shrinkAttempts) {
    }

    private final String name;
    private final long seed;
    private final int tries;
    private final int passed;
    private final int discarded;
    private final Map<String, Integer> labelCounts;
    private final Failure<T> failure;
    private final long elapsedMillis;

    PropertyReport(String name, long seed, int tries, int passed, int discarded,
                   Map<String, Integer> labelCounts, Failure<T> failure, long elapsedMillis) {
        this.name = name;
        this.seed = seed;
        this.tries = tries;
        this.passed = passed;
        this.discarded = discarded;
        this.labelCounts = Collections.unmodifiableMap(new LinkedHashMap<>(labelCounts));
        this.failure = failure;
        this.elapsedMillis = elapsedMillis;
    }

    /** The property's name. */
    public String name() {
        return name;
    }

    /** The run seed. */
    public long seed() {
        return seed;
    }

    /** Cases the property was evaluated on (including the failing one, if any). */
    public int tries() {
        return tries;
    }

    /** Cases on which the property held. */
    public int passed() {
        return passed;
    }

    /** Cases the generator gave up on (a filter ran out of retries); not counted in tries. */
    public int discarded() {
        return discarded;
    }

    /** Whether the property held on every try. */
    public boolean holds() {
        return failure == null;
    }

    /** The first failing case as generated. */
    public T original() {
        return failure().original();
    }

    /** The violation of the first failing case as generated. */
    public String originalViolation() {
        return failure().originalViolation();
    }

    /** The shrunk failing case. */
    public T shrunk() {
        return failure().shrunk();
    }

    /** The case seed of the first failure: {@link PropertyRunner#replay} regenerates the original. */
    public long failingCaseSeed() {
        return failure().caseSeed();
    }

    /** Accepted shrink steps (each made the choice sequence strictly simpler). */
    public int shrinkSteps() {
        return failure().shrinkSteps();
    }

    /** Candidate cases the shrinker generated (bounded by the config's maxShrinkAttempts). */
    public int shrinkAttempts() {
        return failure().shrinkAttempts();
    }

    /** The violation of the shrunk case. */
    public String violation() {
        return failure().violation();
    }

    /** The choices of the shrunk case; Source.replay(choices, seed) regenerates it. */
    public long[] shrunkChoices() {
        return failure().shrunkChoices().clone();
    }

    /** For each label, how many tried cases carried it. */
    public Map<String, Integer> labelCounts() {
        return labelCounts;
    }

    /** The share of tried cases that carried the label: count / tries (0 for an unseen label). */
    public double share(String label) {
        return labelCounts.getOrDefault(label, 0) / (double) tries;
    }

    /** Wall time of the run, shrinking included. */
    public long elapsedMillis() {
        return elapsedMillis;
    }

    private Failure<T> failure() {
        if (failure == null) {
            throw new IllegalStateException("property '" + name + "' held in all " + tries
                    + " tries; there is no failing case");
        }
        return failure;
    }

    @Override
    public String toString() {
        if (failure == null) {
            return "property '" + name + "' held in " + tries + " tries (seed " + seed + ", " + discarded
                    + " discarded, " + elapsedMillis + " ms)";
        }
        return "property '" + name + "' failed on try " + tries + " (case seed " + failure.caseSeed()
                + "); shrunk in " + failure.shrinkSteps() + " steps to " + Pasteable.of(failure.shrunk())
                + ": " + failure.violation();
    }
}
