package org.advsharp.checks.problems;

import java.util.List;
import java.util.SplittableRandom;
import org.advsharp.check.CheckContext;
import org.advsharp.property.Gen;
import org.advsharp.property.Pasteable;
import org.advsharp.property.PropertyConfig;

/** The generated problems the oracle checks run on, and how their cases are configured and printed. */
public final class Problems {
    /** Smallest and largest sample count and dimension of generated problems. */
    private static final int MIN_N = 2;
    private static final int MAX_N = 40;
    private static final int MIN_D = 1;
    private static final int MAX_D = 8;
    /** Norm range used where finite differences are compared: steps of cbrt(u) max(1,|w_j|) stay far from the kink at 0. */
    private static final double MODERATE_NORM_MIN = 0.3;
    private static final double MODERATE_NORM_MAX = 3.0;
    /** Shrinking budget per failing property: ample for the small cases generated here. */
    private static final int MAX_SHRINK_ATTEMPTS = 2_000;

    private Problems() {
    }

    /** Every regime: eps = 0, eps near eps_c, tiny and huge ||w||, margins near 0. */
    public static Gen<AdversarialCase> anyRegime() {
        return ProblemGenerators.cases(MIN_N, MAX_N, MIN_D, MAX_D);
    }

    /** Cases whose adversarial margins at eps2 are all >= 0, generated on purpose (not filtered). */
    public static Gen<AdversarialCase> marginCondition() {
        return ProblemGenerators.marginConditionCases(MIN_N, MAX_N, MIN_D, MAX_D);
    }

    /** Margin-condition cases in exactly two dimensions. */
    public static Gen<AdversarialCase> marginConditionInTwoDimensions() {
        return ProblemGenerators.marginConditionCases(MIN_N, MAX_N, 2, 2);
    }

    /** Every regime, with ||w|| clamped into [0.3, 3] along its own direction (for finite differences). */
    public static Gen<AdversarialCase> moderate() {
        return anyRegime().map(Problems::clampNorm);
    }

    private static AdversarialCase clampNorm(AdversarialCase c) {
        double norm = 0.0;
        for (double wj : c.w()) {
            norm += wj * wj;
        }
        norm = Math.sqrt(norm);
        double target = Math.min(MODERATE_NORM_MAX, Math.max(MODERATE_NORM_MIN, norm));
        double[] w = c.w().clone();
        if (norm == 0.0) {
            w[0] = target;
        } else {
            for (int j = 0; j < w.length; j++) {
                w[j] *= target / norm;
            }
        }
        return new AdversarialCase(c.data(), w, c.eps1(), c.eps2());
    }

    /** The property configuration of the running check: its own seed, its tries, the shrinking budget. */
    public static PropertyConfig config(CheckContext context, int defaultTries) {
        return PropertyConfig.forCheck(context, defaultTries).withMaxShrinkAttempts(MAX_SHRINK_ATTEMPTS);
    }

    public static List<String> regimes(AdversarialCase c) {
        return ProblemGenerators.regimes(c);
    }

    public static String describeSize(AdversarialCase c) {
        return "d = " + c.data().dimension();
    }

    /** The case as Java a person can paste into a test. */
    public static String paste(AdversarialCase c) {
        return Pasteable.of(c);
    }

    /** A point uniform in the ball of radius r in R^d. */
    public static double[] randomPoint(SplittableRandom random, int d, double r) {
        double[] v = new double[d];
        double n2 = 0.0;
        for (int j = 0; j < d; j++) {
            double u1 = random.nextDouble();
            double u2 = random.nextDouble();
            v[j] = Math.sqrt(-2.0 * Math.log1p(-u1)) * Math.cos(2.0 * Math.PI * u2);
            n2 += v[j] * v[j];
        }
        double radius = r * Math.pow(random.nextDouble(), 1.0 / d) / Math.max(Math.sqrt(n2), Double.MIN_NORMAL);
        for (int j = 0; j < d; j++) {
            v[j] *= radius;
        }
        return v;
    }
}
