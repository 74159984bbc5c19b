package org.advsharp.check;

/**
 * A tolerance or level as a value that carries its own name and the reason for its size, so a measurement
 * compared with it records the name it came from without the name being typed again
 * ({@link Measurement#atMost(String, double, Tolerance)}).
 *
 * @param name  the name the report shows as the bound's origin, e.g. "Tolerances.LANCZOS_RESIDUAL"
 * @param value the bound, finite
 * @param why   one sentence: where the size comes from (a derivation, a measurement, a pre-registration)
 */
public record Tolerance(String name, double value, String why) {

    public Tolerance {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("tolerance: the name is missing");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("tolerance " + name + ": value " + value + " is not finite");
        }
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("tolerance " + name + ": the reason for its size is missing");
        }
    }
}
