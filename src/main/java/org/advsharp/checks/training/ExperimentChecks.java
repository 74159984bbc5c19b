package org.advsharp.checks.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.FunctionalCheck;
import org.advsharp.check.Measurement;
import org.advsharp.check.SeedRecord;
import org.advsharp.check.Series;
import org.advsharp.check.Table;
import org.advsharp.checks.CheckTolerances;
import org.advsharp.checks.Figures;
import org.advsharp.data.BundledData;
import org.advsharp.data.Dataset;
import org.advsharp.data.GaussianMixture;
import org.advsharp.landscape.LinearLossCurves;
import org.advsharp.landscape.LinearModelSurface;
import org.advsharp.landscape.LinearSharpness;
import org.advsharp.numerics.KendallTrend;
import org.advsharp.numerics.TrendDecision;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.training.Ball;
import org.advsharp.training.EpsilonSweep;
import org.advsharp.training.NewtonTrainer;
import org.advsharp.training.SweepPoint;
import org.advsharp.training.SweepResult;
import org.ejml.data.DMatrixRMaj;

/**
 * The experiment claims at the trained weights beyond the synthetic headline: adversarial versus
 * random-noise training (exp:adversarial-noise-gap-grows), the sweeps on the bundled real data
 * (exp:real-data-sharpness-rises) and Linf adversarial training (exp:linf-grows-less-than-l2).
 */
final class ExperimentChecks {
    static final String NOISE_GAP = "exp:adversarial-noise-gap-grows";
    static final String REAL_DATA = "exp:real-data-sharpness-rises";
    static final String LINF = "exp:linf-grows-less-than-l2";

    /** Weight decay of the real-data sweeps (small, so the loss and not the decay sets w*). */
    static final double REAL_DATA_LAMBDA = 1e-3;
    /**
     * Relative agreement of the curve's second difference at alpha = 0 with d^T H d. The central
     * difference with step h has truncation error f''''(xi) h^2 / 12; with h = 1e-3 of ||w|| and f'''' of
     * the order of f'' times ||d||^2 = O(1), the relative error is about 1e-7, and rounding adds
     * 4 ulp(f)/h^2, about 1e-9; 1e-4 leaves room without passing a wrong curvature (which would be off by
     * O(1)).
     */
    static final double CURVE_CURVATURE_TOLERANCE = 1e-4;
    /** Step of that second difference, as a fraction of ||w|| (the direction has length ||w||). */
    static final double CURVE_STEP = 1e-3;
    /** Share of Linf problems whose sweep Newton must certify (the rest hit a kink of ||w||_1). */
    static final double LINF_CERTIFIED_SHARE = 0.8;

    private static final int NOISE_PER_REGIME = 30;
    private static final int LINF_PROBLEMS = 100;
    private static final double[] LINF_GRID = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5};
    private static final double[] CURVE_RATIOS = {0.0, 0.25, 0.5, 0.75, 0.9};
    private static final int CURVE_POINTS = 41;

    private ExperimentChecks() {
    }

    static List<Check> checks() {
        return List.of(
                new FunctionalCheck("adversarial-minus-noise-gap-rises", NOISE_GAP,
                        "lambda_max(H) at adversarially trained minus at random-noise-trained weights, same eps: "
                                + "Kendall's tau per problem, sign test across 90 problems, plus the three real sets",
                        ExperimentChecks::noiseGap),
                new FunctionalCheck("real-data-sweeps", REAL_DATA,
                        "digits 0 vs 1, digits 3 vs 8, breast cancer: lambda_max(H) and lambda_max(A) against "
                                + "eps/eps_c with an exact trend test, and 1-D loss curves at several eps",
                        ExperimentChecks::realData),
                new FunctionalCheck("linf-sharpness-grows-less-than-l2", LINF,
                        "lambda_max(H(w*))/lambda_max(H(w*(0))) at half the critical radius, Linf against L2, "
                                + "sign test across 100 problems", ExperimentChecks::linf));
    }

    // ---------------------------------------------------------------- noise gap

    private static String noiseGap(CheckContext context, Evidence evidence) {
        long seed = context.seed();
        int perRegime = context.tries(NOISE_PER_REGIME);
        evidence.seed(new SeedRecord(3 * perRegime + " regime problems; noise directions from seed + index",
                seed, context.replayCommand()));
        double[] grid = HeadlineChecks.FULL_GRID;
        List<TrainedProblem> problems = TrainedProblems.regimes(seed, perRegime);
        TrainerAccuracy accuracy = new TrainerAccuracy("adversarial and random-noise sweeps");
        HeadlineChecks.TrendTally gapTrend = new HeadlineChecks.TrendTally();
        HeadlineChecks.TrendTally noiseTrend = new HeadlineChecks.TrendTally();
        TrainedPointAnatomy adversarial = new TrainedPointAnatomy("adversarial training", grid, true);
        TrainedPointAnatomy noisy = new TrainedPointAnatomy("random-noise training (control)", grid, false);
        List<Series.Line> lines = new ArrayList<>();
        int index = 0;
        int gapPositiveAtTop = 0;
        for (TrainedProblem problem : problems) {
            double[] gap = gap(problem, grid, seed + index, accuracy, problem.family() + " #" + index, null, null,
                    adversarial, noisy);
            gapTrend.add(KendallTrend.of(gap).tauB());
            gapPositiveAtTop += gap[gap.length - 1] > 0 ? 1 : 0;
            if (index % 6 == 0) {
                lines.add(new Series.Line(problem.family() + " #" + index, grid, gap));
            }
            index++;
        }
        List<List<String>> rows = new ArrayList<>();
        List<Series.Line> real = new ArrayList<>();
        int realRising = 0;
        for (String name : List.of("digits 0 vs 1", "digits 3 vs 8", "breast cancer")) {
            TrainedProblem problem = new TrainedProblem(name, realSet(name), REAL_DATA_LAMBDA);
            double[] adv = new double[grid.length];
            double[] noise = new double[grid.length];
            double[] gap = gap(problem, grid, seed, accuracy, name, adv, noise, null, null);
            KendallTrend gapTest = KendallTrend.of(gap);
            double p = gapTest.pRise();
            realRising += gapTest.decide(CheckTolerances.REAL_DATA_TREND_LEVEL.value()) == TrendDecision.RISE ? 1 : 0;
            noiseTrend.add(KendallTrend.of(noise).tauB());
            real.add(new Series.Line(name + ", adversarial", grid, adv));
            real.add(new Series.Line(name + ", random noise", grid, noise));
            rows.add(List.of(name, TrainerAccuracy.fmt(adv[0]), TrainerAccuracy.fmt(adv[adv.length - 1]),
                    TrainerAccuracy.fmt(noise[noise.length - 1]), TrainerAccuracy.fmt(gapTest.tauB()),
                    TrainerAccuracy.fmt(p)));
        }
        accuracy.record(evidence);
        adversarial.record(evidence);
        noisy.record(evidence);
        evidence.table(new Table("Kendall's tau of the gap per problem, sign test across problems",
                HeadlineChecks.TrendTally.COLUMNS, List.of(gapTrend.row("gap lambda_max(H_adv) - lambda_max(H_noise), "
                        + "synthetic regimes"))));
        evidence.table(new Table("real data, lambda = " + REAL_DATA_LAMBDA, List.of("data", "lambda_max at eps = 0",
                "adversarial at 0.95 eps_c", "random noise at 0.95 eps_c", "tau of gap", "exact trend p"), rows));
        evidence.plot(new Series("gap lambda_max(H_adv) - lambda_max(H_noise) against eps/eps_c (synthetic sample)",
                "eps/eps_c", "gap", false, lines));
        evidence.plot(new Series("real data: lambda_max(H) after adversarial and after random-noise training",
                "eps/eps_c", "lambda_max(H)", true, real));
        evidence.fact("synthetic problems", problems.size());
        String test = SignTestVerdict.record(evidence, "gap lambda_max(H_adv) - lambda_max(H_noise), synthetic",
                gapTrend.positive, gapTrend.negative, CheckTolerances.SIGN_TEST_LEVEL, seed,
                context.replayCommand());
        evidence.measure(Measurement.atLeast("synthetic problems with a positive gap at 0.95 eps_c", gapPositiveAtTop,
                problems.size(), "all: near eps_c the adversarial lambda_max diverges, the noise one stays bounded"));
        evidence.fact("real data sets whose gap rises (exact trend p <= REAL_DATA_TREND_LEVEL)", realRising + " of 3");
        if (realRising < 3) {
            evidence.inconclusive("the gap's exact trend test reaches REAL_DATA_TREND_LEVEL on only " + realRising
                    + " of the 3 real data sets");
        }
        return String.format(Locale.ROOT, "%s; it rises on %d of 3 real sets; median direction term of lambda_max at "
                + "0.5 eps_c: %s (adversarial), %s (random noise) of lambda_max(0)", test, realRising,
                TrainerAccuracy.fmt(adversarial.medianLambdaPart(2, 4)), TrainerAccuracy.fmt(noisy.medianLambdaPart(2, 4)));
    }

    /** lambda_max(H_adv(w*_adv(eps))) - lambda_max(H_noise(w*_noise(eps))) along the grid. */
    private static double[] gap(TrainedProblem problem, double[] grid, long noiseSeed, TrainerAccuracy accuracy,
                                String label, double[] advOut, double[] noiseOut, TrainedPointAnatomy advAnatomy,
                                TrainedPointAnatomy noiseAnatomy) {
        ProfiledSweep adv = ProfiledSweep.adversarial(problem, grid);
        ProfiledSweep noise = ProfiledSweep.randomNoise(problem, grid, noiseSeed);
        if (advAnatomy != null) {
            advAnatomy.add(problem.family(), problem.data(), adv.epsilons(), adv.weights(), adv.profiles());
            noiseAnatomy.add(problem.family(), problem.data(), noise.epsilons(), noise.weights(), noise.profiles());
        }
        accuracy.add(label + " (adversarial)", adv.sweep());
        accuracy.add(label + " (random noise)", noise.sweep());
        double[] a = adv.lambdaMaxH();
        double[] n = noise.lambdaMaxH();
        double[] g = new double[grid.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = a[i] - n[i];
        }
        if (advOut != null) {
            System.arraycopy(a, 0, advOut, 0, a.length);
            System.arraycopy(n, 0, noiseOut, 0, n.length);
        }
        return g;
    }

    static Dataset realSet(String name) {
        return switch (name) {
            case "digits 0 vs 1" -> BundledData.digits0vs1();
            case "digits 3 vs 8" -> BundledData.digits3vs8();
            case "breast cancer" -> BundledData.breastCancer();
            default -> throw new IllegalArgumentException("unknown real data set '" + name + "'");
        };
    }

    // ---------------------------------------------------------------- real data

    private static String realData(CheckContext context, Evidence evidence) {
        long seed = context.seed();
        evidence.seed(new SeedRecord("directions of the 1-D loss curves", seed, context.replayCommand()));
        double[] grid = HeadlineChecks.FULL_GRID;
        TrainerAccuracy accuracy = new TrainerAccuracy("Newton on the real data sets, lambda = " + REAL_DATA_LAMBDA);
        List<List<String>> rows = new ArrayList<>();
        int rising = 0;
        int risingA = 0;
        double worstCurve = 0;
        StringBuilder summary = new StringBuilder();
        for (String name : List.of("digits 0 vs 1", "digits 3 vs 8", "breast cancer")) {
            Dataset data = realSet(name);
            ProfiledSweep s = ProfiledSweep.adversarial(new TrainedProblem(name, data, REAL_DATA_LAMBDA), grid);
            accuracy.add(name, s.sweep());
            double[] top = s.lambdaMaxH();
            double[] topA = s.lambdaMaxA();
            KendallTrend testH = KendallTrend.of(top);
            KendallTrend testA = KendallTrend.of(topA);
            double pH = testH.pRise();
            double pA = testA.pRise();
            rising += testH.decide(CheckTolerances.REAL_DATA_TREND_LEVEL.value()) == TrendDecision.RISE ? 1 : 0;
            risingA += testA.decide(CheckTolerances.REAL_DATA_TREND_LEVEL.value()) == TrendDecision.RISE ? 1 : 0;
            for (String curve : List.of("H", "A")) {
                double[] y = curve.equals("H") ? top : topA;
                KendallTrend test = curve.equals("H") ? testH : testA;
                double pUp = test.pRise();
                double pDown = test.pFall();
                String what = name + ", lambda_max(" + curve + ")";
                TrendDecision decision = test.decide(CheckTolerances.REAL_DATA_TREND_LEVEL.value());
                if (decision == TrendDecision.FALL) {
                    evidence.counterexample(new org.advsharp.check.Counterexample("significant fall: exact trend p = "
                            + TrainerAccuracy.fmt(pDown) + " for a decrease of " + what, Arrays.toString(y), seed, 0,
                            context.replayCommand()));
                } else if (decision == TrendDecision.NEITHER) {
                    evidence.inconclusive("the exact trend test of " + what + " is significant in neither direction at "
                            + "REAL_DATA_TREND_LEVEL = " + CheckTolerances.REAL_DATA_TREND_LEVEL.value() + " (p = " + TrainerAccuracy.fmt(pUp)
                            + " for a rise, " + TrainerAccuracy.fmt(pDown) + " for a fall)");
                }
            }
            evidence.plot(new Series(name + " (N = " + data.size() + ", d = " + data.dimension() + ", eps_c = "
                    + TrainerAccuracy.fmt(s.sweep().criticalRadius()) + "): sharpness at w*(eps) against eps/eps_c",
                    "eps/eps_c", "eigenvalue", true, List.of(new Series.Line("lambda_max(H)", grid, top),
                    new Series.Line("lambda_max(A) (fixed input)", grid, topA))));
            rows.add(List.of(name, Integer.toString(data.size()), Integer.toString(data.dimension()),
                    TrainerAccuracy.fmt(s.sweep().criticalRadius()),
                    Arrays.toString(Figures.rounded(top, TrainerAccuracy.DIGITS)),
                    Arrays.toString(Figures.rounded(topA, TrainerAccuracy.DIGITS)), TrainerAccuracy.fmt(pH),
                    TrainerAccuracy.fmt(pA)));
            worstCurve = Math.max(worstCurve, curves(name, data, s, seed, evidence));
            summary.append(String.format(Locale.ROOT, "%s %.3g -> %.3g; ", name, top[0], top[top.length - 1]));
        }
        accuracy.record(evidence);
        evidence.table(new Table("real-data sweeps (lambda = " + REAL_DATA_LAMBDA + ", Newton, warm starts)",
                List.of("data", "N", "d", "eps_c", "lambda_max(H) along the grid", "lambda_max(A) along the grid",
                        "trend p, H", "trend p, A"), rows));
        evidence.fact("grid eps/eps_c", Arrays.toString(grid));
        evidence.fact("real sets on which lambda_max(H(w*)) rises (exact trend p <= " + CheckTolerances.REAL_DATA_TREND_LEVEL.value() + ")",
                rising + " of 3");
        evidence.fact("real sets on which lambda_max(A(w*)) rises", risingA + " of 3");
        evidence.measure(Measurement.atMost("largest relative error of the curves' second difference at 0 against "
                + "d^T H d", worstCurve, CURVE_CURVATURE_TOLERANCE, "CURVE_CURVATURE_TOLERANCE"));
        return "lambda_max(H(w*(eps))) from eps = 0 to 0.95 eps_c: " + summary + "rising on " + rising + " of 3 sets";
    }

    /**
     * Plots the 1-D loss curves (attack recomputed at every point, weight decay included) along a random
     * direction of length ||w*(eps)|| for several eps, and returns the largest relative error of the
     * curve's central second difference at alpha = 0 against d^T (H + lambda I) d.
     */
    private static double curves(String name, Dataset data, ProfiledSweep s, long seed, Evidence evidence) {
        double[] alphas = LinearLossCurves.symmetricGrid(1.0, CURVE_POINTS);
        List<Series.Line> lines = new ArrayList<>();
        double worst = 0;
        for (SweepPoint p : s.sweep().points()) {
            if (Arrays.stream(CURVE_RATIOS).noneMatch(r -> r == p.ratio())) {
                continue;
            }
            double[] w = p.result().w();
            LinearModelSurface surface = LinearModelSurface.adversarial(data, p.epsilon(), REAL_DATA_LAMBDA);
            double[] d = LinearLossCurves.randomDirection(seed, w);
            LinearLossCurves.Curve c = LinearLossCurves.oneD(surface, w, d, alphas);
            double base = surface.value(w);
            double[] rel = new double[alphas.length];
            for (int i = 0; i < rel.length; i++) {
                rel[i] = c.values()[i] - base;
            }
            lines.add(new Series.Line("eps/eps_c = " + p.ratio(), alphas, rel));
            double[] fd = LinearLossCurves.oneD(surface, w, d, new double[] {-CURVE_STEP, 0, CURVE_STEP}).values();
            double second = (fd[0] - 2 * fd[1] + fd[2]) / (CURVE_STEP * CURVE_STEP);
            DMatrixRMaj h = new AdversarialLoss(data, p.epsilon()).hessian(w).full();
            double exact = quadratic(h, d) + REAL_DATA_LAMBDA * Vectors.dot(d, d);
            worst = Math.max(worst, Math.abs(second - exact) / exact);
        }
        evidence.plot(new Series(name + ": 1-D robust loss curves F(w* + alpha d) - F(w*), ||d|| = ||w*||, attack "
                + "recomputed at every point", "alpha", "F(w* + alpha d) - F(w*)", false, lines));
        return worst;
    }

    private static double quadratic(DMatrixRMaj h, double[] d) {
        double s = 0;
        for (int i = 0; i < d.length; i++) {
            for (int j = 0; j < d.length; j++) {
                s += d[i] * h.get(i, j) * d[j];
            }
        }
        return s;
    }

    // ---------------------------------------------------------------- Linf

    /** Data with every feature informative (class mean along (1, ..., 1)), so w*_inf has no zero component. */
    static Dataset linfData(long seed, int n, int d) {
        double[] ones = new double[d];
        Arrays.fill(ones, 1.0);
        return GaussianMixture.alongDirection(seed, n, ones, Math.sqrt(d), 1.0);
    }

    private static String linf(CheckContext context, Evidence evidence) {
        long seed = context.seed();
        int problems = context.tries(LINF_PROBLEMS);
        evidence.seed(new SeedRecord(problems + " mixtures with class mean along (1, ..., 1)", seed,
                context.replayCommand()));
        SplittableRandom rng = new SplittableRandom(seed);
        TrainerAccuracy accuracy = new TrainerAccuracy("Newton, L2 and Linf sweeps (certified Linf problems)");
        int certified = 0;
        int l2Larger = 0;
        int linfLarger = 0;
        double worstDirectionTerm = 0;
        List<Series.Line> lines = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < problems; k++) {
            int n = 40 + rng.nextInt(61);
            int d = 2 + rng.nextInt(7);
            double lambda = Math.pow(10, -3 + 2 * rng.nextDouble());
            Dataset data = linfData(rng.nextLong(), n, d);
            SweepResult inf;
            try {
                inf = EpsilonSweep.trained(Ball.LINF, data, lambda, EpsilonSweep.Grid.ofRatios(LINF_GRID),
                        new NewtonTrainer());
            } catch (IllegalArgumentException e) {
                evidence.fact("Linf problem " + k + " not trainable", e.getMessage());
                continue;
            }
            if (!inf.allConverged()) {
                continue;
            }
            certified++;
            SweepResult l2 = EpsilonSweep.adversarial(data, lambda, LINF_GRID, new NewtonTrainer());
            accuracy.add("#" + k + " Linf", inf);
            accuracy.add("#" + k + " L2", l2);
            double[] topInf = new double[LINF_GRID.length];
            double[] top2 = new double[LINF_GRID.length];
            for (int i = 0; i < LINF_GRID.length; i++) {
                SweepPoint pi = inf.points().get(i);
                LinearSharpness si = LinearSharpness.linf(data, pi.epsilon(), pi.result().w());
                topInf[i] = si.lambdaMaxH();
                SweepPoint p2 = l2.points().get(i);
                top2[i] = LinearSharpness.adversarial(data, p2.epsilon(), p2.result().w()).lambdaMaxH();
                // The direction term of the Linf loss: its Hessian minus the fixed-input Hessian at the
                // attacked inputs (prop:linf-no-direction-term says 0 off the kinks).
                worstDirectionTerm = Math.max(worstDirectionTerm, linfDirectionTerm(data, pi.epsilon(),
                        pi.result().w()));
            }
            double growthInf = topInf[topInf.length - 1] / topInf[0];
            double growth2 = top2[top2.length - 1] / top2[0];
            l2Larger += growth2 > growthInf ? 1 : 0;
            linfLarger += growthInf > growth2 ? 1 : 0;
            if (lines.size() < 8) {
                lines.add(new Series.Line("#" + k + " L2", LINF_GRID, top2));
                lines.add(new Series.Line("#" + k + " Linf", LINF_GRID, topInf));
            }
            if (rows.size() < 40) {
                rows.add(List.of("#" + k, Integer.toString(n), Integer.toString(d), TrainerAccuracy.fmt(lambda),
                        TrainerAccuracy.fmt(growth2), TrainerAccuracy.fmt(growthInf)));
            }
        }
        accuracy.record(evidence);
        evidence.table(new Table("growth of lambda_max(H(w*)) from eps = 0 to half the critical radius", List.of(
                "problem", "N", "d", "lambda", "L2: ratio at 0.5 eps_c,2", "Linf: ratio at 0.5 eps_c,inf"), rows));
        evidence.plot(new Series("lambda_max(H(w*)) against eps / own critical radius, L2 and Linf (sample)",
                "eps / eps_c (L2: ||mean(y x)||_2, Linf: ||mean(y x)||_inf)", "lambda_max(H)", true, lines));
        evidence.fact("problems", problems);
        evidence.fact("Linf sweeps certified by Newton (no component of w* at the kink 0)", certified);
        evidence.fact("share of Linf sweeps certified", TrainerAccuracy.fmt(certified / (double) problems));
        evidence.measure(Measurement.atMost("largest |Linf Hessian - fixed-input Hessian| entry at a trained point",
                worstDirectionTerm, LINF_DIRECTION_ROUNDING, "LINF_DIRECTION_ROUNDING"));
        if (certified < LINF_CERTIFIED_SHARE * problems) {
            evidence.inconclusive("only " + certified + " of " + problems + " Linf sweeps were certified by "
                    + "Newton, below the floor LINF_CERTIFIED_SHARE = " + LINF_CERTIFIED_SHARE
                    + ": the comparison would rest on too few problems");
        }
        String test = SignTestVerdict.record(evidence, "L2 growth > Linf growth at half the own critical radius",
                l2Larger, linfLarger, CheckTolerances.SIGN_TEST_LEVEL, context.seed(
                        "linf-sharpness-grows-less-than-l2"), context.replayCommand());
        return String.format(Locale.ROOT, "%s (%d of %d problems certified)", test, certified, problems);
    }

    /**
     * The two Linf Hessians are sums of the same O(1) terms in different orders; they agree to about
     * 1e-16 times N terms of size O(1) per entry; 1e-12 absolute is that with room.
     */
    static final double LINF_DIRECTION_ROUNDING = 1e-12;

    private static double linfDirectionTerm(Dataset data, double eps, double[] w) {
        DMatrixRMaj h = new org.advsharp.oracle.LinfAdversarialLoss(data, eps).hessian(w);
        int n = data.size();
        int d = data.dimension();
        double[][] attacked = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                attacked[i][j] = data.feature(i, j) - eps * data.label(i) * Math.signum(w[j]);
            }
        }
        DMatrixRMaj fixed = new AdversarialLoss(Dataset.of(attacked, data.labels()), 0.0).hessian(w).full();
        double worst = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                worst = Math.max(worst, Math.abs(h.get(i, j) - fixed.get(i, j)));
            }
        }
        return worst;
    }
}
