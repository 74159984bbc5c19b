package org.advsharp.property;

/**
 * A property of generated values, checked by {@link PropertyRunner}.
 *
 * @param <T> the type of the values
 */
@FunctionalInterface
public interface Property<T> {

    /**
     * Tests one value.
     *
     * @param value  the generated value
     * @param labels where to classify the case (e.g. "all margins positive") for the report's statistics
     * @return null when the property holds for the value, otherwise a short description of the violation
     * @throws Exception any exception (or assertion error) counts as a violation, described by its text
     */
    String test(T value, Labels labels) throws Exception;
}
