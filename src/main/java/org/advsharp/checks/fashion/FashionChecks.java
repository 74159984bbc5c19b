package org.advsharp.checks.fashion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Counterexample;
import org.advsharp.check.Evidence;
import org.advsharp.check.FunctionalCheck;
import org.advsharp.check.Measurement;
import org.advsharp.check.SeedRecord;
import org.advsharp.check.Series;
import org.advsharp.check.Table;
import org.advsharp.checks.CheckTolerances;
import org.advsharp.checks.Figures;
import org.advsharp.checks.training.TrainedPointAnatomy;
import org.advsharp.data.BundledData;
import org.advsharp.data.Dataset;
import org.advsharp.data.FashionMnist;
import org.advsharp.landscape.LinearSharpness;
import org.advsharp.numerics.KendallTrend;
import org.advsharp.numerics.RowBlocks;
import org.advsharp.numerics.TrendDecision;
import org.advsharp.numerics.Vectors;
import org.advsharp.training.EpsilonSweep;
import org.advsharp.training.PointSharpness;
import org.advsharp.training.Solver;
import org.advsharp.training.SweepPoint;
import org.advsharp.training.SweepResult;

/**
 * The checks of proofs/fashion.md: the matrix-free solver against the dense reference on the bundled digits
 * (inst:matrix-free-matches-dense) and at d = 784 on Fashion-MNIST (inst:matrix-free-matches-dense-784, its
 * own claim so that the digits alone, where Lanczos spans the whole space, cannot verify it), and the trends on Fashion-MNIST (exp:fashion-sharpness-rises,
 * exp:fashion-noise-gap-grows), and Linf against L2 training there (exp:fashion-linf-grows-less-than-l2,
 * in {@link LinfComparison}). The Fashion-MNIST checks are NOT RUN where the data are not installed.
 */
public final class FashionChecks {
    static final String AGREEMENT = "inst:matrix-free-matches-dense";
    static final String AGREEMENT_784 = "inst:matrix-free-matches-dense-784";
    static final String SHARPNESS = "exp:fashion-sharpness-rises";
    static final String NOISE_GAP = "exp:fashion-noise-gap-grows";
    static final String LINF = "exp:fashion-linf-grows-less-than-l2";

    /** The pairs (negative class, positive class), fixed in proofs/fashion.md: easy, medium, hard. */
    static final int[][] PAIRS = {{1, 8}, {7, 9}, {0, 6}};
    /** Images per class: the first ones in the training file (N = 2,000 per pair). */
    static final int PER_CLASS = 1000;
    /** Weight decay of every Fashion-MNIST sweep. */
    static final double LAMBDA = 1e-3;
    /** The grid eps/eps_c. */
    static final double[] GRID = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    /** Radii at which the dense measurement is repeated at 784 dimensions (each forms a 784 x 784 Hessian). */
    static final double[] DENSE_AT_784 = {0.5, 0.9};

    private FashionChecks() {
    }

    /** The checks, sharing one {@link FashionRun}: the data and sweeps are made once for this list. */
    public static List<Check> checks() {
        FashionRun run = new FashionRun();
        return List.of(
                new FunctionalCheck("matrix-free-against-dense", AGREEMENT,
                        "digits 3 vs 8 (d = 64): whole sweeps by both solvers, and the matrix-free sweep on 1, 2 and 3 "
                                + "threads", FashionChecks::agreement),
                new FunctionalCheck("matrix-free-against-dense-784", AGREEMENT_784,
                        "Fashion-MNIST sneaker vs ankle boot (d = 784): the dense measurement at the matrix-free w* at "
                                + "0.5 and 0.9 of the critical radius", (c, e) -> agreementAt784(run, c, e)),
                new FunctionalCheck("fashion-sharpness-trends", SHARPNESS,
                        "three Fashion-MNIST pairs, 10 radii: lambda_max(H), lambda_max(A) and trace H at w*(eps), "
                                + "exact Kendall trend test per curve", (c, e) -> sharpness(run, c, e)),
                new FunctionalCheck("fashion-noise-gap", NOISE_GAP,
                        "three Fashion-MNIST pairs: lambda_max(H) after adversarial minus after random-noise training, "
                                + "exact Kendall trend test per pair", (c, e) -> noiseGap(run, c, e)),
                new FunctionalCheck("fashion-linf-against-l2", LINF,
                        "three Fashion-MNIST pairs, 10 fractions of each ball's critical radius: growth of lambda_max "
                                + "under L2 (full Hessian) and Linf (Hessian on the face of w*), compared at 0.5",
                        (c, e) -> LinfComparison.check(run, c, e)));
    }

    static String name(int[] pair) {
        return FashionMnist.pairName(pair[0], pair[1]);
    }

    // ---------------------------------------------------------------- agreement

    private static String agreement(CheckContext context, Evidence evidence) {
        double worst = 0;
        String worstWhat = "";
        Dataset digits = BundledData.digits3vs8();
        EpsilonSweep.Grid grid = EpsilonSweep.Grid.ofRatios(GRID);
        SweepResult dense = EpsilonSweep.measured(digits, LAMBDA, grid, Solver.DENSE, 1, EpsilonSweep.Progress.NONE,
                false);
        SweepResult[] free = new SweepResult[3];
        for (int t = 1; t <= 3; t++) {
            free[t - 1] = EpsilonSweep.measured(digits, LAMBDA, grid, Solver.MATRIX_FREE, t, EpsilonSweep.Progress.NONE,
                    false);
        }
        List<List<String>> rows = new ArrayList<>();
        int identical = 0;
        for (int k = 0; k < GRID.length; k++) {
            SweepPoint a = dense.points().get(k);
            SweepPoint b = free[1].points().get(k);
            double[] diff = {relative(a.sharpness().lambdaMaxH(), b.sharpness().lambdaMaxH()),
                relative(a.sharpness().lambdaMaxA(), b.sharpness().lambdaMaxA()),
                relative(a.sharpness().traceH(), b.sharpness().traceH()),
                relative(a.sharpness().kappa(), b.sharpness().kappa()), weightDifference(a, b)};
            String[] names = {"lambda_max(H)", "lambda_max(A)", "trace H", "kappa", "w*"};
            for (int i = 0; i < diff.length; i++) {
                if (diff[i] > worst) {
                    worst = diff[i];
                    worstWhat = names[i] + " on digits 3 vs 8 at eps/eps_c = " + GRID[k];
                }
            }
            rows.add(List.of("digits 3 vs 8", fmt(GRID[k]), fmt(a.sharpness().lambdaMaxH()),
                    fmt(b.sharpness().lambdaMaxH()), fmt(diff[0]), fmt(diff[2]), fmt(diff[3]), fmt(diff[4])));
            boolean same = true;
            for (int t = 0; t < 3; t += 2) {
                SweepPoint c = free[t].points().get(k);
                same &= Arrays.equals(c.result().w(), b.result().w()) && c.sharpness().equals(b.sharpness());
            }
            identical += same ? 1 : 0;
        }
        evidence.table(new Table("dense against matrix-free, lambda = " + LAMBDA + " (relative differences)",
                List.of("data", "eps/eps_c", "lambda_max(H) dense", "lambda_max(H) matrix-free", "lambda_max(H)",
                        "trace H", "kappa", "w* (max |dw_j| / ||w||)"), rows));
        evidence.fact("dense trainer", dense.trainer());
        evidence.fact("matrix-free trainer", free[1].trainer());
        evidence.fact("largest relative difference", worstWhat);
        evidence.measure(Measurement.atMost("largest relative difference, dense against matrix-free", worst,
                CheckTolerances.SOLVER_AGREEMENT));
        evidence.measure(Measurement.atLeast("radii whose matrix-free sweep is bit-identical on 1, 2 and 3 threads",
                identical, GRID.length, "every radius"));
        evidence.measure(Measurement.atLeast("dense certified at every radius", dense.allConverged() ? 1 : 0, 1,
                "the comparison needs certified points"));
        evidence.measure(Measurement.atLeast("matrix-free certified at every radius", free[1].allConverged() ? 1 : 0, 1,
                "the comparison needs certified points"));
        return String.format(Locale.ROOT, "dense and matrix-free agree to %.2g relative at worst (%s); the matrix-free "
                + "sweep is bit-identical on 1, 2 and 3 threads at %d of %d radii", worst, worstWhat, identical,
                GRID.length);
    }

    /** inst:matrix-free-matches-dense-784: the dense measurement at the matrix-free w* of a Fashion-MNIST pair. */
    private static String agreementAt784(FashionRun run, CheckContext context, Evidence evidence) {
        String reason = FashionMnist.missing().orElse(null);
        if (reason != null) {
            evidence.notRun(reason);
            return "Not run: " + reason + ".";
        }
        double worst = 0;
        String worstWhat = "";
        List<List<String>> rows = new ArrayList<>();
        int[] pair = PAIRS[1];
        Dataset data = run.data(pair);
        SweepResult s = run.adversarial(pair);
        boolean certified = true;
        for (double r : DENSE_AT_784) {
            SweepPoint p = s.points().get(indexOf(r));
            certified &= p.result().converged();
            PointSharpness a = PointSharpness.dense(data, p.epsilon(), p.result().w());
            PointSharpness b = p.sharpness();
            double[] diff = {relative(a.lambdaMaxH(), b.lambdaMaxH()), relative(a.lambdaMaxA(), b.lambdaMaxA()),
                relative(a.traceH(), b.traceH()), relative(a.kappa(), b.kappa())};
            String[] names = {"lambda_max(H)", "lambda_max(A)", "trace H", "kappa"};
            for (int i = 0; i < diff.length; i++) {
                if (diff[i] > worst) {
                    worst = diff[i];
                    worstWhat = names[i] + " on " + name(pair) + " at eps/eps_c = " + r;
                }
            }
            rows.add(List.of(name(pair) + " (d = 784, at the matrix-free w*)", fmt(r), fmt(a.lambdaMaxH()),
                    fmt(b.lambdaMaxH()), fmt(diff[0]), fmt(diff[1]), fmt(diff[2]), fmt(diff[3])));
        }
        evidence.table(new Table("dense against matrix-free measurement at d = 784, lambda = " + LAMBDA
                + " (relative differences)", List.of("data", "eps/eps_c", "lambda_max(H) dense",
                "lambda_max(H) matrix-free", "lambda_max(H)", "lambda_max(A)", "trace H", "kappa"), rows));
        evidence.fact("largest relative difference", worstWhat);
        evidence.fact("Fashion-MNIST radii compared at d = 784", DENSE_AT_784.length);
        evidence.measure(Measurement.atMost("largest relative difference, dense against matrix-free at d = 784", worst,
                CheckTolerances.SOLVER_AGREEMENT));
        evidence.measure(Measurement.atLeast("matrix-free certified at the compared radii", certified ? 1 : 0, 1,
                "the comparison needs certified points"));
        return String.format(Locale.ROOT, "at d = 784 the dense measurement at the matrix-free w* agrees to %.2g "
                + "relative at worst (%s), at %d radii", worst, worstWhat, DENSE_AT_784.length);
    }

    private static double weightDifference(SweepPoint a, SweepPoint b) {
        double[] x = a.result().w();
        double[] y = b.result().w();
        double worst = 0;
        for (int j = 0; j < x.length; j++) {
            worst = Math.max(worst, Math.abs(x[j] - y[j]));
        }
        return worst / Vectors.norm(x);
    }

    private static double relative(double a, double b) {
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return scale == 0 ? 0 : Math.abs(a - b) / scale;
    }

    static int indexOf(double r) {
        for (int k = 0; k < GRID.length; k++) {
            if (GRID[k] == r) {
                return k;
            }
        }
        throw new IllegalArgumentException("radius " + r + " is not on the grid");
    }

    // ---------------------------------------------------------------- sharpness trends

    private static String sharpness(FashionRun run, CheckContext context, Evidence evidence) {
        String reason = FashionMnist.missing().orElse(null);
        if (reason != null) {
            evidence.notRun(reason);
            return "Not run: " + reason + ".";
        }
        List<List<String>> rows = new ArrayList<>();
        Trends trends = new Trends();
        Certification certified = new Certification();
        TrainedPointAnatomy anatomy = new TrainedPointAnatomy("Fashion-MNIST, adversarial training", GRID, true);
        StringBuilder summary = new StringBuilder();
        for (int[] pair : PAIRS) {
            SweepResult s = run.adversarial(pair);
            certified.add(s);
            addTo(anatomy, name(pair), run.data(pair), s);
            double[] top = s.lambdaMaxH();
            double[] topA = s.lambdaMaxA();
            double[] trace = s.traceH();
            double[] kappaPart = new double[GRID.length];
            double[] traceA = new double[GRID.length];
            for (int k = 0; k < GRID.length; k++) {
                PointSharpness p = s.points().get(k).sharpness();
                traceA[k] = p.traceA();
                kappaPart[k] = p.traceH() - p.traceA();
            }
            double pH = trends.add(name(pair) + ": lambda_max(H)", top);
            double pA = trends.add(name(pair) + ": lambda_max(A)", topA);
            double pT = trends.add(name(pair) + ": trace H", trace);
            evidence.plot(new Series(name(pair) + " (N = " + s.points().get(0).objective().data().size()
                    + ", d = 784, eps_c = " + fmt(s.criticalRadius()) + "): top eigenvalues at w*(eps)", "eps/eps_c",
                    "eigenvalue", true, List.of(new Series.Line("lambda_max(H)", GRID, top, uncertifiedH(s)),
                    new Series.Line("lambda_max(A) (fixed input)", GRID, topA, uncertifiedA(s)))));
            evidence.plot(new Series(name(pair) + ": trace H = trace A + kappa (d - 1) at w*(eps)", "eps/eps_c",
                    "trace", true, List.of(new Series.Line("trace H", GRID, trace),
                    new Series.Line("trace A", GRID, traceA), new Series.Line("kappa (d - 1)", GRID,
                            Arrays.stream(kappaPart).map(v -> Math.max(v, 1e-300)).toArray()))));
            rows.add(List.of(name(pair), Arrays.toString(round(top)), Arrays.toString(round(topA)),
                    Arrays.toString(round(trace)), fmt(pH), fmt(pA), fmt(pT)));
            summary.append(String.format(Locale.ROOT, "%s: lambda_max %.3g -> %.3g (p = %.2g); ", name(pair), top[0],
                    top[GRID.length - 1], pH));
        }
        evidence.table(new Table("Fashion-MNIST sweeps (first " + PER_CLASS + " training images per class, lambda = "
                + LAMBDA + ", matrix-free)", List.of("pair", "lambda_max(H) along the grid",
                "lambda_max(A) along the grid", "trace H along the grid", "trend p, lambda_max(H)",
                "trend p, lambda_max(A)", "trend p, trace H"), rows));
        evidence.fact("grid eps/eps_c", Arrays.toString(GRID));
        anatomy.record(evidence);
        certified.record(evidence);
        trends.decide(evidence, context.replayCommand(), context.seed());
        return summary.toString() + trends.risingCount() + " of " + trends.count() + " curves rise at p <= " + CheckTolerances.FASHION_TREND_LEVEL.value();
    }

    // ---------------------------------------------------------------- noise gap

    private static String noiseGap(FashionRun run, CheckContext context, Evidence evidence) {
        String reason = FashionMnist.missing().orElse(null);
        if (reason != null) {
            evidence.notRun(reason);
            return "Not run: " + reason + ".";
        }
        long seed = context.seed();
        evidence.seed(new SeedRecord("random-noise directions (one unit vector per image, fixed along the grid), "
                + "seed + pair index", seed, context.replayCommand()));
        Trends trends = new Trends();
        Certification certified = new Certification();
        TrainedPointAnatomy anatomy = new TrainedPointAnatomy("Fashion-MNIST, random-noise training (control)", GRID,
                false);
        List<Series.Line> lines = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        int positiveAtTop = 0;
        for (int i = 0; i < PAIRS.length; i++) {
            int[] pair = PAIRS[i];
            SweepResult adv = run.adversarial(pair);
            SweepResult noise = EpsilonSweep.randomNoise(run.data(pair), LAMBDA, GRID, seed + i, Solver.MATRIX_FREE,
                    RowBlocks.defaultThreads());
            certified.add(adv);
            certified.add(noise);
            addTo(anatomy, name(pair), run.data(pair), noise);
            double[] a = adv.lambdaMaxH();
            double[] n = noise.lambdaMaxH();
            double[] gap = new double[GRID.length];
            for (int k = 0; k < gap.length; k++) {
                gap[k] = a[k] - n[k];
            }
            double p = trends.add(name(pair) + ": gap", gap);
            positiveAtTop += gap[gap.length - 1] > 0 ? 1 : 0;
            lines.add(new Series.Line(name(pair) + ", adversarial", GRID, a, uncertifiedH(adv)));
            lines.add(new Series.Line(name(pair) + ", random noise", GRID, n, uncertifiedH(noise)));
            rows.add(List.of(name(pair), Arrays.toString(round(a)), Arrays.toString(round(n)),
                    fmt(gap[gap.length - 1]), fmt(p)));
        }
        evidence.plot(new Series("Fashion-MNIST: lambda_max(H) after adversarial and after random-noise training",
                "eps/eps_c", "lambda_max(H)", true, lines));
        evidence.table(new Table("adversarial against random-noise training (lambda = " + LAMBDA + ")", List.of("pair",
                "adversarial lambda_max(H)", "random-noise lambda_max(H)", "gap at 0.9 eps_c", "trend p of the gap"),
                rows));
        anatomy.record(evidence);
        certified.record(evidence);
        evidence.measure(Measurement.atLeast("pairs with a positive gap at 0.9 eps_c", positiveAtTop, PAIRS.length,
                "all: the statement"));
        trends.decide(evidence, context.replayCommand(), seed);
        return "the gap rises at p <= " + CheckTolerances.FASHION_TREND_LEVEL.value() + " on " + trends.risingCount() + " of " + PAIRS.length
                + " pairs and is positive at 0.9 eps_c on " + positiveAtTop;
    }

    /** Adds a measured sweep to the trained-point anatomy of the training claims (margin share, decomposition). */
    private static void addTo(TrainedPointAnatomy anatomy, String family, Dataset data, SweepResult s) {
        List<double[]> weights = new ArrayList<>();
        List<LinearSharpness> profiles = new ArrayList<>();
        for (SweepPoint p : s.points()) {
            PointSharpness m = p.sharpness();
            weights.add(p.result().w());
            profiles.add(new LinearSharpness(m.lambdaMaxH(), m.lambdaMaxA(), m.traceH(), m.traceA(), m.kappa(), Double.NaN,
                    m.weightNorm()));
        }
        anatomy.add(family, data, s.epsilons(), weights, profiles);
    }

    /** The exact trend tests of several curves and the verdict rule of proofs/fashion.md. */
    private static final class Trends {
        private final List<String> names = new ArrayList<>();
        private final List<double[]> curves = new ArrayList<>();
        private final List<KendallTrend> tests = new ArrayList<>();

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
            return (int) tests.stream().filter(t -> t.decide(CheckTolerances.FASHION_TREND_LEVEL.value()) == TrendDecision.RISE).count();
        }

        /** Rising everywhere: passes; a significant fall: counterexample; anything else: inconclusive. */
        void decide(Evidence evidence, String replay, long seed) {
            evidence.fact("curves rising at p <= " + CheckTolerances.FASHION_TREND_LEVEL.value(), risingCount() + " of " + count());
            for (int i = 0; i < count(); i++) {
                KendallTrend t = tests.get(i);
                switch (t.decide(CheckTolerances.FASHION_TREND_LEVEL.value())) {
                    case RISE -> { }
                    case FALL -> evidence.counterexample(new Counterexample(String.format(Locale.ROOT, "%s falls with "
                            + "eps: exact trend p = %.2g for a fall, %.2g for a rise", names.get(i), t.pFall(),
                            t.pRise()), names.get(i) + " along eps/eps_c = " + Arrays.toString(GRID) + ": "
                            + Arrays.toString(curves.get(i)), seed, 0, replay));
                    case NEITHER -> evidence.inconclusive(String.format(Locale.ROOT, "%s: exact trend p = %.2g, "
                            + "neither a rise nor a fall at %s", names.get(i), t.pRise(), CheckTolerances.FASHION_TREND_LEVEL.value()));
                    default -> throw new IllegalStateException("unknown trend decision");
                }
            }
        }
    }

    /** Per point of the sweep, whether its lambda_max(H) is uncertified (see {@link #uncertified}). */
    static boolean[] uncertifiedH(SweepResult s) {
        return uncertified(s, PointSharpness::lambdaMaxH, PointSharpness::residualH);
    }

    /** Per point of the sweep, whether its lambda_max(A) is uncertified (see {@link #uncertified}). */
    static boolean[] uncertifiedA(SweepResult s) {
        return uncertified(s, PointSharpness::lambdaMaxA, PointSharpness::residualA);
    }

    /**
     * Per point, whether its top eigenvalue is uncertified: residual / lambda_max is not at most
     * {@link CheckTolerances#LANCZOS_RESIDUAL}, the bound {@link Certification} holds the largest one to. The plots
     * draw such points as open markers.
     */
    private static boolean[] uncertified(SweepResult s, ToDoubleFunction<PointSharpness> value,
                                         ToDoubleFunction<PointSharpness> residual) {
        boolean[] open = new boolean[s.points().size()];
        for (int k = 0; k < open.length; k++) {
            PointSharpness m = s.points().get(k).sharpness();
            open[k] = uncertified(residual.applyAsDouble(m), value.applyAsDouble(m));
        }
        return open;
    }

    /** Whether a top eigenvalue with this residual is uncertified: residual / value is not at most the tolerance. */
    static boolean uncertified(double residual, double value) {
        return !(residual / value <= CheckTolerances.LANCZOS_RESIDUAL.value());
    }

    /** The certificates of every trained point used: gradient norm and Lanczos residual. */
    private static final class Certification {
        private double worstGradient;
        private double worstResidual;
        private int points;

        void add(SweepResult s) {
            for (SweepPoint p : s.points()) {
                points++;
                worstGradient = Math.max(worstGradient, p.result().gradientNorm());
                PointSharpness m = p.sharpness();
                worstResidual = Math.max(worstResidual, Math.max(m.residualH() / m.lambdaMaxH(),
                        m.residualA() / m.lambdaMaxA()));
            }
        }

        void record(Evidence evidence) {
            evidence.fact("trained points", points);
            evidence.measure(Measurement.atMost("largest ||grad F|| at a trained point", worstGradient,
                    CheckTolerances.NEWTON_GRADIENT));
            evidence.measure(Measurement.atMost("largest Lanczos residual / lambda_max", worstResidual,
                    CheckTolerances.LANCZOS_RESIDUAL));
        }
    }

    /** Significant digits of the Fashion-MNIST tables and sentences. */
    static final int DIGITS = 4;

    static String fmt(double v) {
        return Figures.significant(v, DIGITS);
    }

    static double[] round(double[] v) {
        return Figures.rounded(v, DIGITS);
    }
}
