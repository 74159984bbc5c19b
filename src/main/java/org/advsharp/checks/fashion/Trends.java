package org.advsharp.checks.fashion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.advsharp.check.Counterexample;
import org.advsharp.check.Evidence;
import org.advsharp.checks.CheckTolerances;
import org.advsharp.numerics.KendallTrend;
import org.advsharp.numerics.TrendDecision;

/**
 * The exact trend tests of several curves along {@link FashionRun#GRID} and the verdict rule of proofs/fashion.md
 * (exp:fashion-sharpness-rises, exp:fashion-noise-gap-grows), each curve decided at
 * {@link CheckTolerances#FASHION_TREND_LEVEL}. One object per check run.
 */
final class Trends {
    /** The one-sided level of each curve's trend test, {@link CheckTolerances#FASHION_TREND_LEVEL}. */
    static final double LEVEL = CheckTolerances.FASHION_TREND_LEVEL.value();

    private final List<String> names = new ArrayList<>();
    private final List<double[]> curves = new ArrayList<>();
    private final List<KendallTrend> tests = new ArrayList<>();

    /** Adds the curve's exact Kendall trend test; returns its p-value for a rise. */
    double add(String name, double[] curve) {
        KendallTrend test = KendallTrend.of(curve);
        names.add(name);
        curves.add(curve);
        tests.add(test);
        return test.pRise();
    }

    int count() {
        return names.size();
    }

    int risingCount() {
        return (int) tests.stream().filter(t -> t.decide(LEVEL) == TrendDecision.RISE).count();
    }

    /** Rising everywhere: passes; a significant fall: counterexample; anything else: inconclusive. */
    void decide(Evidence evidence, String replay, long seed) {
        evidence.fact("curves rising at p <= " + LEVEL, risingCount() + " of " + count());
        for (int i = 0; i < count(); i++) {
            KendallTrend t = tests.get(i);
            switch (t.decide(LEVEL)) {
                case RISE -> { }
                case FALL -> evidence.counterexample(new Counterexample(String.format(Locale.ROOT, "%s falls with "
                        + "eps: exact trend p = %.2g for a fall, %.2g for a rise", names.get(i), t.pFall(),
                        t.pRise()), names.get(i) + " along eps/eps_c = " + Arrays.toString(FashionRun.GRID) + ": "
                        + Arrays.toString(curves.get(i)), seed, 0, replay));
                case NEITHER -> evidence.inconclusive(String.format(Locale.ROOT, "%s: exact trend p = %.2g, "
                        + "neither a rise nor a fall at %s", names.get(i), t.pRise(), LEVEL));
                default -> throw new IllegalStateException("unknown trend decision");
            }
        }
    }
}
