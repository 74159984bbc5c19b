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
import org.advsharp.data.Dataset;
import org.advsharp.numerics.Tolerances;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.L2Attack;
import org.advsharp.property.Labels;
import org.advsharp.property.PropertyReport;
import org.advsharp.property.PropertyRunner;

/**
 * lem:worst-case-l2: the closed-form attack eta* = -eps y w / ||w|| beats every point of the ball that a random
 * search ({@value #RANDOM_SEARCH_POINTS} points per sample) or PGD from a random start finds, up to rounding,
 * and has norm eps.
 */
final class WorstCaseL2 implements Check {
    private static final int DEFAULT_TRIES = 200;
    /** Random points of the ball tried per sample in the random search. */
    private static final int RANDOM_SEARCH_POINTS = 64;

    @Override
    public String id() {
        return "attack-beats-random-search-and-pgd";
    }

    @Override
    public String claimId() {
        return "lem:worst-case-l2";
    }

    @Override
    public String title() {
        return "the closed-form L2 attack is at least as strong as a random search of the ball and PGD";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        Worst worst = new Worst();
        PropertyReport<SeededCase> report = PropertyRunner.check("no point of the ball beats the closed-form attack",
                SeededCase.of(Problems.anyRegime()), (sc, labels) -> trial(sc, labels, worst),
                Problems.config(context, DEFAULT_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, SeededCase::pasteable);
        evidence.floor(PropertyEvidence.floorFor(DEFAULT_TRIES));
        evidence.measure(Measurement.atMost("largest gain of random search or PGD over eta* (relative)",
                worst.relativeGain, CheckTolerances.ROUNDING));
        evidence.measure(Measurement.atMost("largest | ||eta*|| - eps | / eps", worst.radiusError,
                CheckTolerances.ROUNDING));
        return String.format(Locale.ROOT, "On %d random problems, %d random points per sample and PGD never beat "
                + "the closed-form attack (largest relative gain %.2e, i.e. none beyond rounding).",
                report.tries(), RANDOM_SEARCH_POINTS, worst.relativeGain);
    }

    /** One problem: every sample's eta* against PGD and the random search; the failure, or null. */
    private static String trial(SeededCase sc, Labels labels, Worst worst) {
        AdversarialCase c = sc.problem();
        SplittableRandom random = sc.random();
        if (!InnerPgd.hasAttack(c.w(), c.eps2())) {
            labels.label(InnerPgd.NOTHING_TO_ATTACK);
            return null;
        }
        Dataset data = c.data();
        for (int i = 0; i < data.size(); i++) {
            double[] x = data.row(i);
            double y = data.label(i);
            double[] star = L2Attack.worstCase(c.w(), y, c.eps2());
            worst.radiusError = Math.max(worst.radiusError, Math.abs(Vectors.norm(star) - c.eps2()) / c.eps2());
            double best = InnerPgd.objective(x, y, c.w(), star);
            double slack = Tolerances.ROUNDING * Math.max(1.0, best);
            double pgd = !InnerPgd.gradientRepresentable(x, c.w(), c.eps2()) ? best
                    : InnerPgd.objective(x, y, c.w(), InnerPgd.run(InnerPgd.inputGradient(x, y, c.w()), c.eps2(),
                    Problems.randomPoint(random, x.length, c.eps2()), c.eps2(), InnerPgd.STEPS,
                    InnerPgd.Step.NORMALISED));
            double excess = pgd - best;
            for (int k = 0; k < RANDOM_SEARCH_POINTS; k++) {
                excess = Math.max(excess, InnerPgd.objective(x, y, c.w(),
                        Problems.randomPoint(random, x.length, c.eps2())) - best);
            }
            worst.relativeGain = Math.max(worst.relativeGain, excess / Math.max(1.0, best));
            if (excess > slack) {
                return String.format(Locale.ROOT, "sample %d: a point of the ball beats eta* by %.3e", i, excess);
            }
        }
        return null;
    }

    /** The largest values over the run's problems. */
    private static final class Worst {
        /** Largest gain of PGD or the random search over eta*, relative to max(1, phi(eta*)). */
        private double relativeGain = Double.NEGATIVE_INFINITY;
        /** Largest | ||eta*|| - eps | / eps. */
        private double radiusError;
    }
}
