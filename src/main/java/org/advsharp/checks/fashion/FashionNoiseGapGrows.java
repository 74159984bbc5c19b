package org.advsharp.checks.fashion;

import static org.advsharp.checks.Figures.fourDigits;
import static org.advsharp.checks.Figures.roundedToFour;
import static org.advsharp.checks.fashion.FashionRun.GRID;
import static org.advsharp.checks.fashion.FashionRun.LAMBDA;
import static org.advsharp.checks.fashion.FashionRun.PAIRS;
import static org.advsharp.checks.fashion.FashionRun.name;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.check.SeedRecord;
import org.advsharp.check.Series;
import org.advsharp.check.Table;
import org.advsharp.checks.training.TrainedPointAnatomy;
import org.advsharp.numerics.RowBlocks;
import org.advsharp.training.EpsilonSweep;
import org.advsharp.training.Solver;
import org.advsharp.training.SweepResult;

/**
 * exp:fashion-noise-gap-grows: on the three Fashion-MNIST pairs, the gap lambda_max(H) after L2 adversarial training
 * minus after random-noise training (one seeded unit direction per image, fixed along the grid; seed + pair index),
 * each pair's gap along {@link FashionRun#GRID} decided by the exact Kendall trend test ({@link Trends}), and the
 * gap at 0.9 eps_c positive on every pair; every trained point certified ({@link Certification}). NOT RUN where
 * Fashion-MNIST is not installed.
 */
final class FashionNoiseGapGrows implements Check {
    private final FashionRun run;

    FashionNoiseGapGrows(FashionRun run) {
        this.run = run;
    }

    @Override
    public String id() {
        return "fashion-noise-gap";
    }

    @Override
    public String claimId() {
        return "exp:fashion-noise-gap-grows";
    }

    @Override
    public String title() {
        return "three Fashion-MNIST pairs: lambda_max(H) after adversarial minus after random-noise training, "
                + "exact Kendall trend test per pair";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
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
            SweepAnatomy.addTo(anatomy, name(pair), run.data(pair), noise);
            double[] a = adv.lambdaMaxH();
            double[] n = noise.lambdaMaxH();
            double[] gap = new double[GRID.length];
            for (int k = 0; k < gap.length; k++) {
                gap[k] = a[k] - n[k];
            }
            double p = trends.add(name(pair) + ": gap", gap);
            positiveAtTop += gap[gap.length - 1] > 0 ? 1 : 0;
            lines.add(new Series.Line(name(pair) + ", adversarial", GRID, a, Certification.uncertifiedH(adv)));
            lines.add(new Series.Line(name(pair) + ", random noise", GRID, n, Certification.uncertifiedH(noise)));
            rows.add(List.of(name(pair), Arrays.toString(roundedToFour(a)), Arrays.toString(roundedToFour(n)),
                    fourDigits(gap[gap.length - 1]), fourDigits(p)));
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
        return "the gap rises at p <= " + Trends.LEVEL + " on " + trends.risingCount()
                + " of " + PAIRS.length + " pairs and is positive at 0.9 eps_c on " + positiveAtTop;
    }
}
