package org.advsharp.checks.training;

import static org.advsharp.checks.training.TrainingFigures.DIGITS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.SeedRecord;
import org.advsharp.check.Series;
import org.advsharp.check.Table;
import org.advsharp.checks.CheckTolerances;
import org.advsharp.checks.Figures;
import org.advsharp.numerics.KendallTrend;
import org.advsharp.property.Gen;
import org.advsharp.property.PropertyRunner;

/**
 * exp:trained-sharpness-rises-to-half-critical, the paper's headline at the trained weights: Kendall's tau of
 * lambda_max(H(w*(eps))) against eps on [0, eps_c/2] ({@link RatioGrids#LOWER}) per problem, and the three-way
 * sign test across the problems ({@link SignTestVerdict}); with it the margin-condition share, the decomposition
 * of the rise ({@link TrainedPointAnatomy}) and the training accuracy at every trained point
 * ({@link TrainerAccuracy}), and, not tested, the trends on the upper half and the whole grid, of the trace and
 * of kappa.
 */
final class TrainedSharpnessRisesToHalfCritical implements Check {
    /** Random problems per synthetic regime. */
    private static final int PER_REGIME = 60;
    /** Problems drawn from the property engine's mixtures, besides the regimes. */
    private static final int ENGINE_PROBLEMS = 120;

    @Override
    public String id() {
        return "lambda-max-rises-on-lower-half-at-trained-weights";
    }

    @Override
    public String claimId() {
        return "exp:trained-sharpness-rises-to-half-critical";
    }

    @Override
    public String title() {
        return "Kendall's tau of lambda_max(H(w*(eps))) against eps on [0, eps_c/2] per problem, three-way "
                + "sign test across 300 problems; margin-condition share, decomposition of the rise "
                + "and accuracy at every trained point";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        long seed = context.seed();
        int perRegime = context.tries(PER_REGIME);
        int engineProblems = context.tries(ENGINE_PROBLEMS);
        evidence.seed(new SeedRecord(TrainedProblems.count(perRegime) + " regime problems and " + engineProblems + " engine mixtures",
                seed, context.replayCommand()));
        List<TrainedProblem> problems = new ArrayList<>(TrainedProblems.regimes(seed, perRegime));
        Gen<TrainedProblem> engine = TrainedProblems.engineMixtures(20, 99, 2, 9);
        for (int i = 0; i < engineProblems; i++) {
            problems.add(PropertyRunner.replay(engine, PropertyRunner.caseSeed(seed, i)));
        }
        double[] grid = RatioGrids.FULL;
        TrainerAccuracy accuracy = new TrainerAccuracy("Newton at every trained point of the headline sweeps");
        TrainedPointAnatomy anatomy = new TrainedPointAnatomy("adversarial training", grid, true);
        TrendTally lower = new TrendTally();
        TrendTally upper = new TrendTally();
        TrendTally full = new TrendTally();
        TrendTally trace = new TrendTally();
        TrendTally kappa = new TrendTally();
        Map<String, TrendTally> byFamily = new LinkedHashMap<>();
        double[] relativeRise = new double[problems.size()];
        List<Series.Line> lines = new ArrayList<>();
        List<Series.Line> fixedLines = new ArrayList<>();
        int index = 0;
        for (TrainedProblem problem : problems) {
            ProfiledSweep s = ProfiledSweep.adversarial(problem, grid);
            accuracy.add(problem.family() + " #" + index, s.sweep());
            anatomy.add(problem.family(), problem.data(), s.epsilons(), s.weights(), s.profiles());
            double[] top = s.lambdaMaxH();
            double[] lowerTop = Arrays.copyOfRange(top, 0, RatioGrids.LOWER.length);
            double tau = KendallTrend.of(lowerTop).tauB();
            lower.add(tau);
            byFamily.computeIfAbsent(problem.family(), f -> new TrendTally()).add(tau);
            relativeRise[index] = lowerTop[lowerTop.length - 1] / lowerTop[0] - 1;
            upper.add(KendallTrend.of(Arrays.copyOfRange(top, grid.length - RatioGrids.UPPER.length,
                    top.length)).tauB());
            full.add(KendallTrend.of(top).tauB());
            trace.add(KendallTrend.of(s.traceH()).tauB());
            kappa.add(KendallTrend.of(s.kappa()).tauB());
            if (index % 15 == 0) {
                lines.add(new Series.Line(problem.family() + " #" + index, grid, top));
                fixedLines.add(new Series.Line(problem.family() + " #" + index, grid, s.lambdaMaxA()));
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
                Figures.significant(medianRise, DIGITS));
        String test = SignTestVerdict.record(evidence, "lambda_max(H(w*)) on eps/eps_c in [0, 0.5]", lower.positive,
                lower.negative, CheckTolerances.HEADLINE_LEVEL, seed, context.replayCommand());
        return String.format(Locale.ROOT, "%s; median relative rise from 0 to eps_c/2: %s; margin condition at w* "
                + "in %s of the points at eps_c/2", test, Figures.significant(medianRise, DIGITS),
                Figures.significant(anatomy.marginShare(4), DIGITS));
    }
}
