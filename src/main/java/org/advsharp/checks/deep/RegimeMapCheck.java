package org.advsharp.checks.deep;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Counterexample;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.check.Outcome;
import org.advsharp.check.Series;
import org.advsharp.checks.Figures;
import org.advsharp.deep.study.PooledTrend;
import org.advsharp.deep.study.RegisteredStudy;
import org.advsharp.deep.study.StudyCell;
import org.advsharp.deep.study.StudyConfig;

/**
 * The regime map (exp:resnet-regime-map): on the two pinned study records, the sign of the frozen-attack
 * lambda_max trend follows whether the networks fit. Nothing is retrained; each record is first checked by its
 * own record check ({@link StudyChecks#record(RegisteredStudy, CheckContext, Evidence)}), whose outcome carries
 * its pre-registered decision:
 *
 * <ol>
 *   <li>a record check that FAILED makes this check FAILED (the map rests on records that are not the pinned
 *       ones);</li>
 *   <li>the fitted regime: exp:resnet-fitted-study's record meets its fit criteria and its trend is decided
 *       (record check PASSED: a significant rise; COUNTEREXAMPLE: a significant fall);</li>
 *   <li>the under-fitted regime: in every seed of exp:resnet-cpu-study the last-epoch training accuracy at
 *       eps = 0 is below {@link #UNDER_FIT_ACCURACY} (its record predates the eval-mode fit; the last epoch's
 *       accuracy on the clean training images in train mode is what it holds), and its trend is decided;</li>
 *   <li>SUPPORTED when the fitted record rises and the under-fitted one falls; a counterexample when a record in
 *       its regime has the trend of the other regime (fitted and falling, or under-fitted and rising);
 *       INCONCLUSIVE otherwise (a regime condition missed, a trend not significant, a record not made yet).</li>
 * </ol>
 *
 * <p>It draws the combined figure: per study, lambda_max against eps per seed, and beside it the fit (training
 * accuracy and share of positive adversarial training margins) against eps.
 */
final class RegimeMapCheck {
    /** The claim. */
    static final String CLAIM_ID = "exp:resnet-regime-map";
    /** The check. */
    static final String CHECK_ID = "deep-resnet-regime-map";
    /**
     * A study under-fits when in every seed its training accuracy at eps = 0 is below 0.9: far from the fitted
     * study's criterion of 0.99, so the two regimes cannot touch (the first study's seeds reached 0.82 to 0.86).
     */
    static final double UNDER_FIT_ACCURACY = 0.9;

    private RegimeMapCheck() {
    }

    static String run(CheckContext context, Evidence evidence) {
        Evidence fittedCheck = new Evidence();
        StudyChecks.record(RegisteredStudy.FITTED, context, fittedCheck);
        Evidence cpuCheck = new Evidence();
        StudyChecks.record(RegisteredStudy.CPU, context, cpuCheck);
        return decide(fittedCheck.outcome(), cpuCheck.outcome(), sectionOrNull(RegisteredStudy.FITTED),
                sectionOrNull(RegisteredStudy.CPU), evidence);
    }

    private static StudyRecord.Section sectionOrNull(RegisteredStudy study) {
        return Files.isRegularFile(StudyChecks.recordFile(study)) ? StudyRecord.read(StudyChecks.recordFile(study))
                : null;
    }

    /**
     * The decision from the two record checks' outcomes and the records.
     *
     * @param fitted    outcome of exp:resnet-fitted-study's record check
     * @param underFit  outcome of exp:resnet-cpu-study's record check
     * @param fittedRecord   its record (null if there is none)
     * @param underFitRecord its record (null if there is none)
     */
    static String decide(Outcome fitted, Outcome underFit, StudyRecord.Section fittedRecord,
                         StudyRecord.Section underFitRecord, Evidence evidence) {
        int failed = (fitted == Outcome.FAILED ? 1 : 0) + (underFit == Outcome.FAILED ? 1 : 0);
        evidence.measure(Measurement.atMost("study record checks that FAILED (fitted " + fitted + ", under-fitted "
                + underFit + ")", failed, 0, "0"));
        if (failed > 0) {
            return "A study record is not the pinned one; the map is not drawn.";
        }
        if (underFitRecord == null) {
            evidence.notRun("the first study's record is not here");
            return "Not run: no record of exp:resnet-cpu-study.";
        }
        boolean underFits = underFits(underFitRecord, evidence);
        figure(evidence, "exp:resnet-cpu-study (under-fitted regime)", underFitRecord,
                c -> c.epochAccuracy().isEmpty() ? Double.NaN : c.epochAccuracy().get(c.epochAccuracy().size() - 1),
                "last-epoch training accuracy (train mode; adversarial at eps > 0)");
        String underTrend = trendText(underFit);
        evidence.fact("under-fitted regime (exp:resnet-cpu-study): condition met, trend", underFits + ", "
                + underTrend);
        if (fittedRecord == null) {
            evidence.inconclusive("exp:resnet-fitted-study has no record yet: the fitted regime is not measured");
            return "The fitted study has not run: only the under-fitted regime is measured (" + underTrend + ").";
        }
        figure(evidence, "exp:resnet-fitted-study (fitted regime)", fittedRecord,
                c -> c.fit() == null ? Double.NaN : c.fit().robustAccuracy(),
                "eval-mode training accuracy at the PGD point (clean at eps 0)");
        boolean fits = StudyChecks.meetsFit(fittedRecord, RegisteredStudy.FITTED.fitCriteria());
        String fittedTrend = trendText(fitted);
        evidence.fact("fitted regime (exp:resnet-fitted-study): fit criteria met, trend", fits + ", " + fittedTrend);
        String line = String.format(Locale.ROOT, "fitted study (fit criteria %s): %s; first study (last-epoch "
                + "training accuracy at eps 0 %s %s in every seed): %s", fits ? "met" : "NOT met", fittedTrend,
                underFits ? "below" : "NOT below", UNDER_FIT_ACCURACY, underTrend);
        boolean fittedFalls = fits && fitted == Outcome.COUNTEREXAMPLE_FOUND;
        boolean underRises = underFits && underFit == Outcome.PASSED;
        if (fittedFalls || underRises) {
            evidence.counterexample(new Counterexample("the sign of the trend does not follow the fit: " + line,
                    "records " + RegisteredStudy.FITTED.recordPath() + ", " + RegisteredStudy.CPU.recordPath(), 0, 0,
                    "./advsharp verify --claims " + CLAIM_ID));
            return "The sign does not follow the fit: " + line + ".";
        }
        if (fits && fitted == Outcome.PASSED && underFits && underFit == Outcome.COUNTEREXAMPLE_FOUND) {
            return "The sign follows the fit: " + line + ".";
        }
        evidence.inconclusive("not both regimes decided in their predicted direction: " + line);
        return "Undecided: " + line + ".";
    }

    private static String trendText(Outcome recordCheck) {
        return switch (recordCheck) {
            case PASSED -> "a significant rise";
            case COUNTEREXAMPLE_FOUND -> "a significant fall";
            case INCONCLUSIVE -> "no decided trend (or its pre-registered conditions missed)";
            case NOT_RUN -> "not run";
            case FAILED -> "record check FAILED";
        };
    }

    /** Whether every seed's last-epoch training accuracy at eps = 0 is below {@link #UNDER_FIT_ACCURACY}. */
    static boolean underFits(StudyRecord.Section record, Evidence evidence) {
        List<String> perSeed = new ArrayList<>();
        boolean all = true;
        for (StudyCell c : record.cells()) {
            if (c.epsilon() == 0) {
                double a = c.epochAccuracy().get(c.epochAccuracy().size() - 1);
                perSeed.add("seed " + c.seed() + ": " + Figures.fourDigits(a));
                all &= a < UNDER_FIT_ACCURACY;
            }
        }
        evidence.fact("exp:resnet-cpu-study: last-epoch training accuracy at eps 0 per seed", String.join(", ",
                perSeed));
        return all && !perSeed.isEmpty();
    }

    /** One panel pair of the combined figure: lambda_max per seed, and the fit per seed. */
    private static void figure(Evidence evidence, String study, StudyRecord.Section record,
                               ToDoubleFunction<StudyCell> accuracy, String accuracyName) {
        StudyConfig config = StudyRecord.configOf(record);
        evidence.plot(perSeed(study + ": frozen-attack lambda_max against eps, per seed", "lambda_max", config,
                record.cells(), c -> c.frozen().value(), ""));
        List<Series.Line> lines = new ArrayList<>(perSeed("", "", config, record.cells(), accuracy, "accuracy, ")
                .lines());
        if (record.cells().stream().allMatch(c -> c.fit() != null)) {
            lines.addAll(perSeed("", "", config, record.cells(), c -> c.fit().positiveMarginShare(),
                    "margins > 0, ").lines());
        }
        evidence.plot(new Series(study + ": " + accuracyName + (lines.size() > config.seeds().length
                ? " and share of positive adversarial training margins" : "") + " against eps, per seed", "eps",
                "share", false, lines));
        PooledTrend t = PooledTrend.of(config.radii(), values(config, record.cells(), c -> c.frozen().value()),
                StudyEvidence.ALPHA);
        evidence.fact(study + ": Page's L, p(rise), p(fall)", String.format(Locale.ROOT, "%.1f, %.4g, %.4g",
                t.pageL(), t.pRise(), t.pFall()));
    }

    private static Series perSeed(String title, String yLabel, StudyConfig config, List<StudyCell> cells,
                                  ToDoubleFunction<StudyCell> f, String prefix) {
        double[][] v = values(config, cells, f);
        List<Series.Line> lines = new ArrayList<>();
        for (int s = 0; s < v.length; s++) {
            lines.add(new Series.Line(prefix + "seed " + config.seeds()[s], config.radii(), v[s]));
        }
        return new Series(title, "eps", yLabel, false, lines);
    }

    private static double[][] values(StudyConfig config, List<StudyCell> cells, ToDoubleFunction<StudyCell> f) {
        long[] seeds = config.seeds();
        double[] radii = config.radii();
        double[][] v = new double[seeds.length][radii.length];
        for (double[] row : v) {
            Arrays.fill(row, Double.NaN);
        }
        for (StudyCell c : cells) {
            int s = Arrays.stream(seeds).boxed().toList().indexOf(c.seed());
            int j = Arrays.stream(radii).boxed().toList().indexOf(c.epsilon());
            if (s >= 0 && j >= 0) {
                v[s][j] = f.applyAsDouble(c);
            }
        }
        return v;
    }
}
