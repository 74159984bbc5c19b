package org.advsharp.property;

/**
 * What the {@link Source} remembers about the structure of the choices it handed out, so that the
 * shrinker can make structure-aware moves (delete list elements, round reals, move value between
 * integers). The choices alone decide the value; these marks are only hints.
 */
sealed interface Draw permits Draw.IntegerDraw, Draw.RealDraw, Draw.ListDraw {

    /** An integer in [lo, hi] stored as a {@link Zigzag} code around clamp(0, lo, hi) at index. */
    record IntegerDraw(int index, long lo, long hi) implements Draw {

        long simplest() {
            return Math.min(Math.max(0L, lo), hi);
        }

        long decode(long code) {
            long s = simplest();
            return s + Zigzag.decode(code, s - lo, hi - s);
        }

        long encode(long value) {
            long s = simplest();
            return Zigzag.encode(value - s, s - lo, hi - s);
        }
    }

    /** A real: its digits choice at digitsIndex, then its position choice at index. */
    record RealDraw(int digitsIndex, int index, RealCodec codec) implements Draw {
    }

    /**
     * A list: element i occupies choices [starts[i], ends[i]). sizeIndex is the single integer choice
     * that decides the size, with size = lo + code (so lowering it by k drops k elements), or -1 when
     * the size was not drawn that way.
     */
    record ListDraw(int sizeIndex, int[] starts, int[] ends) implements Draw {

        int size() {
            return starts.length;
        }
    }
}
