package org.advsharp.property;

import java.util.Arrays;

/** Operations on choice sequences used by the {@link Shrinker}. */
final class Choices {

    private Choices() {
    }

    /** A copy of choices with choices[index] = value, zero-extended if index is past the end. */
    static long[] with(long[] choices, int index, long value) {
        long[] out = Arrays.copyOf(choices, Math.max(choices.length, index + 1));
        out[index] = value;
        return out;
    }

    /** choices without the span [from, to). */
    static long[] cut(long[] choices, int from, int to) {
        int end = Math.min(to, choices.length);
        if (from >= end) {
            return choices.clone();
        }
        return concat(Arrays.copyOfRange(choices, 0, from), Arrays.copyOfRange(choices, end, choices.length));
    }

    /** a followed by b. */
    static long[] concat(long[] a, long[] b) {
        long[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** choices without trailing zeros (they read as 0 anyway). */
    static long[] trim(long[] choices) {
        int n = choices.length;
        while (n > 0 && choices[n - 1] == 0) {
            n--;
        }
        return Arrays.copyOf(choices, n);
    }

    /** Shortlex order: shorter first, then lexicographic. */
    static int shortlex(long[] a, long[] b) {
        if (a.length != b.length) {
            return Integer.compare(a.length, b.length);
        }
        return Arrays.compare(a, b);
    }
}
