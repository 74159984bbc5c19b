package org.advsharp.property;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Shrinks a failing case by simplifying its recorded choice sequence and decoding again.
 *
 * <p>A candidate sequence is accepted only if (a) the generator decodes it, (b) the choices it actually
 * read, with trailing zeros dropped, come strictly before the current ones in shortlex order (shorter,
 * or as long and lexicographically smaller), and (c) the property still fails on the decoded value.
 * Condition (b) makes every accepted step strictly simpler, so shrinking ends at a fixpoint; the budget
 * of attempts ends it earlier if need be. The passes, repeated until none succeeds:
 * delete whole list elements (lowering the list's size choice with them), delete spans of 8, 4, 2 and 1
 * choices, zero aligned spans, round reals to fewer digits (both neighbours at each precision), lower
 * single choices by binary search towards 0, move value between neighbouring integers, and sort or swap
 * list elements. Property engine; no paper claim.
 */
final class Shrinker<T> {

    /** One case: its normalised choices, value, violation and structure marks. */
    record Case<T>(long[] choices, T value, String violation, List<Draw> draws) {
    }

    private static final int[] SPAN_SIZES = {8, 4, 2, 1};

    private final Gen<T> gen;
    private final Property<T> property;
    private final int maxAttempts;
    private final long caseSeed;
    private Case<T> best;
    private int attempts;
    private int steps;

    Shrinker(Gen<T> gen, Property<T> property, int maxAttempts, long caseSeed) {
        this.gen = gen;
        this.property = property;
        this.maxAttempts = maxAttempts;
        this.caseSeed = caseSeed;
    }

    /** Shrinks the failing case made from choices to a fixpoint or until the budget is spent. */
    Case<T> shrink(long[] choices, List<Draw> draws, T value, String violation) {
        best = new Case<>(Choices.trim(choices), value, violation, draws);
        boolean improved = true;
        while (improved && !exhausted()) {
            improved = deleteListElements() | lowerSizesWithDependents() | deleteSpans() | zeroSpans() | simplifyReals()
                    | lowerChoices() | redistributeIntegers() | reorderListElements();
        }
        return best;
    }

    int steps() {
        return steps;
    }

    int attempts() {
        return attempts;
    }

    private boolean deleteListElements() {
        boolean improved = false;
        for (int k : SPAN_SIZES) {
            for (int sizeIndex : listSizeIndices()) {
                int j = 0;
                Draw.ListDraw list = findList(sizeIndex);
                while (list != null && j + k <= list.size() && at(sizeIndex) >= k && !exhausted()) {
                    long[] candidate = Choices.cut(best.choices(), list.starts()[j], list.ends()[j + k - 1]);
                    if (accept(Choices.with(candidate, sizeIndex, at(sizeIndex) - k))) {
                        improved = true;
                        list = findList(sizeIndex);
                    } else {
                        j++;
                    }
                }
            }
        }
        return improved;
    }

    /**
     * Lowers an integer (drawn with lo >= 0, so value = lo + code) by one and drops the last element of
     * every later list of fixed size equal to its value: lowering a dimension d then shortens every vector
     * of length d drawn after it, and the choices that follow stay aligned.
     */
    private boolean lowerSizesWithDependents() {
        boolean improved = false;
        for (int p = 0; p < integerDraws().size() && !exhausted(); p++) {
            Draw.IntegerDraw a = integerDraws().get(p);
            long code = at(a.index());
            if (a.lo() < 0 || code == 0) {
                continue;
            }
            long value = a.decode(code);
            List<int[]> spans = new ArrayList<>();
            for (Draw d : best.draws()) {
                if (d instanceof Draw.ListDraw list && list.sizeIndex() < 0 && list.size() == value
                        && list.starts()[0] > a.index()) {
                    spans.add(new int[] {list.starts()[value == 0 ? 0 : list.size() - 1],
                            list.ends()[list.size() - 1]});
                }
            }
            if (!spans.isEmpty()) {
                improved |= accept(cutAll(Choices.with(best.choices(), a.index(), code - 1), spans));
            }
        }
        return improved;
    }

    /** choices without the union of the spans [start, end). */
    private static long[] cutAll(long[] choices, List<int[]> spans) {
        spans.sort((x, y) -> Integer.compare(x[0], y[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] span : spans) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && span[0] <= last[1]) {
                last[1] = Math.max(last[1], span[1]);
            } else {
                merged.add(span.clone());
            }
        }
        long[] out = choices;
        for (int i = merged.size() - 1; i >= 0; i--) {
            out = Choices.cut(out, merged.get(i)[0], merged.get(i)[1]);
        }
        return out;
    }

    private boolean deleteSpans() {
        boolean improved = false;
        for (int k : SPAN_SIZES) {
            int i = 0;
            while (i + k <= best.choices().length && !exhausted()) {
                if (accept(Choices.cut(best.choices(), i, i + k))) {
                    improved = true;
                } else {
                    i++;
                }
            }
        }
        return improved;
    }

    private boolean zeroSpans() {
        boolean improved = false;
        for (int k = Integer.highestOneBit(Math.max(1, best.choices().length)); k >= 1; k /= 2) {
            for (int i = 0; i < best.choices().length && !exhausted(); i += k) {
                int end = Math.min(i + k, best.choices().length);
                long[] candidate = best.choices().clone();
                boolean changed = false;
                for (int j = i; j < end; j++) {
                    changed |= candidate[j] != 0;
                    candidate[j] = 0;
                }
                improved |= changed && accept(candidate);
            }
        }
        return improved;
    }

    private boolean simplifyReals() {
        boolean improved = false;
        for (int m = 0; m < best.draws().size() && !exhausted(); m++) {
            if (!(best.draws().get(m) instanceof Draw.RealDraw real)) {
                continue;
            }
            long digits = at(real.digitsIndex());
            long code = at(real.index());
            if (code == 0) {
                continue;
            }
            double x = real.codec().decode(code, digits);
            search:
            for (int k = 0; k < digits && !exhausted(); k++) {
                long[] codes = {code, real.codec().encode(real.codec().roundTowardsSimplest(x, k, true)),
                        real.codec().encode(real.codec().roundTowardsSimplest(x, k, false))};
                for (int c = 0; c < codes.length; c++) {
                    if (c > 0 && codes[c] == codes[c - 1]) {
                        continue;
                    }
                    long[] rounded = Choices.with(best.choices(), real.digitsIndex(), k);
                    if (accept(Choices.with(rounded, real.index(), codes[c]))) {
                        improved = true;
                        break search;
                    }
                }
            }
        }
        return improved;
    }

    private boolean lowerChoices() {
        boolean improved = false;
        for (int i = 0; i < best.choices().length && !exhausted(); i++) {
            if (at(i) == 0) {
                continue;
            }
            if (accept(Choices.with(best.choices(), i, 0))) {
                improved = true;
                continue;
            }
            improved |= binaryLower(i, 2);
            improved |= binaryLower(i, 1);
        }
        return improved;
    }

    /** Finds the smallest failing choice at i among at(i) - step t, t >= 0, assuming monotonicity. */
    private boolean binaryLower(int i, long step) {
        boolean improved = false;
        long hi = at(i) / step;
        long lo = -1;
        long base = at(i) % step;
        while (hi - lo > 1 && !exhausted()) {
            long mid = lo + (hi - lo) / 2;
            if (accept(Choices.with(best.choices(), i, base + mid * step))) {
                hi = mid;
                improved = true;
            } else {
                lo = mid;
            }
        }
        return improved;
    }

    private boolean redistributeIntegers() {
        boolean improved = false;
        for (int p = 0; p + 1 < integerDraws().size() && !exhausted(); p++) {
            Draw.IntegerDraw a = integerDraws().get(p);
            Draw.IntegerDraw b = integerDraws().get(p + 1);
            long va = a.decode(at(a.index()));
            long moved = b.decode(at(b.index())) + (va - a.simplest());
            if (va != a.simplest() && moved >= b.lo() && moved <= b.hi()) {
                long[] emptied = Choices.with(best.choices(), a.index(), 0);
                improved |= accept(Choices.with(emptied, b.index(), b.encode(moved)));
            }
        }
        return improved;
    }

    private boolean reorderListElements() {
        boolean improved = false;
        for (int m = 0; m < best.draws().size() && !exhausted(); m++) {
            if (!(best.draws().get(m) instanceof Draw.ListDraw list) || list.size() < 2) {
                continue;
            }
            List<long[]> blocks = new ArrayList<>();
            for (int j = 0; j < list.size(); j++) {
                blocks.add(slice(list.starts()[j], list.ends()[j]));
            }
            List<long[]> sorted = new ArrayList<>(blocks);
            sorted.sort(Choices::shortlex);
            if (!sorted.equals(blocks) && accept(replaceBlocks(list, sorted))) {
                improved = true;
                continue;
            }
            for (int j = 0; j + 1 < blocks.size() && !exhausted(); j++) {
                if (Choices.shortlex(blocks.get(j + 1), blocks.get(j)) < 0) {
                    List<long[]> swapped = new ArrayList<>(blocks);
                    swapped.set(j, blocks.get(j + 1));
                    swapped.set(j + 1, blocks.get(j));
                    if (accept(replaceBlocks(list, swapped))) {
                        improved = true;
                        break;
                    }
                }
            }
        }
        return improved;
    }

    /** Generates the candidate and makes it the new best if it is simpler and still fails. */
    private boolean accept(long[] candidate) {
        if (exhausted()) {
            return false;
        }
        attempts++;
        Source source = Source.replay(candidate, caseSeed);
        T value;
        try {
            value = gen.generate(source);
        } catch (RuntimeException e) {
            return false;
        }
        long[] normalised = Choices.trim(source.choices());
        if (Choices.shortlex(normalised, best.choices()) >= 0) {
            return false;
        }
        String violation = PropertyRunner.evaluate(property, value, new Labels());
        if (violation == null) {
            return false;
        }
        best = new Case<>(normalised, value, violation, source.draws());
        steps++;
        return true;
    }

    private boolean exhausted() {
        return attempts >= maxAttempts;
    }

    private long at(int index) {
        return index < best.choices().length ? best.choices()[index] : 0L;
    }

    private long[] slice(int from, int to) {
        long[] out = new long[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = at(i);
        }
        return out;
    }

    private long[] replaceBlocks(Draw.ListDraw list, List<long[]> blocks) {
        long[] head = slice(0, list.starts()[0]);
        long[] tail = Arrays.copyOfRange(best.choices(), Math.min(list.ends()[list.size() - 1],
                best.choices().length), best.choices().length);
        long[] out = head;
        for (long[] block : blocks) {
            out = Choices.concat(out, block);
        }
        return Choices.concat(out, tail);
    }

    private List<Integer> listSizeIndices() {
        List<Integer> out = new ArrayList<>();
        for (Draw d : best.draws()) {
            if (d instanceof Draw.ListDraw list && list.sizeIndex() >= 0 && list.size() > 0) {
                out.add(list.sizeIndex());
            }
        }
        return out;
    }

    private Draw.ListDraw findList(int sizeIndex) {
        for (Draw d : best.draws()) {
            if (d instanceof Draw.ListDraw list && list.sizeIndex() == sizeIndex) {
                return list;
            }
        }
        return null;
    }

    private List<Draw.IntegerDraw> integerDraws() {
        List<Draw.IntegerDraw> out = new ArrayList<>();
        for (Draw d : best.draws()) {
            if (d instanceof Draw.IntegerDraw integer) {
                out.add(integer);
            }
        }
        return out;
    }
}
