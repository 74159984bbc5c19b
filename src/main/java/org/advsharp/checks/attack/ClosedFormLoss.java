package org.advsharp.checks.attack;

import java.util.Locale;
import java.util.SplittableRandom;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.checks.CheckTolerances;
import org.advsharp.checks.problems.AdversarialCase;
import org.advsharp.checks.problems.Problems;
import org.advsharp.checks.problems.PropertyEvidence;
import org.advsharp.checks.problems.SeededCase;
import org.advsharp.numerics.Tolerances;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.property.Labels;
import org.advsharp.property.PropertyReport;
import org.advsharp.property.PropertyRunner;

/**
 * lem:closed-form-loss: the closed-form adversarial loss L_eps(w) equals the mean clean loss at the inputs that
 * PGD from a random start attacked, to the PGD convergence tolerance; problems where PGD's gradient underflows
 * on some sample are skipped.
 */
final class ClosedFormLoss implements Check {
    private static final int DEFAULT_TRIES = 200;

    @Override
    public String id() {
        return "closed-form-loss-equals-attacked-loss";
    }

    @Override
    public String claimId() {
        return "lem:closed-form-loss";
    }

    @Override
    public String title() {
        return "L_eps(w) equals the mean clean loss at the PGD-attacked inputs";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        Worst worst = new Worst();
        PropertyReport<SeededCase> report = PropertyRunner.check("L_eps(w) = mean loss at the PGD-attacked inputs",
                SeededCase.of(Problems.anyRegime()), (sc, labels) -> trial(sc, labels, worst),
                Problems.config(context, DEFAULT_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, SeededCase::pasteable);
        evidence.floor(PropertyEvidence.floorFor(DEFAULT_TRIES));
        evidence.measure(Measurement.atMost("largest |L_eps(w) - mean loss at PGD inputs| / max(1, L_eps)",
                worst.relativeError, CheckTolerances.PGD_CONVERGENCE));
        return String.format(Locale.ROOT, "The closed-form loss matched the PGD-attacked loss to %.1e on %d problems.",
                worst.relativeError, report.tries());
    }

    /** One problem: the closed form against the mean loss at PGD's inputs; the failure, or null. */
    private static String trial(SeededCase sc, Labels labels, Worst worst) {
        AdversarialCase c = sc.problem();
        SplittableRandom random = sc.random();
        if (!InnerPgd.hasAttack(c.w(), c.eps2())) {
            labels.label(InnerPgd.NOTHING_TO_ATTACK);
            return null;
        }
        double sum = 0.0;
        for (int i = 0; i < c.data().size(); i++) {
            if (!InnerPgd.gradientRepresentable(c.data().row(i), c.w(), c.eps2())) {
                labels.label("a sample with |w^T x| + eps ||w|| > 700: PGD's gradient underflows (skipped)");
                return null;
            }
        }
        for (int i = 0; i < c.data().size(); i++) {
            double[] x = c.data().row(i);
            double y = c.data().label(i);
            sum += InnerPgd.objective(x, y, c.w(), InnerPgd.run(InnerPgd.inputGradient(x, y, c.w()),
                    c.eps2(), Problems.randomPoint(random, x.length, c.eps2()), c.eps2(), InnerPgd.STEPS,
                    InnerPgd.Step.NORMALISED));
        }
        double attacked = sum / c.data().size();
        double closed = new AdversarialLoss(c.data(), c.eps2()).value(c.w());
        double error = Math.abs(attacked - closed) / Math.max(1.0, closed);
        worst.relativeError = Math.max(worst.relativeError, error);
        return error > Tolerances.PGD_CONVERGENCE
                ? String.format(Locale.ROOT, "closed form %.17g vs attacked %.17g", closed, attacked) : null;
    }

    /** The largest value over the run's problems. */
    private static final class Worst {
        /** Largest |L_eps(w) - mean loss at PGD inputs| / max(1, L_eps). */
        private double relativeError;
    }
}
