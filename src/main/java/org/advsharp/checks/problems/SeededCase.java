package org.advsharp.checks.problems;

import java.util.Objects;
import java.util.SplittableRandom;
import org.advsharp.property.Gen;
import org.advsharp.property.PasteableValue;

/**
 * An adversarial case with the seed of the property's further random inputs (points of the ball, PGD
 * starts, the other end of a segment, noise vectors). The seed is drawn by the generator, like the case, so a
 * shrunk, pasted or replayed counterexample is the whole input: the same case with the same seed draws the
 * same further inputs, wherever and however often it is evaluated.
 *
 * @param problem   the case
 * @param inputSeed the seed of the further random inputs, >= 0
 */
public record SeededCase(AdversarialCase problem, long inputSeed) implements PasteableValue {
    /** The largest seed drawn: any int is as good as any long for seeding a {@link SplittableRandom}. */
    static final int MAX_INPUT_SEED = Integer.MAX_VALUE;

    public SeededCase {
        Objects.requireNonNull(problem, "seeded case: problem");
        if (inputSeed < 0) {
            throw new IllegalArgumentException("seeded case: input seed " + inputSeed + " must be >= 0");
        }
    }

    /** The cases of {@code cases}, each with a seed drawn after it from the same source. */
    public static Gen<SeededCase> of(Gen<AdversarialCase> cases) {
        Gen<Integer> seeds = Gen.integers(0, MAX_INPUT_SEED);
        return source -> new SeededCase(cases.generate(source), seeds.generate(source));
    }

    /** A fresh generator of the further random inputs; every call starts the same stream. */
    public SplittableRandom random() {
        return new SplittableRandom(inputSeed);
    }

    /** new SeededCase(new AdversarialCase(...), seedL). */
    @Override
    public String pasteable() {
        return "new SeededCase(" + problem.pasteable() + ", " + inputSeed + "L)";
    }
}
