package org.advsharp.checks.deep;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Counterexample;
import org.advsharp.check.Evidence;
import org.advsharp.check.SeedRecord;
import org.advsharp.check.Series;
import org.advsharp.check.Table;
import org.advsharp.checks.Figures;
import org.advsharp.deep.AdversarialTrainer;
import org.advsharp.deep.DeepTolerances;
import org.advsharp.deep.ExampleSet;
import org.advsharp.deep.HessianOperator;
import org.advsharp.deep.LinearSoftmax;
import org.advsharp.deep.NetworkSharpness;
import org.advsharp.deep.PgdSettings;
import org.advsharp.deep.SharpnessMeter;
import org.advsharp.deep.SharpnessSettings;
import org.advsharp.deep.TrainedModel;
import org.advsharp.deep.TrainingSettings;
import org.advsharp.deep.data.DigitsImages;
import org.advsharp.deep.engine.DjlEnvironment;
import org.advsharp.deep.study.PooledTrend;

/**
 * exp:softmax-direction-term: K = 10 linear softmax on the bundled digits, adversarially trained at each eps of
 * {@link #EPSILONS} for {@value #SEEDS} seeds; at the trained weights the gap lambda_max(H) - lambda_max(A)
 * (attack recomputed minus attack frozen) is measured. Any gap that is not positive is a counterexample; else
 * the pooled trend test of the gap over eps ({@link PooledTrend}, one-sided level
 * {@link DeepTolerances#TREND_SIGNIFICANCE} on each tail) decides: a rise supports the claim, a fall is a
 * counterexample, neither is INCONCLUSIVE.
 */
final class SoftmaxDirectionTerm implements Check {
    private static final double[] EPSILONS = {0.25, 0.5, 1.0, 2.0};
    private static final int TRAIN = 600;
    private static final int MEASURE = 300;
    /** Seeds: the check's seed and the next two. */
    private static final int SEEDS = 3;
    /** The fewest seeds the pooled trend test ({@link PooledTrend#of}) accepts: a trend across seeds needs two. */
    private static final int MIN_POOLED_SEEDS = 2;
    /** Simulated series of the power estimate of the pooled test (their seed is the check's stream "power"). */
    private static final int POWER_SIMULATIONS = 20_000;

    @Override
    public String id() {
        return "deep-softmax-direction-term-digits";
    }

    @Override
    public String claimId() {
        return "exp:softmax-direction-term";
    }

    @Override
    public String title() {
        return "K = 10 linear softmax on the digits: re-attacked minus frozen sharpness grows with eps";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        long base = context.seed();
        int seeds = context.tries(SEEDS);
        double[][] gaps = new double[seeds][EPSILONS.length];
        List<List<String>> rows = new ArrayList<>();
        List<Series.Line> lines = new ArrayList<>();
        int uncertified = 0;
        for (int k = 0; k < seeds; k++) {
            long seed = base + k;
            double[] frozen = new double[EPSILONS.length];
            double[] reattacked = new double[EPSILONS.length];
            boolean[] frozenOpen = new boolean[EPSILONS.length];
            boolean[] reattackedOpen = new boolean[EPSILONS.length];
            ExampleSet all = DigitsImages.flat();
            int[] order = AdversarialTrainer.permutation(all.size(), new SplittableRandom(seed));
            ExampleSet train = all.subset(Arrays.copyOf(order, TRAIN));
            ExampleSet measure = train.head(MEASURE);
            LinearSoftmax net = new LinearSoftmax(64, 10, true, 1.0);
            TrainingSettings training = new TrainingSettings(8, 32, 0.1, 0.9, 5e-4, new int[] {6}, 0.1, 5,
                    PgdSettings.MADRY_STEP_FACTOR, true, seed, DataType.FLOAT32);
            SharpnessSettings sharpness = SharpnessSettings.eigenvaluesOnly(MEASURE, 10, 20, seed);
            evidence.seed(new SeedRecord("seed " + (k + 1) + " of " + seeds + ": subset of the digits, "
                    + "initialisation, PGD starts, Lanczos start", seed, context.replayCommand()));
            try (NDManager m = DjlEnvironment.engine().newBaseManager()) {
                for (int i = 0; i < EPSILONS.length; i++) {
                    double eps = EPSILONS[i];
                    try (TrainedModel model = AdversarialTrainer.train(net, train, eps, training, m, s -> { })) {
                        NetworkSharpness s = SharpnessMeter.measure(model, measure, sharpness, m, line -> { });
                        frozen[i] = s.frozen().value();
                        reattacked[i] = s.reattacked().value();
                        gaps[k][i] = reattacked[i] - frozen[i];
                        frozenOpen[i] = !s.frozen().converged();
                        reattackedOpen[i] = !s.reattacked().converged();
                        if (!s.frozen().converged() || !s.reattacked().converged()
                                || s.frozen().unresolvedKinks() + s.reattacked().unresolvedKinks() > 0) {
                            uncertified++;
                        }
                        rows.add(List.of(Long.toString(seed), Figures.fourDigits(eps), DeepFormat.sci(frozen[i]) + " ("
                                + DeepFormat.sci(s.frozen().residual()) + ")", DeepFormat.sci(reattacked[i]) + " ("
                                + DeepFormat.sci(s.reattacked().residual()) + ")", DeepFormat.sci(gaps[k][i]),
                                Integer.toString(s.frozen().unresolvedKinks() + s.reattacked().unresolvedKinks()),
                                String.format(Locale.ROOT, "%.3f",
                                        model.epochAccuracy().get(model.epochAccuracy().size() - 1))));
                    }
                }
            }
            lines.add(new Series.Line("seed " + seed + ", frozen (A)", EPSILONS, frozen, frozenOpen));
            lines.add(new Series.Line("seed " + seed + ", recomputed (H)", EPSILONS, reattacked, reattackedOpen));
        }
        evidence.table(new Table("K = 10 linear softmax on the digits, trained and measured at each eps and seed "
                + "(relative residual of each eigenvalue in brackets)", List.of("seed", "eps", "lambda_max frozen",
                "lambda_max re-attacked", "gap", "unresolved kinks", "final adversarial train accuracy"), rows));
        evidence.plot(new Series("digits, K = 10: top Hessian eigenvalue of the robust loss, per seed", "eps",
                "lambda_max", false, lines));
        double minGap = Arrays.stream(gaps).flatMapToDouble(Arrays::stream).min().orElseThrow();
        if (seeds < MIN_POOLED_SEEDS) {
            return tooFewSeeds(context, evidence, gaps, minGap, uncertified);
        }
        // one-sided level TREND_SIGNIFICANCE on each tail: the pooled test's two-sided level is twice that
        double level = 2 * DeepTolerances.TREND_SIGNIFICANCE;
        PooledTrend trend = PooledTrend.of(EPSILONS, gaps, level);
        evidence.fact("Page's L, p(rise), p(fall) of the gap over eps, seeds pooled", String.format(Locale.ROOT,
                "%.1f, %.3g, %.3g", trend.pageL(), trend.pRise(), trend.pFall()));
        evidence.fact("Kendall tau of the gap per seed", Arrays.toString(trend.kendall()));
        evidence.fact("mean slope of the gap per unit eps [95% interval over seeds]", String.format(Locale.ROOT,
                "%.4g [%.4g, %.4g]", trend.slope(), trend.slopeLow(), trend.slopeHigh()));
        long powerSeed = context.seed("power");
        evidence.seed(new SeedRecord("simulations of the pooled test's power", powerSeed, context.replayCommand()));
        evidence.fact("power of the pooled test (rise over the radii in seed-to-seed SDs: power)", String.format(
                Locale.ROOT, "1: %.2f; 2: %.2f; 3: %.2f", power(1, level, powerSeed), power(2, level, powerSeed),
                power(3, level, powerSeed)));
        evidence.fact("eigenvalues not certified (residual above " + HessianOperator.CONVERGED_RESIDUAL
                + " or an unresolved kink)", uncertified);
        String series = "gaps " + Arrays.deepToString(rounded(gaps));
        if (minGap <= 0) {
            evidence.counterexample(new Counterexample(String.format(Locale.ROOT, "a gap lambda_max(H) - lambda_max(A) "
                    + "is not positive: smallest %.4g", minGap), series, base, 0, context.replayCommand()));
            return "A gap is not positive: " + series + ".";
        }
        switch (trend.decision()) {
            case RISE -> {
                return String.format(Locale.ROOT, "Gap positive at every eps and seed and rising (Page p = %.3g): %s.",
                        trend.pRise(), series);
            }
            case FALL -> {
                evidence.counterexample(new Counterexample(String.format(Locale.ROOT, "the gap FALLS with eps "
                        + "(Page p(fall) = %.3g)", trend.pFall()), series, base, 0, context.replayCommand()));
                return "The gap falls with eps: " + series + ".";
            }
            default -> {
                String why = String.format(Locale.ROOT, "the gap neither rises nor falls significantly "
                        + "(p(rise) = %.3g, p(fall) = %.3g)", trend.pRise(), trend.pFall());
                if (seeds < SEEDS) {
                    evidence.tooFewCases(why + " on " + seeds + " of the " + SEEDS + " pre-registered seeds");
                } else {
                    evidence.inconclusive(why);
                }
                return "No significant trend of the gap: " + series + ".";
            }
        }
    }

    /**
     * A run cut short below the {@link PooledTrend#MIN_SEEDS} seeds the pooled test needs: a gap that is not
     * positive is still a counterexample; otherwise the trend is undecided for want of seeds.
     */
    private static String tooFewSeeds(CheckContext context, Evidence evidence, double[][] gaps, double minGap,
                                      int uncertified) {
        evidence.fact("eigenvalues not certified (residual above " + HessianOperator.CONVERGED_RESIDUAL
                + " or an unresolved kink)", uncertified);
        String series = "gaps " + Arrays.deepToString(rounded(gaps));
        if (minGap <= 0) {
            evidence.counterexample(new Counterexample(String.format(Locale.ROOT, "a gap lambda_max(H) - lambda_max(A) "
                    + "is not positive: smallest %.4g", minGap), series, context.seed(), 0, context.replayCommand()));
            return "A gap is not positive: " + series + ".";
        }
        evidence.tooFewCases(gaps.length + " seed(s): the pooled trend test needs at least " + MIN_POOLED_SEEDS);
        return "Gap positive at every eps; too few seeds for the trend test: " + series + ".";
    }

    /** Power of the pooled test at this design against a rise of {@code sds} seed-to-seed SDs over the radii. */
    private static double power(int sds, double level, long seed) {
        return PooledTrend.power(SEEDS, EPSILONS.length, sds, level, POWER_SIMULATIONS, seed);
    }

    private static double[][] rounded(double[][] v) {
        double[][] out = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            out[i] = Figures.roundedToFour(v[i]);
        }
        return out;
    }
}
