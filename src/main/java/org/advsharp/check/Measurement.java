package org.advsharp.check;

/**
 * One measured value and the bound it was compared to.
 *
 * @param name       what was measured, e.g. "max relative error of H against central differences"
 * @param value      the measured value
 * @param comparison how value is compared to the bound: "<=", ">=", "<", ">"
 * @param bound      the tolerance or threshold
 * @param boundName  the name of the tolerance constant or rule the bound came from
 * @param passed     whether the comparison held
 */
public record Measurement(String name, double value, String comparison, double bound, String boundName,
                          boolean passed) {

    /** value <= tolerance, named by the tolerance. */
    public static Measurement atMost(String name, double value, Tolerance tolerance) {
        return atMost(name, value, tolerance.value(), tolerance.name());
    }

    /** value >= tolerance, named by the tolerance. */
    public static Measurement atLeast(String name, double value, Tolerance tolerance) {
        return atLeast(name, value, tolerance.value(), tolerance.name());
    }

    /** value > tolerance, named by the tolerance. */
    public static Measurement above(String name, double value, Tolerance tolerance) {
        return above(name, value, tolerance.value(), tolerance.name());
    }

    /** value < tolerance, named by the tolerance. */
    public static Measurement below(String name, double value, Tolerance tolerance) {
        return below(name, value, tolerance.value(), tolerance.name());
    }

    /** value <= bound. */
    public static Measurement atMost(String name, double value, double bound, String boundName) {
        return new Measurement(name, value, "<=", bound, boundName, value <= bound);
    }

    /** value >= bound. */
    public static Measurement atLeast(String name, double value, double bound, String boundName) {
        return new Measurement(name, value, ">=", bound, boundName, value >= bound);
    }

    /** value > bound. */
    public static Measurement above(String name, double value, double bound, String boundName) {
        return new Measurement(name, value, ">", bound, boundName, value > bound);
    }

    /** value < bound. */
    public static Measurement below(String name, double value, double bound, String boundName) {
        return new Measurement(name, value, "<", bound, boundName, value < bound);
    }
}
