package org.advsharp.checks.fashion;

import static org.advsharp.checks.Figures.fourDigits;
import static org.advsharp.checks.Figures.roundedToFour;
import static org.advsharp.checks.fashion.FashionRun.GRID;
import static org.advsharp.checks.fashion.FashionRun.LAMBDA;
import static org.advsharp.checks.fashion.FashionRun.PAIRS;
import static org.advsharp.checks.fashion.FashionRun.PER_CLASS;
import static org.advsharp.checks.fashion.FashionRun.name;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.Series;
import org.advsharp.check.Table;
import org.advsharp.checks.training.TrainedPointAnatomy;
import org.advsharp.training.PointSharpness;
import org.advsharp.training.SweepResult;

/**
 * exp:fashion-sharpness-rises: on the three Fashion-MNIST pairs of {@link FashionRun#PAIRS}, lambda_max(H),
 * lambda_max(A) and trace H at the L2 adversarially trained w*(eps) along {@link FashionRun#GRID}, each curve
 * decided by the exact Kendall trend test ({@link Trends}: all rising passes, a significant fall is a
 * counterexample, anything else INCONCLUSIVE), with every trained point certified ({@link Certification}) and
 * fed to the training claims' anatomy. NOT RUN where Fashion-MNIST is not installed ({@link FashionChecks}).
 */
final class FashionSharpnessRises implements Check {
    /** Plotted in place of a kappa (d - 1) at or below 0, so that the log-scale plot keeps the point. */
    private static final double LOG_PLOT_FLOOR = 1e-300;

    private final FashionRun run;

    FashionSharpnessRises(FashionRun run) {
        this.run = run;
    }

    @Override
    public String id() {
        return "fashion-sharpness-trends";
    }

    @Override
    public String claimId() {
        return "exp:fashion-sharpness-rises";
    }

    @Override
    public String title() {
        return "three Fashion-MNIST pairs, 10 radii: lambda_max(H), lambda_max(A) and trace H at w*(eps), "
                + "exact Kendall trend test per curve";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        List<List<String>> rows = new ArrayList<>();
        Trends trends = new Trends();
        Certification certified = new Certification();
        TrainedPointAnatomy anatomy = new TrainedPointAnatomy("Fashion-MNIST, adversarial training", GRID, true);
        StringBuilder summary = new StringBuilder();
        for (int[] pair : PAIRS) {
            SweepResult s = run.adversarial(pair);
            certified.add(s);
            SweepAnatomy.addTo(anatomy, name(pair), run.data(pair), s);
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
                    + ", d = 784, eps_c = " + fourDigits(s.criticalRadius()) + "): top eigenvalues at w*(eps)", "eps/eps_c",
                    "eigenvalue", true, List.of(new Series.Line("lambda_max(H)", GRID, top,
                    Certification.uncertifiedH(s)), new Series.Line("lambda_max(A) (fixed input)", GRID, topA,
                    Certification.uncertifiedA(s)))));
            evidence.plot(new Series(name(pair) + ": trace H = trace A + kappa (d - 1) at w*(eps)", "eps/eps_c",
                    "trace", true, List.of(new Series.Line("trace H", GRID, trace),
                    new Series.Line("trace A", GRID, traceA), new Series.Line("kappa (d - 1)", GRID,
                            Arrays.stream(kappaPart).map(v -> Math.max(v, LOG_PLOT_FLOOR)).toArray()))));
            rows.add(List.of(name(pair), Arrays.toString(roundedToFour(top)), Arrays.toString(roundedToFour(topA)),
                    Arrays.toString(roundedToFour(trace)), fourDigits(pH), fourDigits(pA), fourDigits(pT)));
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
        return summary.toString() + trends.risingCount() + " of " + trends.count() + " curves rise at p <= "
                + Trends.LEVEL;
    }
}
