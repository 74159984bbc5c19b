package org.advsharp.checks.deep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Counterexample;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.check.SeedRecord;
import org.advsharp.check.Series;
import org.advsharp.check.Table;
import org.advsharp.checks.CheckTolerances;
import org.advsharp.checks.Figures;
import org.advsharp.checks.training.TrainedProblem;
import org.advsharp.checks.training.TrainedProblems;
import org.advsharp.numerics.KendallTrend;
import org.advsharp.numerics.TrendStatistics;
import org.advsharp.training.EpsilonSweep;
import org.advsharp.training.NewtonTrainer;
import org.advsharp.training.SweepPoint;
import org.advsharp.training.SweepResult;

/**
 * exp:linear-regime-mechanism: lambda_max(A(w*(eps), eps)) in logistic regression, trained to fit against
 * held to under-fit by a large weight decay. The rule, as pre-registered in proofs/deep.md:
 * <ol>
 *   <li>the 30 problems of {@link TrainedProblems#regimes}(seed, {@link #PER_REGIME}), each trained by
 *       {@link EpsilonSweep#adversarial} (dense Newton) at {@link #LAMBDA_FIT} and at {@link #LAMBDA_UNDER} on
 *       eps/eps_c in {@link #GRID};</li>
 *   <li>per problem and weight decay, Kendall's tau of lambda_max(A) against eps;</li>
 *   <li>per weight decay, the exact one-sided sign test across problems (ties dropped) at
 *       {@link #MECHANISM_LEVEL}: a rise at LAMBDA_FIT, a fall at LAMBDA_UNDER;</li>
 *   <li>both reject in their direction: passed; a mirrored test rejects: counterexample; otherwise, or when a
 *       trained point is not certified, INCONCLUSIVE.</li>
 * </ol>
 * Reported, not deciding: the same counts for mu_max = lambda_max(Q^T A Q) and for w_hat^T A w_hat, and the
 * margins' positive share and median per radius.
 */
final class LinearRegimeMechanism implements Check {
    static final String CLAIM = "exp:linear-regime-mechanism";
    static final String CHECK_ID = "linear-fixed-input-part-follows-the-fit";
    /** Problems per synthetic regime (three regimes). */
    static final int PER_REGIME = 10;
    /** Weight decay under which the model is trained to fit. */
    static final double LAMBDA_FIT = 1e-3;
    /** Weight decay that holds the model to under-fit (||w*|| small, every margin near 0). */
    static final double LAMBDA_UNDER = 10.0;
    /** The radii, as fractions eps/eps_c. */
    static final double[] GRID = {0.0, 0.2, 0.4, 0.6};
    /** Pre-registered one-sided level of each sign test. */
    static final double MECHANISM_LEVEL = CheckTolerances.MECHANISM_LEVEL.value();

    @Override
    public String id() {
        return CHECK_ID;
    }

    @Override
    public String claimId() {
        return CLAIM;
    }

    @Override
    public String title() {
        return "lambda_max(A) at w*(eps), eps/eps_c in {0, 0.2, 0.4, 0.6}: rises at weight decay 1e-3 and falls at 10, "
                + "sign tests across 30 problems";
    }

    /** What one weight decay's sweeps gave: per-problem taus and per-radius margin summaries. */
    static final class Regime {
        final String name;
        final double lambda;
        final List<double[]> topA = new ArrayList<>();
        final List<double[]> compressed = new ArrayList<>();
        final List<double[]> along = new ArrayList<>();
        final double[] positiveShare = new double[GRID.length];
        final double[] medianMargin = new double[GRID.length];
        int uncertified;

        Regime(String name, double lambda) {
            this.name = name;
            this.lambda = lambda;
        }

        void add(TrainedProblem problem) {
            SweepResult sweep = EpsilonSweep.adversarial(problem.data(), lambda, GRID, new NewtonTrainer());
            List<SweepPoint> points = sweep.points();
            double[] a = new double[points.size()];
            double[] c = new double[points.size()];
            double[] w = new double[points.size()];
            for (int i = 0; i < points.size(); i++) {
                SweepPoint p = points.get(i);
                uncertified += p.result().converged() ? 0 : 1;
                FixedInputPoint f = FixedInputPoint.at(problem.data(), p.epsilon(), p.result().w());
                a[i] = f.lambdaMaxA();
                c[i] = f.compressedTop();
                w[i] = f.alongWeight();
                positiveShare[i] += f.positiveShare();
                medianMargin[i] += f.medianMargin();
            }
            topA.add(a);
            compressed.add(c);
            along.add(w);
        }

        double meanOver(double[] sums, int i) {
            return sums[i] / topA.size();
        }
    }

    /** Problems whose Kendall tau is positive, negative. */
    static int[] tauSigns(List<double[]> series) {
        int up = 0;
        int down = 0;
        for (double[] s : series) {
            double tau = KendallTrend.of(s).tauB();
            up += tau > 0 ? 1 : 0;
            down += tau < 0 ? 1 : 0;
        }
        return new int[] {up, down};
    }

    /**
     * Records one pre-registered sign test: {@code with} problems moved in the hypothesised direction,
     * {@code against} in the other. Passed when P(Bin(n, 1/2) >= with) <= level; a counterexample when the
     * mirrored p-value is <= level; INCONCLUSIVE otherwise, for want of cases where even all n problems on one
     * side could not reach the level (2^-n &gt; level: a run cut short by {@code --tries}).
     *
     * @return one sentence with the counts and both p-values
     */
    static String signTest(Evidence evidence, String what, int with, int against, long seed, String replay) {
        double p = TrendStatistics.signTestPValue(with, against);
        double mirrored = TrendStatistics.signTestPValue(against, with);
        String sentence = String.format(Locale.ROOT, "%s: %d of %d untied problems, p = %.2g (mirrored %.2g)", what,
                with, with + against, p, mirrored);
        evidence.fact("sign test (" + what + "): with, against", with + ", " + against);
        if (p <= MECHANISM_LEVEL) {
            evidence.measure(Measurement.atMost("one-sided sign-test p-value, " + what, p,
                    CheckTolerances.MECHANISM_LEVEL));
        } else if (mirrored <= MECHANISM_LEVEL) {
            evidence.counterexample(new Counterexample("significant effect in the opposite direction: " + sentence,
                    "with " + with + ", against " + against, seed, 0, replay));
        } else if (Math.pow(0.5, with + against) > MECHANISM_LEVEL) {
            evidence.tooFewCases(String.format(Locale.ROOT, "the sign test (%s) cannot reach MECHANISM_LEVEL = %.3g on "
                    + "%d untied problems: its smallest p-value is 2^-%d", what, MECHANISM_LEVEL, with + against,
                    with + against));
        } else {
            evidence.inconclusive(String.format(Locale.ROOT, "the sign test (%s) is significant in neither direction "
                    + "at MECHANISM_LEVEL = %.3g: p = %.3g, mirrored %.3g", what, MECHANISM_LEVEL, p, mirrored));
        }
        return sentence;
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        long seed = context.seed();
        String replay = context.replayCommand();
        int perRegime = context.tries(PER_REGIME);
        evidence.seed(new SeedRecord("the " + TrainedProblems.count(perRegime)
                + " problems of TrainedProblems.regimes(seed, " + perRegime + ")", seed, replay));
        List<TrainedProblem> problems = TrainedProblems.regimes(seed, perRegime);
        Regime fit = new Regime("trained to fit, weight decay " + LAMBDA_FIT, LAMBDA_FIT);
        Regime under = new Regime("held to under-fit, weight decay " + LAMBDA_UNDER, LAMBDA_UNDER);
        for (TrainedProblem problem : problems) {
            fit.add(problem);
            under.add(problem);
        }
        evidence.fact("problems", problems.size());
        record(evidence, fit);
        record(evidence, under);
        int[] fitSigns = tauSigns(fit.topA);
        int[] underSigns = tauSigns(under.topA);
        String rise = signTest(evidence, "lambda_max(A) rises, weight decay " + LAMBDA_FIT, fitSigns[0], fitSigns[1],
                seed, replay);
        String fall = signTest(evidence, "lambda_max(A) falls, weight decay " + LAMBDA_UNDER, underSigns[1],
                underSigns[0], seed, replay);
        int uncertified = fit.uncertified + under.uncertified;
        evidence.fact("trained points not certified by the trainer", uncertified);
        if (uncertified > 0) {
            evidence.inconclusive(uncertified + " trained points are not certified by the trainer");
        }
        return rise + "; " + fall;
    }

    /** The reported rows of one weight decay: tau counts of the three readings of A, margins per radius. */
    private static void record(Evidence evidence, Regime regime) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(countRow("lambda_max(A) (deciding)", tauSigns(regime.topA), regime.topA.size()));
        rows.add(countRow("mu_max = lambda_max(Q^T A Q)", tauSigns(regime.compressed), regime.topA.size()));
        rows.add(countRow("w_hat^T A w_hat", tauSigns(regime.along), regime.topA.size()));
        evidence.table(new Table("Kendall's tau against eps per problem, " + regime.name,
                List.of("reading of A", "tau > 0", "tau < 0", "tau = 0"), rows));
        List<List<String>> margins = new ArrayList<>();
        for (int i = 0; i < GRID.length; i++) {
            margins.add(List.of(Figures.fourDigits(GRID[i]), Figures.fourDigits(regime.meanOver(regime.positiveShare, i)),
                    Figures.fourDigits(regime.meanOver(regime.medianMargin, i))));
        }
        evidence.table(new Table("adversarial margins at w*(eps), mean over problems, " + regime.name,
                List.of("eps/eps_c", "share > 0", "median margin"), margins));
        List<Series.Line> lines = new ArrayList<>();
        for (int p = 0; p < regime.topA.size(); p += PER_REGIME / 2) {
            lines.add(new Series.Line("problem #" + p, GRID, regime.topA.get(p)));
        }
        evidence.plot(new Series("lambda_max(A(w*(eps), eps)), " + regime.name, "eps/eps_c", "lambda_max(A)", true,
                lines));
    }

    private static List<String> countRow(String what, int[] signs, int n) {
        return List.of(what, Integer.toString(signs[0]), Integer.toString(signs[1]),
                Integer.toString(n - signs[0] - signs[1]));
    }
}
