package org.advsharp.training;

/**
 * A grid of radii that breaks a rule of {@link EpsilonSweep} (empty, a radius negative, not finite, at or above
 * the critical radius, or not increasing), refused before anything is trained. {@link #reason()} says which
 * rule and which radius, without the "eps sweep: " of {@link #getMessage()}.
 */
public final class RadiusGridException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    RadiusGridException(String reason) {
        super("eps sweep: " + reason);
        this.reason = reason;
    }

    /** The rule broken and by which radius, in words. */
    public String reason() {
        return reason;
    }
}
