package org.advsharp.checks.training;

import static org.advsharp.checks.training.TrainingFigures.DIGITS;

import java.util.ArrayList;
import java.util.List;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.check.Table;
import org.advsharp.checks.CheckTolerances;
import org.advsharp.checks.Figures;
import org.advsharp.oracle.StationarityResiduals;
import org.advsharp.training.NewtonTrainer;
import org.advsharp.training.SweepPoint;
import org.advsharp.training.SweepResult;
import org.advsharp.training.TrainingResult;

/**
 * Collects the accuracy of every trained point an experiment rests on (gradient norm and the
 * stationarity residuals of prop:stationarity), and records it as evidence: a table with one row per
 * trained point and measurements of the worst values against the trainer's tolerance.
 */
final class TrainerAccuracy {
    /**
     * Every trained point must reach the reference trainer's tolerance on ||grad F||: 1e-12
     * (NewtonTrainer.DEFAULT_GRADIENT_TOLERANCE), far below any effect measured on the trained weights.
     */
    static final double GRADIENT_TOLERANCE = NewtonTrainer.DEFAULT_GRADIENT_TOLERANCE;
    /**
     * The radial residual equals -w^T grad F, so |radial| <= ||w|| ||grad F||; the checks compare
     * |radial| / max(1, ||w||) and the tangential residual (<= ||grad F||) with the gradient tolerance.
     */
    static final double RESIDUAL_TOLERANCE = GRADIENT_TOLERANCE;
    private static final int TABLE_ROWS = 400;

    private final String caption;
    private final List<List<String>> rows = new ArrayList<>();
    private int points;
    private int notConverged;
    private double worstGradient;
    private double worstRadial;
    private double worstTangential;

    TrainerAccuracy(String caption) {
        this.caption = caption;
    }

    /** Adds every point of a sweep, labelled by {@code problem}. */
    void add(String problem, SweepResult sweep) {
        for (SweepPoint p : sweep.points()) {
            add(problem, p.ratio(), p.result());
        }
    }

    /** Adds one trained point. */
    void add(String problem, double ratio, TrainingResult r) {
        points++;
        if (!r.converged()) {
            notConverged++;
        }
        worstGradient = Math.max(worstGradient, r.gradientNorm());
        double radial = Double.NaN;
        double tangential = Double.NaN;
        if (r.residuals().isPresent()) {
            StationarityResiduals s = r.residuals().get();
            radial = Math.abs(s.radial()) / Math.max(1, r.weightNorm());
            tangential = s.tangentialNorm();
            worstRadial = Math.max(worstRadial, radial);
            worstTangential = Math.max(worstTangential, tangential);
        }
        if (rows.size() < TABLE_ROWS) {
            rows.add(List.of(problem, Figures.significant(ratio, DIGITS), Integer.toString(r.iterations()),
                    Figures.significant(r.gradientNorm(), DIGITS), Figures.significant(radial, DIGITS),
                    Figures.significant(tangential, DIGITS), Boolean.toString(r.converged())));
        }
    }

    /** Number of trained points added. */
    int points() {
        return points;
    }

    /** Records the table and the worst values as measurements. */
    void record(Evidence evidence) {
        evidence.table(new Table(caption + " (" + points + " trained points" + (points > TABLE_ROWS ? ", first "
                + TABLE_ROWS + " shown" : "") + ")", List.of("problem", "eps/eps_c", "Newton steps", "||grad F||",
                "|radial|/max(1,||w||)", "tangential", "converged"), rows));
        evidence.fact("trained points", points);
        evidence.measure(Measurement.atMost("trained points that did not converge", notConverged, 0,
                "every trained point must converge"));
        evidence.measure(Measurement.atMost("largest ||grad F|| at a trained point", worstGradient, CheckTolerances.NEWTON_GRADIENT));
        if (worstRadial > 0 || worstTangential > 0) {
            evidence.measure(Measurement.atMost("largest |radial residual| / max(1, ||w||)", worstRadial,
                    RESIDUAL_TOLERANCE, "radial = -w^T grad F, bounded by ||w|| times the gradient tolerance"));
            evidence.measure(Measurement.atMost("largest tangential residual", worstTangential, RESIDUAL_TOLERANCE,
                    "tangential = ||P grad F|| <= ||grad F||"));
        }
    }
}
