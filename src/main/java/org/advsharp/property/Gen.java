package org.advsharp.property;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator: a function from a {@link Source} of choices to a value. Because every value is decoded
 * from the choices of its source, any composition of generators shrinks for free: the shrinker lowers
 * and deletes choices and decodes again (integrated shrinking, as in Hypothesis). Property engine; no
 * paper claim.
 *
 * @param <T> the type of the generated values
 */
@FunctionalInterface
public interface Gen<T> {

    /** Draws one value from the source. */
    T generate(Source source);

    /** The generator of f(x) for x from this one. */
    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        Objects.requireNonNull(f, "map: f");
        return s -> f.apply(generate(s));
    }

    /** Draws x from this generator, then a value from the generator f(x). */
    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> f) {
        Objects.requireNonNull(f, "flatMap: f");
        return s -> f.apply(generate(s)).generate(s);
    }

    /**
     * Values of this generator that satisfy accept: draws again (from further choices) up to maxRetries
     * times after a rejection.
     *
     * @throws IllegalArgumentException if maxRetries is negative
     * @see UnsatisfiedFilterException thrown at generation time when all 1 + maxRetries draws are rejected
     */
    default Gen<T> filter(Predicate<? super T> accept, int maxRetries) {
        Objects.requireNonNull(accept, "filter: accept");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("filter: maxRetries = " + maxRetries + " must be >= 0");
        }
        return s -> {
            T last = null;
            for (int attempt = 0; attempt <= maxRetries; attempt++) {
                T value = generate(s);
                if (accept.test(value)) {
                    return value;
                }
                last = value;
            }
            String shown = String.valueOf(last);
            if (shown.length() > 120) {
                shown = shown.substring(0, 117) + "...";
            }
            throw new UnsatisfiedFilterException("filter rejected all " + (maxRetries + 1)
                    + " values it drew in a row (last: " + shown + "); the predicate accepts too few"
                    + " generated values: generate such values on purpose or raise maxRetries");
        };
    }

    /** Always the given value; draws nothing. */
    static <T> Gen<T> constant(T value) {
        return s -> value;
    }

    /** Integers uniform in [lo, hi]; shrink towards the value closest to 0. */
    static Gen<Integer> integers(int lo, int hi) {
        if (lo > hi) {
            throw new IllegalArgumentException("integers(lo, hi): lo = " + lo + " exceeds hi = " + hi);
        }
        return s -> s.integer(lo, hi);
    }

    /** Reals uniform in [lo, hi]; shrink towards 0 (or the endpoint nearest 0) and short decimals. */
    static Gen<Double> reals(double lo, double hi) {
        Source.requireRange(lo, hi);
        return s -> s.real(lo, hi);
    }

    /** Normal values N(mean, sd^2); shrink towards the mean and short decimals. */
    static Gen<Double> normals(double mean, double sd) {
        Source.requireNormal(mean, sd);
        return s -> s.normal(mean, sd);
    }

    /** Booleans, true with probability pTrue; shrink towards false. */
    static Gen<Boolean> booleans(double pTrue) {
        Source.requireProbability("booleans(pTrue)", pTrue);
        return s -> s.bool(pTrue);
    }

    /** One of the given values, uniformly; shrinks towards the first. */
    static <T> Gen<T> elements(List<T> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("elements(values): there are no values to choose from");
        }
        List<T> copy = List.copyOf(values);
        return s -> s.choose(copy);
    }

    /** A value from one of the generators, chosen uniformly; shrinks towards the first generator. */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        if (gens == null || gens.length == 0) {
            throw new IllegalArgumentException("oneOf(gens): there are no generators to choose from");
        }
        List<Gen<? extends T>> copy = List.of(gens);
        return s -> s.choose(copy).generate(s);
    }

    /**
     * A value from gens.get(i), chosen with probability weights[i] / sum(weights); shrinks towards the
     * first generator.
     *
     * @throws IllegalArgumentException if the sizes differ or a weight is not finite and positive
     */
    static <T> Gen<T> frequency(double[] weights, List<? extends Gen<? extends T>> gens) {
        if (weights == null || gens == null || weights.length != gens.size() || gens.isEmpty()) {
            throw new IllegalArgumentException("frequency(weights, gens): need one positive weight per"
                    + " generator and at least one generator, got " + (weights == null ? 0 : weights.length)
                    + " weights and " + (gens == null ? 0 : gens.size()) + " generators");
        }
        double[] w = weights.clone();
        Source.requireWeights(w);
        List<Gen<? extends T>> copy = List.copyOf(gens);
        return s -> copy.get(s.weighted(w)).generate(s);
    }

    /**
     * Lists whose size is drawn from size, then each element from element. When the size comes from a
     * single integer draw (e.g. {@link #integers} with lo >= 0) the shrinker can delete elements from the
     * middle, not just from the end.
     *
     * @throws IllegalArgumentException (at generation) if size yields a negative number
     */
    static <T> Gen<List<T>> listOf(Gen<Integer> size, Gen<T> element) {
        Objects.requireNonNull(size, "listOf: size");
        Objects.requireNonNull(element, "listOf: element");
        return s -> {
            int marks = s.markCount();
            int n = size.generate(s);
            if (n < 0) {
                throw new IllegalArgumentException("listOf: the size generator gave " + n
                        + "; sizes must be >= 0");
            }
            int sizeIndex = s.sizeChoiceSince(marks, n);
            int[] starts = new int[n];
            int[] ends = new int[n];
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                starts[i] = s.position();
                out.add(element.generate(s));
                ends[i] = s.position();
            }
            s.markList(sizeIndex, starts, ends);
            return Collections.unmodifiableList(out);
        };
    }

    /** Arrays of the given length with elements from element. */
    static Gen<double[]> arrayOfReals(int length, Gen<Double> element) {
        if (length < 0) {
            throw new IllegalArgumentException("arrayOfReals: length = " + length + " must be >= 0");
        }
        return arrayOfReals(constant(length), element);
    }

    /** Arrays whose length is drawn from length, with elements from element. */
    static Gen<double[]> arrayOfReals(Gen<Integer> length, Gen<Double> element) {
        return listOf(length, element).map(list -> list.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * With probability p one of the edge cases (chosen uniformly), else a value of base. In random mode,
     * try r of a run (r = {@link Source#rank()}) gets edge case r while r < edges.size() and p > 0, so every
     * edge case is seen early. Shrinks towards base (choice 0 means "not an edge case").
     *
     * @throws IllegalArgumentException if p is not in [0, 1] or there are no edge cases
     */
    static <T> Gen<T> withEdgeCases(double p, List<T> edges, Gen<T> base) {
        Source.requireProbability("withEdgeCases(p)", p);
        if (edges == null || edges.isEmpty()) {
            throw new IllegalArgumentException("withEdgeCases: there are no edge cases");
        }
        Objects.requireNonNull(base, "withEdgeCases: base");
        List<T> copy = Collections.unmodifiableList(new ArrayList<>(edges));
        return s -> {
            if (!s.isReplay() && p > 0.0 && s.rank() < copy.size()) {
                s.forcedBool(true);
                return copy.get(s.forcedIndex(copy.size(), s.rank()));
            }
            if (s.bool(p)) {
                return s.choose(copy);
            }
            return base.generate(s);
        };
    }
}
