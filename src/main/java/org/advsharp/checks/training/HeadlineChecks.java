package org.advsharp.checks.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.FunctionalCheck;
import org.advsharp.check.SeedRecord;
import org.advsharp.check.Series;
import org.advsharp.check.Table;
import org.advsharp.checks.CheckTolerances;
import org.advsharp.numerics.KendallTrend;
import org.advsharp.numerics.TrendStatistics;
import org.advsharp.oracle.CriticalRadius;
import org.advsharp.property.Labels;
import org.advsharp.property.PropertyConfig;
import org.advsharp.property.PropertyReport;
import org.advsharp.property.PropertyRunner;

/**
 * The paper's headline at the trained weights (exp:trained-sharpness-rises-to-half-critical, with the
 * margin-condition share, the decomposition of the rise and the training accuracy at every point), the
 * conjectures on kappa and the trace at w*(eps), and the two counterexamples (rem:trained-top-dips,
 * rem:trained-trace-dips), each searched for with the property engine and shrunk.
 */
final class HeadlineChecks {
    static final String HEADLINE = "exp:trained-sharpness-rises-to-half-critical";
    static final String KAPPA = "conj:kappa-at-optimum-monotone";
    static final String TRACE = "conj:trained-trace-monotone";
    static final String TOP_DIPS = "rem:trained-top-dips";
    static final String TRACE_DIPS = "rem:trained-trace-dips";

    /** The sweep grid of eps/eps_c. */
    static final double[] FULL_GRID = {0.0, 0.1, 0.25, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95};
    /** Its lower part, eps <= eps_c / 2: the range of the pre-registered trend test. */
    static final double[] LOWER_GRID = {0.0, 0.1, 0.25, 0.4, 0.5};
    /** Its upper part, eps >= eps_c / 2. */
    static final double[] UPPER_GRID = {0.5, 0.6, 0.7, 0.8, 0.9, 0.95};
    /** The small-eps grid on which lambda_max dips. */
    static final double[] SMALL_GRID = {0.0, 0.05, 0.1, 0.2, 0.3};
    /**
     * A fall counts only if it exceeds this relative size. Trained weights are exact to
     * ||w - w*|| <= ||grad F||/lambda <= 1e-12/1e-4 = 1e-8, which moves an eigenvalue or the trace of H
     * (whose derivative in w is O(1) on these O(1) data) by about 1e-8; 1e-6 relative is well above
     * that noise and far below the dips of a few percent that docs/theory.md reports.
     */
    static final double FALL_THRESHOLD = 1e-6;
    /**
     * A conjecture search rests on certified trainer runs only (an uncertified sweep holds vacuously): below
     * this share of certified problems (of those not degenerate) the search is INCONCLUSIVE. Why 0.95: the
     * budget then still has at least 950 of its 1000 problems behind it, and more uncertified runs would
     * point at a trainer problem rather than at the conjecture.
     */
    static final double CERTIFIED_FLOOR = 0.95;
    /** The label of a problem skipped because a trained point was not certified. */
    static final String UNCERTIFIED = "trainer not certified (skipped)";
    /** The label of a degenerate problem (eps_c below 1e-6). */
    static final String DEGENERATE = "degenerate (eps_c < 1e-6)";
    private static final int PER_REGIME = 60;
    private static final int ENGINE_PROBLEMS = 120;
    private static final int SEARCH_BUDGET = 1000;
    private static final int SHRINK_BUDGET = 1500;

    private HeadlineChecks() {
    }

    static List<Check> checks() {
        return List.of(
                new FunctionalCheck("lambda-max-rises-on-lower-half-at-trained-weights", HEADLINE,
                        "Kendall's tau of lambda_max(H(w*(eps))) against eps on [0, eps_c/2] per problem, three-way "
                                + "sign test across 300 problems; margin-condition share, decomposition of the rise "
                                + "and accuracy at every trained point", HeadlineChecks::headline),
                new FunctionalCheck("kappa-rises-at-trained-weights", KAPPA,
                        "search (1000 problems): kappa(w*(eps)) falls somewhere on the grid 0 .. 0.95 eps_c",
                        (c, e) -> search(c, e,
                                TrainedProblems.engineMixtures(20, 99, 2, 9), FULL_GRID, Measure.KAPPA, 0)),
                new FunctionalCheck("trace-rises-above-half-critical", TRACE,
                        "search (1000 problems): trace(H(w*(eps))) falls somewhere on eps_c/2 .. 0.95 eps_c",
                        (c, e) -> search(c, e,
                                TrainedProblems.engineMixtures(20, 99, 2, 9), UPPER_GRID, Measure.TRACE, 0)),
                new FunctionalCheck("trace-can-dip-at-small-eps", TRACE_DIPS,
                        "search: trace(H(w*(eps))) falls between two radii of 0 .. 0.95 eps_c (d = 2), shrunk",
                        (c, e) -> search(c, e,
                                TrainedProblems.engineMixtures(20, 99, 2, 2), FULL_GRID, Measure.TRACE, SHRINK_BUDGET)),
                new FunctionalCheck("lambda-max-can-dip-at-small-eps", TOP_DIPS,
                        "search: lambda_max(H(w*(eps))) falls between two radii of 0 .. 0.3 eps_c, shrunk",
                        (c, e) -> search(c, e,
                                TrainedProblems.engineMixtures(20, 60, 2, 4), SMALL_GRID, Measure.LAMBDA_MAX,
                                SHRINK_BUDGET)));
    }

    /** Which sharpness measure a search follows. */
    enum Measure {
        LAMBDA_MAX("lambda_max(H)"), TRACE("trace(H)"), KAPPA("kappa");

        final String label;

        Measure(String label) {
            this.label = label;
        }

        double[] of(ProfiledSweep s) {
            return switch (this) {
                case LAMBDA_MAX -> s.lambdaMaxH();
                case TRACE -> s.traceH();
                case KAPPA -> s.kappa();
            };
        }
    }

    /**
     * The property "the measure does not fall along the grid": null if it holds, else the first fall with
     * its numbers. Degenerate problems (eps_c below 1e-6) and problems where a trained point is not
     * certified (||grad F|| > 1e-12) hold vacuously: a claim about exact minimisers cannot be refuted by
     * an inexact one.
     */
    static String firstFall(TrainedProblem problem, double[] grid, Measure measure, Labels labels) {
        if (CriticalRadius.of(problem.data()) < 1e-6) {
            labels.label(DEGENERATE);
            return null;
        }
        labels.label("d = " + problem.data().dimension());
        labels.labelIf(problem.lambda() < 1e-3, "lambda < 1e-3");
        ProfiledSweep s = ProfiledSweep.adversarial(problem, grid);
        if (!s.sweep().allConverged()) {
            labels.label(UNCERTIFIED);
            return null;
        }
        double[] v = measure.of(s);
        for (int k = 1; k < v.length; k++) {
            if (v[k] < v[k - 1] * (1 - FALL_THRESHOLD)) {
                return String.format(Locale.ROOT, "%s at the trained weights falls from %.6g at eps/eps_c = %.3g to "
                        + "%.6g at eps/eps_c = %.3g (eps_c = %.6g, values along the grid: %s)", measure.label, v[k - 1],
                        grid[k - 1], v[k], grid[k], s.sweep().criticalRadius(), java.util.Arrays.toString(v));
            }
        }
        return null;
    }

    private static String search(CheckContext context, Evidence evidence,
                                 org.advsharp.property.Gen<TrainedProblem> gen, double[] grid, Measure measure,
                                 int shrinkBudget) {
        PropertyConfig config = PropertyConfig.forCheck(context, SEARCH_BUDGET)
                .withMaxShrinkAttempts(shrinkBudget);
        PropertyReport<TrainedProblem> report = PropertyRunner.check(measure.label + " does not fall on the grid "
                + java.util.Arrays.toString(grid), gen, (p, labels) -> firstFall(p, grid, measure, labels), config);
        SearchEvidence.record(evidence, context, report, grid);
        evidence.fact("grid eps/eps_c", java.util.Arrays.toString(grid));
        int uncertified = report.labelCounts().getOrDefault(UNCERTIFIED, 0);
        int degenerate = report.labelCounts().getOrDefault(DEGENERATE, 0);
        int decided = report.tries() - degenerate;
        double certifiedShare = decided == 0 ? 0 : (decided - uncertified) / (double) decided;
        evidence.fact("uncertified trainer runs (held vacuously, skipped)", uncertified + " of " + decided
                + " non-degenerate problems; certified share " + TrainerAccuracy.fmt(certifiedShare));
        evidence.skip(UNCERTIFIED, uncertified).skip(DEGENERATE, degenerate)
                .cases(decided - uncertified, Math.max(1, (int) Math.ceil(CERTIFIED_FLOOR * decided)));
        if (report.holds() && certifiedShare < CERTIFIED_FLOOR) {
            evidence.inconclusive("only " + (decided - uncertified) + " of " + decided + " problems rest on certified "
                    + "trained points (share " + TrainerAccuracy.fmt(certifiedShare) + "), below CERTIFIED_FLOOR = "
                    + CERTIFIED_FLOOR);
        }
        return report.holds()
                ? "no fall of " + measure.label + " in " + report.tries() + " problems (budget " + config.tries() + ")"
                : "found after " + report.tries() + " problems and shrunk in " + report.shrinkSteps() + " steps: "
                        + report.violation();
    }

    private static String headline(CheckContext context, Evidence evidence) {
        long seed = context.seed();
        int perRegime = context.tries(PER_REGIME);
        int engineProblems = context.tries(ENGINE_PROBLEMS);
        evidence.seed(new SeedRecord(3 * perRegime + " regime problems and " + engineProblems + " engine mixtures",
                seed, context.replayCommand()));
        List<TrainedProblem> problems = new ArrayList<>(TrainedProblems.regimes(seed, perRegime));
        org.advsharp.property.Gen<TrainedProblem> engine = TrainedProblems.engineMixtures(20, 99, 2, 9);
        for (int i = 0; i < engineProblems; i++) {
            problems.add(PropertyRunner.replay(engine, PropertyRunner.caseSeed(seed, i)));
        }
        TrainerAccuracy accuracy = new TrainerAccuracy("Newton at every trained point of the headline sweeps");
        TrainedPointAnatomy anatomy = new TrainedPointAnatomy("adversarial training", FULL_GRID, true);
        TrendTally lower = new TrendTally();
        TrendTally upper = new TrendTally();
        TrendTally full = new TrendTally();
        TrendTally trace = new TrendTally();
        TrendTally kappa = new TrendTally();
        java.util.Map<String, TrendTally> byFamily = new java.util.LinkedHashMap<>();
        double[] relativeRise = new double[problems.size()];
        List<Series.Line> lines = new ArrayList<>();
        List<Series.Line> fixedLines = new ArrayList<>();
        int index = 0;
        for (TrainedProblem problem : problems) {
            ProfiledSweep s = ProfiledSweep.adversarial(problem, FULL_GRID);
            accuracy.add(problem.family() + " #" + index, s.sweep());
            anatomy.add(problem.family(), problem.data(), s.epsilons(), s.weights(), s.profiles());
            double[] top = s.lambdaMaxH();
            double[] lowerTop = java.util.Arrays.copyOfRange(top, 0, LOWER_GRID.length);
            double tau = KendallTrend.of(lowerTop).tauB();
            lower.add(tau);
            byFamily.computeIfAbsent(problem.family(), f -> new TrendTally()).add(tau);
            relativeRise[index] = lowerTop[lowerTop.length - 1] / lowerTop[0] - 1;
            upper.add(KendallTrend.of(java.util.Arrays.copyOfRange(top, FULL_GRID.length - UPPER_GRID.length,
                    top.length)).tauB());
            full.add(KendallTrend.of(top).tauB());
            trace.add(KendallTrend.of(s.traceH()).tauB());
            kappa.add(KendallTrend.of(s.kappa()).tauB());
            if (index % 15 == 0) {
                lines.add(new Series.Line(problem.family() + " #" + index, FULL_GRID, top));
                fixedLines.add(new Series.Line(problem.family() + " #" + index, FULL_GRID, s.lambdaMaxA()));
            }
            index++;
        }
        accuracy.record(evidence);
        anatomy.record(evidence);
        List<List<String>> rows = new ArrayList<>();
        rows.add(lower.row("lambda_max(H), eps/eps_c in [0, 0.5] (the tested range), all problems"));
        for (var e : byFamily.entrySet()) {
            rows.add(e.getValue().row("lambda_max(H), [0, 0.5], " + e.getKey()));
        }
        rows.add(upper.row("lambda_max(H), [0.5, 0.95] (not tested: prop:critical-radius forces the rise)"));
        rows.add(full.row("lambda_max(H), eps/eps_c in [0, 0.95]"));
        rows.add(trace.row("trace(H), [0, 0.95]"));
        rows.add(kappa.row("kappa, [0, 0.95]"));
        evidence.table(new Table("Kendall's tau per problem against eps, and sign tests across problems (only the "
                + "first row is the pre-registered test)", TrendTally.COLUMNS, rows));
        evidence.plot(new Series("lambda_max(H(w*(eps))) against eps/eps_c (a sample of the problems)", "eps/eps_c",
                "lambda_max(H)", true, lines));
        evidence.plot(new Series("lambda_max(A(w*(eps))), the fixed-input Hessian, for the same problems", "eps/eps_c",
                "lambda_max(A)", true, fixedLines));
        double medianRise = TrainedPointAnatomy.median(relativeRise);
        evidence.fact("effect size: median over problems of lambda_max(0.5 eps_c) / lambda_max(0) - 1",
                TrainerAccuracy.fmt(medianRise));
        String test = SignTestVerdict.record(evidence, "lambda_max(H(w*)) on eps/eps_c in [0, 0.5]", lower.positive,
                lower.negative, CheckTolerances.HEADLINE_LEVEL, seed, context.replayCommand());
        return String.format(Locale.ROOT, "%s; median relative rise from 0 to eps_c/2: %s; margin condition at w* "
                + "in %s of the points at eps_c/2", test, TrainerAccuracy.fmt(medianRise),
                TrainerAccuracy.fmt(anatomy.marginShare(4)));
    }

    /** Counts of positive, zero and negative taus, with their mean and the sign test. */
    static final class TrendTally {
        static final List<String> COLUMNS = List.of("measure and range", "problems", "tau > 0", "tau = 0", "tau < 0",
                "tau = 1 (monotone)", "mean tau", "sign-test p");
        int positive;
        int zero;
        int negative;
        int monotone;
        double sum;

        void add(double tau) {
            if (tau > 0) {
                positive++;
            } else if (tau < 0) {
                negative++;
            } else {
                zero++;
            }
            monotone += tau == 1.0 ? 1 : 0;
            sum += tau;
        }

        double pValue() {
            return TrendStatistics.signTestPValue(positive, negative);
        }

        List<String> row(String name) {
            int n = positive + zero + negative;
            return List.of(name, Integer.toString(n), Integer.toString(positive), Integer.toString(zero),
                    Integer.toString(negative), Integer.toString(monotone), TrainerAccuracy.fmt(sum / n),
                    TrainerAccuracy.fmt(pValue()));
        }
    }
}
