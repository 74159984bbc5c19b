package org.advsharp.checks.training;

import java.util.Locale;
import org.advsharp.check.Counterexample;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.check.Tolerance;
import org.advsharp.numerics.TrendStatistics;
import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * The three-way verdict of a one-sided sign test across independent problems, as the experiment claims
 * pre-register it in proofs/training.md: with k problems whose per-problem trend is positive and m whose
 * trend is negative (ties dropped), and q = P(positive | not tied),
 * <ul>
 *   <li>H0 q = 1/2 rejected for q > 1/2 at the level: the statement is supported (a passed measurement);</li>
 *   <li>the mirrored test rejects for q < 1/2 at the same level: a significant effect in the opposite
 *       direction, recorded as the counterexample;</li>
 *   <li>neither: INCONCLUSIVE with the two p-values (a test that is not significant is never a
 *       counterexample); where even k + m problems all on one side could not reach the level
 *       (2^-(k+m) &gt;= level, a run cut short by {@code --tries}), the test had too few cases to decide
 *       ({@link Evidence#tooFewCases}).</li>
 * </ul>
 * The effect size recorded with it is the estimate q-hat = k / (k + m) and its exact (Clopper-Pearson)
 * 95% interval.
 */
final class SignTestVerdict {
    /** Coverage of the Clopper-Pearson interval recorded for q-hat. */
    static final double INTERVAL_COVERAGE = 0.95;

    private SignTestVerdict() {
    }

    /**
     * Records the test and its outcome.
     *
     * @param what     what was counted, e.g. "lambda_max rises on [0, 0.5] eps_c"
     * @param positive problems with a positive trend
     * @param negative problems with a negative trend
     * @param level    the pre-registered one-sided level, with its name
     * @param seed     the seed of the problems, for the counterexample record
     * @param replay   the replay command
     * @return one sentence with the counts, the p-values and the effect size
     */
    static String record(Evidence evidence, String what, int positive, int negative, Tolerance level, long seed,
                         String replay) {
        return record(evidence, what, positive, negative, level.value(), level.name(), seed, replay);
    }

    /** {@link #record(Evidence, String, int, int, Tolerance, long, String)} with the level given by value and name. */
    static String record(Evidence evidence, String what, int positive, int negative, double level, String levelName,
                         long seed, String replay) {
        double up = TrendStatistics.signTestPValue(positive, negative);
        double down = TrendStatistics.signTestPValue(negative, positive);
        int n = positive + negative;
        double share = n == 0 ? Double.NaN : positive / (double) n;
        double[] interval = clopperPearson(positive, n);
        String effect = String.format(Locale.ROOT, "q-hat = %d/%d = %.3f, 95%% interval [%.3f, %.3f]", positive, n,
                share, interval[0], interval[1]);
        evidence.fact("sign test (" + what + "): problems rising, falling", positive + ", " + negative);
        evidence.fact("sign test (" + what + "): effect size", effect);
        evidence.fact("sign test (" + what + "): one-sided p for a rise, for a fall", String.format(Locale.ROOT,
                "%.3g, %.3g", up, down));
        String sentence = String.format(Locale.ROOT, "%s: %d rise, %d fall, sign test p = %.2g (fall: %.2g), %s", what,
                positive, negative, up, down, effect);
        if (up < level) {
            evidence.measure(Measurement.below("one-sided sign-test p-value, " + what, up, level, levelName));
        } else if (down < level) {
            evidence.counterexample(new Counterexample("significant effect in the opposite direction: " + sentence,
                    "rising " + positive + ", falling " + negative, seed, 0, replay));
        } else if (Math.pow(0.5, n) >= level) {
            evidence.tooFewCases(String.format(Locale.ROOT, "the sign test (%s) cannot reach %s = %.3g on %d "
                    + "problems: its smallest p-value is 2^-%d", what, levelName, level, n, n));
        } else {
            evidence.inconclusive(String.format(Locale.ROOT, "the sign test (%s) is significant in neither direction "
                    + "at %s = %.3g: p = %.3g for a rise, %.3g for a fall", what, levelName, level, up, down));
        }
        return sentence;
    }

    /** The exact two-sided interval for a binomial share: Beta quantiles at (1 -+ coverage)/2. */
    static double[] clopperPearson(int k, int n) {
        if (n == 0) {
            return new double[] {0, 1};
        }
        double tail = (1 - INTERVAL_COVERAGE) / 2;
        double lower = k == 0 ? 0 : new BetaDistribution(k, n - k + 1.0).inverseCumulativeProbability(tail);
        double upper = k == n ? 1 : new BetaDistribution(k + 1.0, n - k).inverseCumulativeProbability(1 - tail);
        return new double[] {lower, upper};
    }
}
