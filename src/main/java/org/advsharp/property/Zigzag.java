package org.advsharp.property;

/**
 * The code that maps an offset k from a simplest point, with k in [-below, above], to a non-negative
 * choice and back, so that smaller choices are offsets closer to the simplest point.
 *
 * <p>Inside the symmetric part |k| <= m = min(below, above) the codes alternate sides:
 * 0 -> 0, 1 -> +1, 2 -> -1, 3 -> +2, 4 -> -2, ...; beyond it the codes continue on the longer side:
 * code = |k| + m. No code is wasted, and the largest code is below + above. Used by the property
 * engine (no paper claim).
 */
final class Zigzag {

    private Zigzag() {
    }

    /** The choice for offset k; requires -below <= k <= above. */
    static long encode(long k, long below, long above) {
        long m = Math.min(below, above);
        long a = Math.abs(k);
        if (a <= m) {
            return k > 0 ? 2 * a - 1 : 2 * a;
        }
        return a + m;
    }

    /** The offset for a choice; choices above below + above are read as below + above. */
    static long decode(long code, long below, long above) {
        long c = Math.min(code, below + above);
        long m = Math.min(below, above);
        if (c <= 2 * m) {
            long a = (c + 1) / 2;
            return (c & 1L) == 1L ? a : -a;
        }
        long a = c - m;
        return above > below ? a : -a;
    }
}
