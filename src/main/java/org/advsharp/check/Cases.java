package org.advsharp.check;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many cases a check could use, the least number it declared it needs, and the cases it skipped, by
 * reason. A skipped case is one outside the statement's assumptions (w = 0, eps = 0, an underflowing
 * gradient): counted here, never as a tested case.
 *
 * @param usable  cases the check tested
 * @param minimum the least number of usable cases the check needs (its floor); 0 when it counts no cases
 * @param skipped reason to number of cases skipped for it, in the order first recorded
 */
public record Cases(int usable, int minimum, Map<String, Integer> skipped) {

    /** A check that counts no cases. */
    public static final Cases UNCOUNTED = new Cases(0, 0, Map.of());

    public Cases {
        if (usable < 0 || minimum < 0) {
            throw new IllegalArgumentException("cases: usable " + usable + " and minimum " + minimum
                    + " must not be negative");
        }
        skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
    }

    /** Whether the check counted its cases (declared a floor, or counted a usable or a skipped case). */
    public boolean counted() {
        return minimum > 0 || usable > 0 || !skipped.isEmpty();
    }

    /** Whether the check counted its cases and has fewer usable ones than its floor. */
    public boolean belowFloor() {
        return counted() && usable < minimum;
    }
}
