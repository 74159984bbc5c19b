package org.advsharp.checks.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.Outcome;
import org.advsharp.claims.Claim;
import org.advsharp.claims.ClaimRegistry;
import org.advsharp.deep.study.RegisteredStudy;
import org.advsharp.deep.study.StudyCell;
import org.advsharp.deep.study.StudyConfig;
import org.junit.jupiter.api.Test;

/**
 * The fitted-regime study and the regime map without training anything: made-up runs with a planted trend and a
 * planted fit go through the study's evidence (the fit criteria decide before the trend) and the regime map's
 * decision; the margin summary of a cell is checked by hand.
 */
class FittedStudyTest {
    private final StudyConfig fitted = StudyConfig.fitted();
    private final StudyConfig cpu = StudyConfig.registered();

    /** Runs with lambda rising (slope > 0) or falling, and the given fit at every radius (null: not measured). */
    private static List<StudyCell> cells(StudyConfig config, double slope, double clean, double robust,
                                         long unfitSeed) {
        List<StudyCell> out = new ArrayList<>();
        for (long s : config.seeds()) {
            for (double eps : config.radii()) {
                double lambda = 20 + slope * eps + 0.3 * Math.sin(7 * s + 11 * eps);
                StudyCell.Eigen e = new StudyCell.Eigen(lambda, 1e-9, true, 20, 0, 0, 10);
                StudyCell.Fit fit = Double.isNaN(clean) ? null : new StudyCell.Fit(clean,
                        s == unfitSeed ? 0.85 : robust, robust, 1, 2, 3, 500);
                out.add(new StudyCell(s, eps, List.of(2.0, 1.0), List.of(0.3, 0.6), 0.9, 0.7, 0.5 + eps, 0.4, 1.0,
                        30, e, e, new StudyCell.Trace(100, 90, 110, 5, 20, 0.95, 0), new double[] {-0.5, 0, 0.5},
                        List.of(new double[] {1.0, 0.5, 1.2}), new double[] {30}, 1000, 500, fit));
            }
        }
        return out;
    }

    private static Outcome evidenceOf(StudyConfig config, List<StudyCell> cells) {
        Evidence evidence = new Evidence();
        StudyEvidence.record(config, cells, true, evidence, "replay", RegisteredStudy.FITTED.fitCriteria());
        return evidence.outcome();
    }

    @Test
    void theFitCriteriaDecideBeforeTheTrend() {
        assertEquals(Outcome.PASSED, evidenceOf(fitted, cells(fitted, 40, 1.0, 0.95, -1)));
        assertEquals(Outcome.COUNTEREXAMPLE_FOUND, evidenceOf(fitted, cells(fitted, -40, 1.0, 0.95, -1)));
        // one seed below the robust criterion at the largest radius: INCONCLUSIVE whatever the trend
        assertEquals(Outcome.INCONCLUSIVE, evidenceOf(fitted, cells(fitted, 40, 1.0, 0.95, 3)));
        assertEquals(Outcome.INCONCLUSIVE, evidenceOf(fitted, cells(fitted, -40, 1.0, 0.95, 3)));
        // clean training accuracy below 0.99 at eps = 0
        assertEquals(Outcome.INCONCLUSIVE, evidenceOf(fitted, cells(fitted, 40, 0.985, 0.95, -1)));
        // exactly at the criteria passes (>=)
        assertEquals(Outcome.PASSED, evidenceOf(fitted, cells(fitted, 40, 0.99, 0.9, -1)));
        // the fit not measured
        assertEquals(Outcome.INCONCLUSIVE, evidenceOf(fitted, cells(fitted, 40, Double.NaN, 0, -1)));
    }

    @Test
    void theMarginSummaryIsTheShareAboveZeroAndTheInterpolatedQuartiles() {
        StudyCell.Fit f = StudyCell.Fit.of(1.0, 0.6, new double[] {3, -1, 2, 0, 1});
        assertEquals(0.6, f.positiveMarginShare());
        assertEquals(0.0, f.marginLowerQuartile());
        assertEquals(1.0, f.marginMedian());
        assertEquals(2.0, f.marginUpperQuartile());
        assertEquals(0.75, StudyCell.Fit.of(1, 1, new double[] {0, 1, 2, 3}).marginLowerQuartile());
    }

    private StudyRecord.Section section(StudyConfig config, RegisteredStudy study, List<StudyCell> cells) {
        Claim claim = ClaimRegistry.load().find(study.claimId()).orElseThrow();
        return StudyRecord.section(config, config, cells, claim, "abc");
    }

    @Test
    void theRegimeMapFollowsBothRecordsDecisions() {
        StudyRecord.Section fit = section(fitted, RegisteredStudy.FITTED, cells(fitted, 40, 1.0, 0.95, -1));
        StudyRecord.Section under = section(cpu, RegisteredStudy.CPU, cells(cpu, -40, Double.NaN, 0, -1));
        assertEquals(Outcome.PASSED, decide(Outcome.PASSED, Outcome.COUNTEREXAMPLE_FOUND, fit, under));
        // the fitted networks' sharpness falls: the sign does not follow the fit
        assertEquals(Outcome.COUNTEREXAMPLE_FOUND, decide(Outcome.COUNTEREXAMPLE_FOUND,
                Outcome.COUNTEREXAMPLE_FOUND, fit, under));
        // the under-fitted networks' sharpness rises
        assertEquals(Outcome.COUNTEREXAMPLE_FOUND, decide(Outcome.PASSED, Outcome.PASSED, fit, under));
        assertEquals(Outcome.INCONCLUSIVE, decide(Outcome.INCONCLUSIVE, Outcome.COUNTEREXAMPLE_FOUND, fit, under));
        assertEquals(Outcome.INCONCLUSIVE, decide(Outcome.NOT_RUN, Outcome.COUNTEREXAMPLE_FOUND, null, under));
        assertEquals(Outcome.FAILED, decide(Outcome.FAILED, Outcome.COUNTEREXAMPLE_FOUND, fit, under));
        assertEquals(Outcome.FAILED, decide(Outcome.PASSED, Outcome.FAILED, fit, under));
        // a fitted record that misses its fit criteria is not the fitted regime, even if its check passed
        StudyRecord.Section unfit = section(fitted, RegisteredStudy.FITTED, cells(fitted, 40, 1.0, 0.95, 2));
        assertEquals(Outcome.INCONCLUSIVE, decide(Outcome.PASSED, Outcome.COUNTEREXAMPLE_FOUND, unfit, under));
    }

    @Test
    void theFirstStudysTrainingAccuracyMakesItUnderFitted() {
        StudyRecord.Section under = section(cpu, RegisteredStudy.CPU, cells(cpu, -40, Double.NaN, 0, -1));
        assertTrue(RegimeMapCheck.underFits(under, new Evidence()));
    }

    @Test
    void theCommittedFittedRecordMatchesItsPinAndTheRegimeMapHoldsOnBothRecords() {
        Evidence record = new Evidence();
        String fittedSummary = StudyChecks.record(RegisteredStudy.FITTED, CheckContext.defaults(), record);
        assertEquals(Outcome.PASSED, record.outcome());
        assertTrue(fittedSummary.startsWith("In networks that fit (clean training accuracy at eps 0: 1.000 to "
                + "1.000), the frozen-attack lambda_max rises with eps (significant)."), fittedSummary);
        Evidence first = new Evidence();
        String summary = StudyChecks.record(RegisteredStudy.CPU, CheckContext.defaults(), first);
        assertTrue(summary.startsWith("In under-fitted networks (last-epoch training accuracy at eps 0: 0.820 to "
                + "0.858), the frozen-attack lambda_max FALLS with eps (significant)."), summary);
        Evidence map = new Evidence();
        RegimeMapCheck.run(CheckContext.defaults(), map);
        assertEquals(Outcome.PASSED, map.outcome());
    }

    private static Outcome decide(Outcome fitted, Outcome underFit, StudyRecord.Section f, StudyRecord.Section u) {
        Evidence evidence = new Evidence();
        RegimeMapCheck.decide(fitted, underFit, f, u, evidence);
        return evidence.outcome();
    }
}
