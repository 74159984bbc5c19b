package org.advsharp.checks.training;

import static org.advsharp.checks.training.TrainingFigures.DIGITS;

import java.util.ArrayList;
import java.util.Arrays;
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
import org.advsharp.data.Dataset;
import org.advsharp.landscape.LinearLossCurves;
import org.advsharp.landscape.LinearModelSurface;
import org.advsharp.numerics.KendallTrend;
import org.advsharp.numerics.TrendDecision;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.training.SweepPoint;
import org.ejml.data.DMatrixRMaj;

/**
 * exp:real-data-sharpness-rises, the sweeps on the bundled real data ({@link RealSets}: digits 0 vs 1, digits
 * 3 vs 8, breast cancer): lambda_max(H) and lambda_max(A) at w*(eps) against eps/eps_c, each with the exact
 * trend test at REAL_DATA_TREND_LEVEL (a significant fall is a counterexample, neither direction INCONCLUSIVE),
 * and 1-D robust loss curves at several eps whose second difference at 0 must match d^T (H + lambda I) d.
 */
final class RealDataSharpnessRises implements Check {
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
    private static final double[] CURVE_RATIOS = {0.0, 0.25, 0.5, 0.75, 0.9};
    private static final int CURVE_POINTS = 41;

    @Override
    public String id() {
        return "real-data-sweeps";
    }

    @Override
    public String claimId() {
        return "exp:real-data-sharpness-rises";
    }

    @Override
    public String title() {
        return "digits 0 vs 1, digits 3 vs 8, breast cancer: lambda_max(H) and lambda_max(A) against "
                + "eps/eps_c with an exact trend test, and 1-D loss curves at several eps";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        long seed = context.seed();
        evidence.seed(new SeedRecord("directions of the 1-D loss curves", seed, context.replayCommand()));
        double[] grid = RatioGrids.FULL;
        double level = CheckTolerances.REAL_DATA_TREND_LEVEL.value();
        TrainerAccuracy accuracy = new TrainerAccuracy("Newton on the real data sets, lambda = " + RealSets.LAMBDA);
        List<List<String>> rows = new ArrayList<>();
        int rising = 0;
        int risingA = 0;
        double worstCurve = 0;
        StringBuilder summary = new StringBuilder();
        for (String name : RealSets.NAMES) {
            Dataset data = RealSets.named(name);
            ProfiledSweep s = ProfiledSweep.adversarial(new TrainedProblem(name, data, RealSets.LAMBDA), grid);
            accuracy.add(name, s.sweep());
            double[] top = s.lambdaMaxH();
            double[] topA = s.lambdaMaxA();
            KendallTrend testH = KendallTrend.of(top);
            KendallTrend testA = KendallTrend.of(topA);
            rising += testH.decide(level) == TrendDecision.RISE ? 1 : 0;
            risingA += testA.decide(level) == TrendDecision.RISE ? 1 : 0;
            recordTrend(name + ", lambda_max(H)", top, testH, seed, context, evidence);
            recordTrend(name + ", lambda_max(A)", topA, testA, seed, context, evidence);
            evidence.plot(new Series(name + " (N = " + data.size() + ", d = " + data.dimension() + ", eps_c = "
                    + Figures.significant(s.sweep().criticalRadius(), DIGITS)
                    + "): sharpness at w*(eps) against eps/eps_c", "eps/eps_c", "eigenvalue", true,
                    List.of(new Series.Line("lambda_max(H)", grid, top),
                            new Series.Line("lambda_max(A) (fixed input)", grid, topA))));
            rows.add(List.of(name, Integer.toString(data.size()), Integer.toString(data.dimension()),
                    Figures.significant(s.sweep().criticalRadius(), DIGITS),
                    Arrays.toString(Figures.rounded(top, DIGITS)), Arrays.toString(Figures.rounded(topA, DIGITS)),
                    Figures.significant(testH.pRise(), DIGITS), Figures.significant(testA.pRise(), DIGITS)));
            worstCurve = Math.max(worstCurve, curves(name, data, s, seed, evidence));
            summary.append(String.format(Locale.ROOT, "%s %.3g -> %.3g; ", name, top[0], top[top.length - 1]));
        }
        accuracy.record(evidence);
        evidence.table(new Table("real-data sweeps (lambda = " + RealSets.LAMBDA + ", Newton, warm starts)",
                List.of("data", "N", "d", "eps_c", "lambda_max(H) along the grid", "lambda_max(A) along the grid",
                        "trend p, H", "trend p, A"), rows));
        evidence.fact("grid eps/eps_c", Arrays.toString(grid));
        evidence.fact("real sets on which lambda_max(H(w*)) rises (exact trend p <= " + level + ")", rising + " of 3");
        evidence.fact("real sets on which lambda_max(A(w*)) rises", risingA + " of 3");
        evidence.measure(Measurement.atMost("largest relative error of the curves' second difference at 0 against "
                + "d^T H d", worstCurve, CURVE_CURVATURE_TOLERANCE, "CURVE_CURVATURE_TOLERANCE"));
        return "lambda_max(H(w*(eps))) from eps = 0 to 0.95 eps_c: " + summary + "rising on " + rising + " of 3 sets";
    }

    /**
     * The exact trend test of {@code y} (named {@code what}) at REAL_DATA_TREND_LEVEL: a significant fall is a
     * counterexample, a test significant in neither direction makes the check INCONCLUSIVE.
     */
    private static void recordTrend(String what, double[] y, KendallTrend test, long seed, CheckContext context,
                                    Evidence evidence) {
        double level = CheckTolerances.REAL_DATA_TREND_LEVEL.value();
        TrendDecision decision = test.decide(level);
        if (decision == TrendDecision.FALL) {
            evidence.counterexample(new Counterexample("significant fall: exact trend p = "
                    + Figures.significant(test.pFall(), DIGITS) + " for a decrease of " + what, Arrays.toString(y),
                    seed, 0, context.replayCommand()));
        } else if (decision == TrendDecision.NEITHER) {
            evidence.inconclusive("the exact trend test of " + what + " is significant in neither direction at "
                    + "REAL_DATA_TREND_LEVEL = " + level + " (p = " + Figures.significant(test.pRise(), DIGITS)
                    + " for a rise, " + Figures.significant(test.pFall(), DIGITS) + " for a fall)");
        }
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
            LinearModelSurface surface = LinearModelSurface.adversarial(data, p.epsilon(), RealSets.LAMBDA);
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
            double exact = quadratic(h, d) + RealSets.LAMBDA * Vectors.dot(d, d);
            worst = Math.max(worst, Math.abs(second - exact) / exact);
        }
        evidence.plot(new Series(name + ": 1-D robust loss curves F(w* + alpha d) - F(w*), ||d|| = ||w*||, attack "
                + "recomputed at every point", "alpha", "F(w* + alpha d) - F(w*)", false, lines));
        return worst;
    }

    /** d^T h d. */
    private static double quadratic(DMatrixRMaj h, double[] d) {
        double s = 0;
        for (int i = 0; i < d.length; i++) {
            for (int j = 0; j < d.length; j++) {
                s += d[i] * h.get(i, j) * d[j];
            }
        }
        return s;
    }
}
