package org.advsharp.oracle;

import java.util.List;
import java.util.Locale;

/**
 * A convex decreasing margin loss l(m) of a linear classifier, charged on the margin m = y w^T x (claim
 * lem:margin-losses): l' &lt; 0 &lt; l'' everywhere. Three members:
 *
 * <ul>
 *   <li>{@link #logistic()}: l(m) = log(1 + e^{-m}), -l'(m) = sigma(-m), l''(m) = sigma(m) sigma(-m);</li>
 *   <li>{@link #exponential()}: l(m) = e^{-m}, -l'(m) = l''(m) = e^{-m};</li>
 *   <li>{@link #probit()}: l(m) = -log Phi(m), -l'(m) = phi(m)/Phi(m), l''(m) = -l'(m) (m - l'(m)).</li>
 * </ul>
 *
 * <p>Each method is evaluated without overflow or cancellation for every finite m where the result is
 * representable; a result below the smallest double underflows to 0.
 */
public interface MarginLoss {

    /** The names accepted by {@link #named(String)}, in the order the suite reports them. */
    List<String> NAMES = List.of("logistic", "exponential", "probit");

    /** The loss's name as accepted by {@link #named(String)}. */
    String name();

    /** l(m). */
    double value(double m);

    /** l'(m) &lt; 0. */
    double slope(double m);

    /** l''(m) &gt; 0. */
    double curvature(double m);

    /** The logistic loss log(1 + e^{-m}), the paper's. */
    static MarginLoss logistic() {
        return LogisticMarginLoss.INSTANCE;
    }

    /** The exponential loss e^{-m}. */
    static MarginLoss exponential() {
        return ExponentialMarginLoss.INSTANCE;
    }

    /** The probit loss -log Phi(m), Phi the standard normal distribution function. */
    static MarginLoss probit() {
        return ProbitMarginLoss.INSTANCE;
    }

    /** Every member, in the order of {@link #NAMES}. */
    static List<MarginLoss> all() {
        return List.of(logistic(), exponential(), probit());
    }

    /**
     * The loss of that name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the input and the accepted names if there is none
     */
    static MarginLoss named(String name) {
        if (name == null) {
            throw new IllegalArgumentException("loss is missing (null); expected one of " + String.join(", ", NAMES));
        }
        for (MarginLoss loss : all()) {
            if (loss.name().equals(name.toLowerCase(Locale.ROOT))) {
                return loss;
            }
        }
        throw new IllegalArgumentException("loss '" + name + "' is unknown; expected one of " + String.join(", ", NAMES));
    }
}
