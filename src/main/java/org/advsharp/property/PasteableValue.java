package org.advsharp.property;

/**
 * A value that prints itself as Java source a person can paste into a test. {@link Pasteable#of(Object)}
 * asks such values for their source, so the engine prints domain types (generated problems, for example)
 * without knowing them.
 */
public interface PasteableValue {

    /** Java source that evaluates to an equal value. */
    String pasteable();
}
