package org.advsharp.property;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The classes one generated case falls into, e.g. "eps1 = 0" or "all margins positive". The property
 * runner counts, over all tries, how many cases carried each label; a label given twice to one case
 * counts once.
 */
public final class Labels {
    private final Set<String> names = new LinkedHashSet<>();

    /** Puts the case into the class named name. */
    public void label(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("label: the name must not be empty");
        }
        names.add(name);
    }

    /** Puts the case into the class named name when condition holds. */
    public void labelIf(boolean condition, String name) {
        if (condition) {
            label(name);
        }
    }

    /** The labels given so far, in the order first given. */
    public Set<String> names() {
        return Collections.unmodifiableSet(names);
    }
}
