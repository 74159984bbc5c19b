package org.advsharp.checks.deep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.advsharp.check.Counterexample;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.check.RecordTable;
import org.advsharp.check.SeedRecord;
import org.advsharp.check.Series;
import org.advsharp.check.Table;
import org.advsharp.checks.Figures;
import org.advsharp.deep.HessianOperator;
import org.advsharp.deep.study.PooledTrend;
import org.advsharp.deep.study.RegisteredStudy;
import org.advsharp.deep.study.StudyCell;
import org.advsharp.deep.study.StudyConfig;

/**
 * The evidence of a ResNet18 study (exp:resnet-cpu-study, exp:resnet-fitted-study) from its cells: per seed and radius the accuracies,
 * losses, gradient norm, both top eigenvalues with their certificates and the trace with its interval; the
 * pooled trend test of the pre-registered primary series (frozen-attack lambda_max) with its slope, interval and
 * the power computed before the run; the same test on the secondary series for information.
 *
 * <p>Outcome, as pre-registered in proofs/deep.md: a significant rise (Page's test, p_rise &lt;= alpha/2) passes
 * (SUPPORTED), a significant fall is a counterexample (COUNTEREXAMPLE), anything else is INCONCLUSIVE, and so is
 * a study in which any primary eigenvalue is not certified (residual above
 * {@link HessianOperator#CONVERGED_RESIDUAL} or an unresolved kink) or a run is missing. Whether an eigenvalue
 * converged is recomputed here from its residual, never taken from the record's flag.
 *
 * <p>A study with {@link RegisteredStudy.FitCriteria} (exp:resnet-fitted-study) shows every run's fit on its
 * training images (clean and robust training accuracy, the adversarial training margins) and is INCONCLUSIVE,
 * whatever its trend, when in some seed the clean training accuracy at eps = 0 or the robust training accuracy at
 * the largest radius is below its criterion, or a run lacks the fit.
 */
public final class StudyEvidence {
    /** Two-sided level of the pooled test (pre-registered). */
    public static final double ALPHA = 0.05;
    /** Simulations of the power computation (seeded, so the number is the same every time). */
    public static final int POWER_SIMULATIONS = 20_000;
    /** Effects (rise over the radius range in seed-to-seed standard deviations) the power is reported for. */
    static final double[] POWER_EFFECTS = {1, 1.5, 2, 3};
    private static final long POWER_SEED = 20210205L;

    private StudyEvidence() {
    }

    /** Power of the pre-registered test at each of {@link #POWER_EFFECTS} for this many seeds and radii. */
    public static double[] power(int seeds, int radii) {
        double[] p = new double[POWER_EFFECTS.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = PooledTrend.power(seeds, radii, POWER_EFFECTS[i], ALPHA, POWER_SIMULATIONS, POWER_SEED);
        }
        return p;
    }

    /**
     * Writes the evidence and returns the summary line.
     *
     * @param config  the configuration that ran
     * @param cells   its cells (any order)
     * @param complete whether these are all the runs of the registered study (a shard or an interrupted run is
     *                 not: its evidence is shown, the pooled test is not made)
     * @param replay  the command that makes the record again
     * @param fitCriteria the study's pre-registered fit criteria, or null if it registered none
     */
    public static String record(StudyConfig config, List<StudyCell> cells, boolean complete, Evidence evidence,
                                String replay, RegisteredStudy.FitCriteria fitCriteria) {
        double[] radii = config.radii();
        long[] seeds = config.seeds();
        evidence.fact("network", config.network().describe());
        evidence.table(RecordTable.of("configuration", config));
        for (long s : seeds) {
            evidence.seed(new SeedRecord("initial weights, shuffling, PGD random starts, Lanczos start, probes, "
                    + "directions of run seed " + s, s, replay));
        }
        StudyCell[][] grid = new StudyCell[seeds.length][radii.length];
        for (StudyCell c : cells) {
            int s = indexOf(seeds, c.seed());
            int j = indexOf(radii, c.epsilon());
            if (s < 0 || j < 0) {
                throw new IllegalArgumentException("study record: a run with seed " + c.seed() + " and eps "
                        + c.epsilon() + " is not in the configuration");
            }
            if (grid[s][j] != null) {
                throw new IllegalArgumentException("study record: two runs with seed " + c.seed() + " and eps "
                        + c.epsilon());
            }
            grid[s][j] = c;
        }
        int missing = 0;
        for (StudyCell[] row : grid) {
            for (StudyCell c : row) {
                if (c == null) {
                    missing++;
                }
            }
        }
        double[] power = power(seeds.length, radii.length);
        List<String> powerText = new ArrayList<>();
        for (int i = 0; i < power.length; i++) {
            powerText.add(String.format(Locale.ROOT, "%.3g SD: %.2f", POWER_EFFECTS[i], power[i]));
        }
        evidence.fact("power of Page's test (rise over the radii in seed-to-seed SDs: power), computed before the run",
                String.join("; ", powerText));
        table(evidence, grid, radii, seeds);
        if (missing > 0 || !complete || seeds.length < 2) {
            String why = missing > 0 ? missing + " of " + seeds.length * radii.length + " runs are missing"
                    : "these " + cells.size() + " runs are not the whole registered study (a shard or a pilot)";
            evidence.inconclusive(why + "; the pooled test needs every registered seed at every radius");
            return why + ": no pooled test.";
        }
        plots(evidence, grid, radii, seeds);
        String unfit = fitCriteria == null ? null : fit(evidence, grid, radii, seeds, fitCriteria);
        int uncertified = 0;
        int unresolvedKinks = 0;
        for (StudyCell[] row : grid) {
            for (StudyCell c : row) {
                if (!certified(c.frozen())) {
                    uncertified++;
                }
                unresolvedKinks += c.frozen().unresolvedKinks() + c.reattacked().unresolvedKinks()
                        + c.trace().unresolvedKinks();
            }
        }
        evidence.fact("Hessian-vector products that ended on an unresolved ReLU kink (frozen, re-attacked, trace)",
                unresolvedKinks);
        evidence.measure(Measurement.atMost("primary eigenvalues not certified (relative residual above "
                + HessianOperator.CONVERGED_RESIDUAL + " or an unresolved kink)", uncertified, uncertified, "reported"));
        PooledTrend primary = PooledTrend.of(radii, series(grid, c -> c.frozen().value()), ALPHA);
        describe(evidence, "primary: frozen-attack lambda_max", primary);
        describe(evidence, "secondary: re-attacked lambda_max", PooledTrend.of(radii, series(grid,
                c -> c.reattacked().value()), ALPHA));
        describe(evidence, "secondary: Hutchinson trace (frozen attack)", PooledTrend.of(radii, series(grid,
                c -> c.trace().mean()), ALPHA));
        describe(evidence, "secondary: mean rise of the filter-normalised curves", PooledTrend.of(radii, series(grid,
                StudyCell::curveRise), ALPHA));
        describe(evidence, "robust test accuracy", PooledTrend.of(radii, series(grid, StudyCell::robustAccuracy), ALPHA));
        String line = String.format(Locale.ROOT, "Frozen-attack lambda_max over eps %s on %d seeds: Page's L = %.1f, "
                        + "p(rise) = %.3g, p(fall) = %.3g; mean slope %.4g per unit eps [%.4g, %.4g] (95%%); Kendall tau "
                        + "per seed %s", Arrays.toString(radii), seeds.length, primary.pageL(), primary.pRise(),
                primary.pFall(), primary.slope(), primary.slopeLow(), primary.slopeHigh(),
                Arrays.toString(Figures.roundedToFour(primary.kendall())));
        if (unfit != null) {
            evidence.inconclusive("the pre-registered fit criteria are not met: " + unfit);
            return line + "; fit criteria not met (" + unfit + "): INCONCLUSIVE whatever the trend.";
        }
        if (uncertified > 0) {
            evidence.inconclusive(uncertified + " of the primary eigenvalues are not certified (pre-registered: the "
                    + "verdict needs every one certified)");
            return line + "; " + uncertified + " primary eigenvalues not certified: INCONCLUSIVE.";
        }
        switch (primary.decision()) {
            case RISE -> {
                return line + ": a significant rise.";
            }
            case FALL -> {
                evidence.counterexample(new Counterexample(String.format(Locale.ROOT,
                        "frozen-attack lambda_max FALLS with eps: p(fall) = %.3g <= %.3g", primary.pFall(), ALPHA / 2),
                        "radii " + Arrays.toString(radii) + "\n" + matrix(series(grid, c -> c.frozen().value())),
                        seeds[0], 0, replay));
                return line + ": a significant fall.";
            }
            default -> {
                evidence.inconclusive(String.format(Locale.ROOT, "neither a significant rise nor a fall: p(rise) = "
                        + "%.3g, p(fall) = %.3g, both above %.3g", primary.pRise(), primary.pFall(), ALPHA / 2));
                return line + ": no significant trend.";
            }
        }
    }

    /**
     * Whether a top eigenvalue is certified: its relative residual is finite and at most
     * {@link HessianOperator#CONVERGED_RESIDUAL} (recomputed, whatever the record's converged flag says) and no
     * product ended on an unresolved kink.
     */
    static boolean certified(StudyCell.Eigen e) {
        return converged(e) && e.unresolvedKinks() == 0;
    }

    /** The residual against {@link HessianOperator#CONVERGED_RESIDUAL}; the record's flag is not read. */
    static boolean converged(StudyCell.Eigen e) {
        return Double.isFinite(e.residual()) && e.residual() <= HessianOperator.CONVERGED_RESIDUAL;
    }

    /**
     * The fit table and plots, and the criteria per seed; returns null when every seed meets them, else what is
     * missed.
     */
    private static String fit(Evidence evidence, StudyCell[][] grid, double[] radii, long[] seeds,
                              RegisteredStudy.FitCriteria criteria) {
        List<List<String>> rows = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        int zero = indexOf(radii, 0);
        int largest = radii.length - 1;
        for (int s = 0; s < seeds.length; s++) {
            for (int j = 0; j < radii.length; j++) {
                StudyCell.Fit f = grid[s][j].fit();
                rows.add(f == null ? List.of(Long.toString(seeds[s]), Figures.fourDigits(radii[j]), "not measured", "", "", "", "")
                        : List.of(Long.toString(seeds[s]), Figures.fourDigits(radii[j]), Figures.fourDigits(f.cleanAccuracy()),
                        Figures.fourDigits(f.robustAccuracy()), Figures.fourDigits(f.positiveMarginShare()), Figures.fourDigits(f.marginLowerQuartile()) + " / "
                                + Figures.fourDigits(f.marginMedian()) + " / " + Figures.fourDigits(f.marginUpperQuartile()),
                        Integer.toString(f.examples())));
            }
            StudyCell.Fit atZero = zero < 0 ? null : grid[s][zero].fit();
            StudyCell.Fit atLargest = grid[s][largest].fit();
            if (atZero == null || atLargest == null) {
                missed.add("seed " + seeds[s] + ": the fit at eps = 0 or at the largest radius is not in the record");
                continue;
            }
            evidence.fact("fit of seed " + seeds[s] + ": clean training accuracy at eps 0, robust at eps "
                    + Figures.fourDigits(radii[largest]), Figures.fourDigits(atZero.cleanAccuracy()) + ", " + Figures.fourDigits(atLargest.robustAccuracy()));
            if (!(atZero.cleanAccuracy() >= criteria.cleanAtZero())) {
                missed.add(String.format(Locale.ROOT, "seed %d: clean training accuracy %.4f at eps 0 < %s", seeds[s],
                        atZero.cleanAccuracy(), Figures.fourDigits(criteria.cleanAtZero())));
            }
            if (!(atLargest.robustAccuracy() >= criteria.robustAtLargest())) {
                missed.add(String.format(Locale.ROOT, "seed %d: robust training accuracy %.4f at eps %s < %s",
                        seeds[s], atLargest.robustAccuracy(), Figures.fourDigits(radii[largest]), Figures.fourDigits(criteria.robustAtLargest())));
            }
        }
        evidence.table(new Table("Fit on the training images at w*(eps) (eval mode; PGD-10 at eps, no random start): "
                + "clean and robust training accuracy, share of positive adversarial training margins (true-class "
                + "logit minus the largest other logit at the PGD point), their quartiles",
                List.of("seed", "eps", "train acc. clean", "train acc. robust", "margins > 0", "margin quartiles",
                        "images"), rows));
        evidence.fact("fit criteria (pre-registered)", String.format(Locale.ROOT, "in every seed clean training "
                + "accuracy >= %s at eps 0 and robust training accuracy >= %s at eps %s", Figures.fourDigits(criteria.cleanAtZero()),
                Figures.fourDigits(criteria.robustAtLargest()), Figures.fourDigits(radii[largest])));
        if (missed.isEmpty()) {
            evidence.plot(perSeed("share of positive adversarial training margins at w*(eps), per seed", "share",
                    grid, radii, seeds, c -> c.fit().positiveMarginShare()));
            evidence.plot(perSeed("median adversarial training margin at w*(eps), per seed", "median margin",
                    grid, radii, seeds, c -> c.fit().marginMedian()));
        }
        return missed.isEmpty() ? null : String.join("; ", missed);
    }

    private static void describe(Evidence evidence, String name, PooledTrend t) {
        evidence.fact(name + ": Page's L, p(rise), p(fall), decision", String.format(Locale.ROOT,
                "%.1f, %.4g, %.4g, %s", t.pageL(), t.pRise(), t.pFall(), t.decision()));
        evidence.fact(name + ": mean slope per unit eps [95% interval over seeds]", String.format(Locale.ROOT,
                "%.4g [%.4g, %.4g]", t.slope(), t.slopeLow(), t.slopeHigh()));
        evidence.fact(name + ": Kendall tau per seed", Arrays.toString(Figures.roundedToFour(t.kendall())));
    }

    private static void table(Evidence evidence, StudyCell[][] grid, double[] radii, long[] seeds) {
        List<List<String>> rows = new ArrayList<>();
        for (int s = 0; s < seeds.length; s++) {
            for (int j = 0; j < radii.length; j++) {
                StudyCell c = grid[s][j];
                if (c == null) {
                    rows.add(List.of(Long.toString(seeds[s]), Figures.fourDigits(radii[j]), "missing", "", "", "", "", "", "", "", "",
                            ""));
                    continue;
                }
                rows.add(List.of(Long.toString(c.seed()), Figures.fourDigits(c.epsilon()), Figures.fourDigits(c.cleanAccuracy()),
                        Figures.fourDigits(c.robustAccuracy()), Figures.fourDigits(c.robustLoss()), Figures.fourDigits(c.gradientNorm()),
                        Figures.fourDigits(c.frozen().value()) + " (" + String.format(Locale.ROOT, "%.1e", c.frozen().residual())
                                + (converged(c.frozen()) ? "" : ", unconverged") + ")",
                        Figures.fourDigits(c.reattacked().value()) + " (" + String.format(Locale.ROOT, "%.1e", c.reattacked().residual())
                                + (converged(c.reattacked()) ? "" : ", unconverged") + ")",
                        Figures.fourDigits(c.trace().mean()) + " [" + Figures.fourDigits(c.trace().lower()) + ", " + Figures.fourDigits(c.trace().upper()) + "]",
                        Figures.fourDigits(c.curveRise()), Integer.toString(c.frozen().unresolvedKinks()
                                + c.reattacked().unresolvedKinks() + c.trace().unresolvedKinks()),
                        String.format(Locale.ROOT, "%.0f + %.0f", c.trainingMillis() / 1e3, c.measuringMillis() / 1e3)));
            }
        }
        evidence.table(new Table("Every run: test accuracy (clean, robust), robust loss and its gradient norm on the "
                + "measuring images, top eigenvalues (relative residual), Hutchinson trace [95% interval], mean "
                + "curve rise, unresolved kinks, seconds (training + measuring)",
                List.of("seed", "eps", "clean acc.", "robust acc.", "robust loss", "||grad||", "lambda_max frozen",
                        "lambda_max re-attacked", "trace (frozen)", "curve rise", "kinks", "s"), rows));
    }

    private static void plots(Evidence evidence, StudyCell[][] grid, double[] radii, long[] seeds) {
        evidence.plot(eigenPerSeed("frozen-attack lambda_max against eps, per seed (primary series)", grid, radii,
                seeds, StudyCell::frozen));
        evidence.plot(perSeed("Hutchinson trace of the frozen-attack Hessian against eps, per seed", "trace", grid,
                radii, seeds, c -> c.trace().mean()));
        evidence.plot(eigenPerSeed("re-attacked lambda_max against eps, per seed", grid, radii, seeds,
                StudyCell::reattacked));
        List<Series.Line> accuracy = new ArrayList<>(perSeed("", "", grid, radii, seeds,
                StudyCell::robustAccuracy).lines().stream().map(l -> new Series.Line("robust, " + l.name(), l.x(),
                l.y())).toList());
        accuracy.addAll(perSeed("", "", grid, radii, seeds, StudyCell::cleanAccuracy).lines().stream()
                .map(l -> new Series.Line("clean, " + l.name(), l.x(), l.y())).toList());
        evidence.plot(new Series("robust (PGD at eps) and clean test accuracy against eps, per seed", "eps",
                "accuracy", false, accuracy));
        StudyCell first = grid[0][0];
        double[] alphas = first.curveAlphas();
        List<Series.Line> lines = new ArrayList<>();
        for (int j = 0; j < radii.length; j++) {
            double[] mean = new double[alphas.length];
            int count = 0;
            for (StudyCell[] row : grid) {
                for (double[] curve : row[j].curves()) {
                    for (int k = 0; k < alphas.length; k++) {
                        mean[k] += curve[k];
                    }
                    count++;
                }
            }
            for (int k = 0; k < alphas.length; k++) {
                mean[k] /= Math.max(1, count);
            }
            lines.add(new Series.Line("eps " + Figures.fourDigits(radii[j]), alphas, mean));
        }
        evidence.plot(new Series("1-D robust-loss curves L_H(w + alpha d) along filter-normalised d, mean over seeds "
                + "and directions. Caveat: each filter of d has the norm of w's filter, so ||d|| scales with ||w||, "
                + "which differs between radii; the curves compare shapes at equal relative steps, not curvature",
                "alpha", "robust loss", false, lines));
    }

    private static Series perSeed(String title, String yLabel, StudyCell[][] grid, double[] radii, long[] seeds,
                                  ToDoubleFunction<StudyCell> f) {
        return perSeed(title, yLabel, grid, radii, seeds, f, c -> false);
    }

    /**
     * A top eigenvalue per seed against eps, each point whose eigenvalue is not {@link #converged} (residual above
     * {@link HessianOperator#CONVERGED_RESIDUAL}) flagged uncertified: the report draws it as an open marker.
     */
    private static Series eigenPerSeed(String title, StudyCell[][] grid, double[] radii, long[] seeds,
                                       Function<StudyCell, StudyCell.Eigen> eigen) {
        return perSeed(title, "lambda_max", grid, radii, seeds, c -> eigen.apply(c).value(),
                c -> !converged(eigen.apply(c)));
    }

    private static Series perSeed(String title, String yLabel, StudyCell[][] grid, double[] radii, long[] seeds,
                                  ToDoubleFunction<StudyCell> f, Predicate<StudyCell> uncertified) {
        List<Series.Line> lines = new ArrayList<>();
        for (int s = 0; s < seeds.length; s++) {
            double[] y = new double[radii.length];
            boolean[] open = new boolean[radii.length];
            for (int j = 0; j < radii.length; j++) {
                y[j] = f.applyAsDouble(grid[s][j]);
                open[j] = uncertified.test(grid[s][j]);
            }
            lines.add(new Series.Line("seed " + seeds[s], radii, y, open));
        }
        return new Series(title, "eps", yLabel, false, lines);
    }

    static double[][] series(StudyCell[][] grid, ToDoubleFunction<StudyCell> f) {
        double[][] v = new double[grid.length][];
        for (int s = 0; s < grid.length; s++) {
            v[s] = Arrays.stream(grid[s]).mapToDouble(f).toArray();
        }
        return v;
    }

    private static String matrix(double[][] v) {
        StringBuilder b = new StringBuilder();
        for (double[] row : v) {
            b.append(Arrays.toString(Figures.roundedToFour(row))).append('\n');
        }
        return b.toString().strip();
    }

    private static int indexOf(long[] a, long x) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == x) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(double[] a, double x) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == x) {
                return i;
            }
        }
        return -1;
    }

}
