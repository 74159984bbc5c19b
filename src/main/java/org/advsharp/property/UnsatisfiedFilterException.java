package org.advsharp.property;

/**
 * Thrown by a generator made with {@link Gen#filter} when its predicate rejected every value it was
 * allowed to draw: the filter runs away and the generator should build its values on purpose instead.
 * The property runner counts such a case as discarded and stops with an error when discards pile up.
 */
public class UnsatisfiedFilterException extends IllegalStateException {

    /** @param message what was rejected, how often, and what to do about it */
    public UnsatisfiedFilterException(String message) {
        super(message);
    }
}
