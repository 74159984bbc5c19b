package org.advsharp.checks.attack;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.advsharp.checks.problems.AdversarialCase;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.property.PropertyReport;
import org.advsharp.property.PropertyRunner;
import org.advsharp.data.Dataset;
import org.advsharp.numerics.EjmlSymmetricEigenSolver;
import org.advsharp.numerics.SymmetricEigenSolver;
import org.advsharp.numerics.Tolerances;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.oracle.L2Attack;
import org.advsharp.check.FunctionalCheck;
import org.ejml.data.DMatrixRMaj;
import org.advsharp.checks.problems.Problems;
import org.advsharp.checks.problems.PropertyEvidence;

/**
 * Checks of lem:worst-case-l2, lem:closed-form-loss, prop:pgd-reaches-worst-case and lem:convex: the
 * closed-form attack beats every point of a random search of the ball and PGD, PGD converges to it, the
 * closed-form loss equals the loss at the attacked inputs, and the loss is convex.
 */
public final class AttackChecks {
    private static final int DEFAULT_TRIES = 200;
    /** Random points of the ball tried per sample in the random search. */
    private static final int RANDOM_SEARCH_POINTS = 64;
    /** PGD from a random start: alpha = eps, enough steps for the angle to the optimum to reach rounding. */
    private static final int PGD_STEPS = 80;

    private AttackChecks() {
    }

    public static List<Check> checks() {
        return List.of(
                new FunctionalCheck("attack-beats-random-search-and-pgd", "lem:worst-case-l2",
                        "the closed-form L2 attack is at least as strong as a random search of the ball and PGD",
                        AttackChecks::attackIsOptimal),
                new FunctionalCheck("pgd-converges-to-closed-form", "prop:pgd-reaches-worst-case",
                        "PGD with L2 projection converges to -eps y w_hat; one normalised step from 0 reaches it",
                        AttackChecks::pgdConverges),
                new FunctionalCheck("closed-form-loss-equals-attacked-loss", "lem:closed-form-loss",
                        "L_eps(w) equals the mean clean loss at the PGD-attacked inputs",
                        AttackChecks::closedFormLoss),
                new FunctionalCheck("loss-is-convex", "lem:convex",
                        "midpoint convexity on random segments and a PSD Hessian",
                        AttackChecks::convexity));
    }

    private static boolean usable(AdversarialCase c) {
        return c.eps2() > 0 && Vectors.norm(c.w()) > 0;
    }

    private static String attackIsOptimal(CheckContext context, Evidence evidence) {
        SplittableRandom random = new SplittableRandom(context.seedFor("attack-random-points"));
        double[] worst = {Double.NEGATIVE_INFINITY, 0.0};
        PropertyReport<AdversarialCase> report = PropertyRunner.check(
                "no point of the ball beats the closed-form attack", Problems.anyRegime(), (c, labels) -> {
                    if (!usable(c)) {
                        labels.label("skipped: eps = 0 or w = 0");
                        return null;
                    }
                    Dataset data = c.data();
                    for (int i = 0; i < data.size(); i++) {
                        double[] x = data.row(i);
                        double y = data.label(i);
                        double[] star = L2Attack.worstCase(c.w(), y, c.eps2());
                        worst[1] = Math.max(worst[1], Math.abs(Vectors.norm(star) - c.eps2()) / c.eps2());
                        double best = InnerPgd.objective(x, y, c.w(), star);
                        double slack = Tolerances.ROUNDING * Math.max(1.0, best);
                        double pgd = InnerPgd.objective(x, y, c.w(),
                                InnerPgd.run(x, y, c.w(), c.eps2(), Problems.randomPoint(random, x.length, c.eps2()),
                                        c.eps2(), PGD_STEPS));
                        double excess = pgd - best;
                        for (int k = 0; k < RANDOM_SEARCH_POINTS; k++) {
                            excess = Math.max(excess, InnerPgd.objective(x, y, c.w(),
                                    Problems.randomPoint(random, x.length, c.eps2())) - best);
                        }
                        worst[0] = Math.max(worst[0], excess / Math.max(1.0, best));
                        if (excess > slack) {
                            return String.format(Locale.ROOT, "sample %d: a point of the ball beats eta* by %.3e", i, excess);
                        }
                    }
                    return null;
                }, Problems.config(context, "attack-beats-random-search-and-pgd", DEFAULT_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, Problems::paste);
        evidence.measure(Measurement.atMost("largest gain of random search or PGD over eta* (relative)",
                worst[0], Tolerances.ROUNDING, "Tolerances.ROUNDING"));
        evidence.measure(Measurement.atMost("largest | ||eta*|| - eps | / eps", worst[1], Tolerances.ROUNDING,
                "Tolerances.ROUNDING"));
        return String.format(Locale.ROOT, "On %d random problems, %d random points per sample and PGD never beat "
                + "the closed-form attack (largest relative gain %.2e, i.e. none beyond rounding).",
                report.tries(), RANDOM_SEARCH_POINTS, worst[0]);
    }

    private static String pgdConverges(CheckContext context, Evidence evidence) {
        SplittableRandom random = new SplittableRandom(context.seedFor("pgd-starts"));
        double[] worst = new double[2];
        PropertyReport<AdversarialCase> report = PropertyRunner.check(
                "PGD reaches eta* from random starts", Problems.anyRegime(), (c, labels) -> {
                    if (!usable(c)) {
                        labels.label("skipped: eps = 0 or w = 0");
                        return null;
                    }
                    for (int i = 0; i < c.data().size(); i++) {
                        double[] x = c.data().row(i);
                        double y = c.data().label(i);
                        double[] star = L2Attack.worstCase(c.w(), y, c.eps2());
                        double[] pgd = InnerPgd.run(x, y, c.w(), c.eps2(), Problems.randomPoint(random, x.length, c.eps2()),
                                c.eps2(), PGD_STEPS);
                        double[] oneStep = InnerPgd.run(x, y, c.w(), c.eps2(), new double[x.length], c.eps2(), 1);
                        double pgdError = distance(pgd, star) / c.eps2();
                        double oneStepError = distance(oneStep, star) / c.eps2();
                        worst[0] = Math.max(worst[0], pgdError);
                        worst[1] = Math.max(worst[1], oneStepError);
                        if (pgdError > Tolerances.PGD_CONVERGENCE || oneStepError > Tolerances.ROUNDING) {
                            return String.format(Locale.ROOT, "sample %d: PGD error %.3e, one-step error %.3e",
                                    i, pgdError, oneStepError);
                        }
                    }
                    return null;
                }, Problems.config(context, "pgd-converges-to-closed-form", DEFAULT_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, Problems::paste);
        evidence.measure(Measurement.atMost("largest ||eta_PGD - eta*|| / eps after " + PGD_STEPS + " steps",
                worst[0], Tolerances.PGD_CONVERGENCE, "Tolerances.PGD_CONVERGENCE"));
        evidence.measure(Measurement.atMost("largest ||eta_1 - eta*|| / eps after one normalised step from 0",
                worst[1], Tolerances.ROUNDING, "Tolerances.ROUNDING"));
        return String.format(Locale.ROOT, "PGD from random starts ended within %.1e eps of eta* on %d problems; one "
                + "normalised step from 0 landed within %.1e eps.", worst[0], report.tries(), worst[1]);
    }

    private static String closedFormLoss(CheckContext context, Evidence evidence) {
        SplittableRandom random = new SplittableRandom(context.seedFor("closed-form-loss-starts"));
        double[] worst = new double[1];
        PropertyReport<AdversarialCase> report = PropertyRunner.check(
                "L_eps(w) = mean loss at the PGD-attacked inputs", Problems.anyRegime(), (c, labels) -> {
                    if (!usable(c)) {
                        labels.label("skipped: eps = 0 or w = 0");
                        return null;
                    }
                    double sum = 0.0;
                    for (int i = 0; i < c.data().size(); i++) {
                        double[] x = c.data().row(i);
                        double y = c.data().label(i);
                        sum += InnerPgd.objective(x, y, c.w(), InnerPgd.run(x, y, c.w(), c.eps2(),
                                Problems.randomPoint(random, x.length, c.eps2()), c.eps2(), PGD_STEPS));
                    }
                    double attacked = sum / c.data().size();
                    double closed = new AdversarialLoss(c.data(), c.eps2()).value(c.w());
                    double error = Math.abs(attacked - closed) / Math.max(1.0, closed);
                    worst[0] = Math.max(worst[0], error);
                    return error > Tolerances.PGD_CONVERGENCE
                            ? String.format(Locale.ROOT, "closed form %.17g vs attacked %.17g", closed, attacked) : null;
                }, Problems.config(context, "closed-form-loss-equals-attacked-loss", DEFAULT_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, Problems::paste);
        evidence.measure(Measurement.atMost("largest |L_eps(w) - mean loss at PGD inputs| / max(1, L_eps)",
                worst[0], Tolerances.PGD_CONVERGENCE, "Tolerances.PGD_CONVERGENCE"));
        return String.format(Locale.ROOT, "The closed-form loss matched the PGD-attacked loss to %.1e on %d problems.",
                worst[0], report.tries());
    }

    private static String convexity(CheckContext context, Evidence evidence) {
        SplittableRandom random = new SplittableRandom(context.seedFor("convexity-segments"));
        SymmetricEigenSolver solver = new EjmlSymmetricEigenSolver();
        double[] worst = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        PropertyReport<AdversarialCase> report = PropertyRunner.check(
                "L_eps is convex", Problems.anyRegime(), (c, labels) -> {
                    AdversarialLoss loss = new AdversarialLoss(c.data(), c.eps2());
                    double[] w1 = c.w();
                    double[] w2 = Problems.randomPoint(random, w1.length, 1.0 + Vectors.norm(w1));
                    double t = random.nextDouble();
                    double[] mid = new double[w1.length];
                    for (int j = 0; j < mid.length; j++) {
                        mid[j] = t * w1[j] + (1 - t) * w2[j];
                    }
                    double chord = t * loss.value(w1) + (1 - t) * loss.value(w2);
                    double gap = (loss.value(mid) - chord) / Math.max(1.0, chord);
                    worst[0] = Math.max(worst[0], gap);
                    if (gap > Tolerances.ROUNDING) {
                        return String.format(Locale.ROOT, "L(mid) exceeds the chord by %.3e (relative)", gap);
                    }
                    if (Vectors.norm(w1) > 0) {
                        DMatrixRMaj h = loss.hessian(w1).full();
                        double[] eig = solver.decompose(h).eigenvalues();
                        double scale = Math.max(Math.abs(eig[0]), Double.MIN_NORMAL);
                        double smallest = eig[eig.length - 1] / scale;
                        worst[1] = Math.min(worst[1], smallest);
                        if (smallest < -Tolerances.EIGEN_SOLVER_AGREEMENT) {
                            return String.format(Locale.ROOT, "lambda_min(H) = %.3e", eig[eig.length - 1]);
                        }
                    }
                    return null;
                }, Problems.config(context, "loss-is-convex", DEFAULT_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, Problems::paste);
        evidence.measure(Measurement.atMost("largest (L(mid) - chord) / max(1, chord)", worst[0],
                Tolerances.ROUNDING, "Tolerances.ROUNDING"));
        evidence.measure(Measurement.atLeast("smallest lambda_min(H) / lambda_max(H)", worst[1],
                -Tolerances.EIGEN_SOLVER_AGREEMENT, "-Tolerances.EIGEN_SOLVER_AGREEMENT"));
        return String.format(Locale.ROOT, "On %d random segments the loss never rose above its chord beyond rounding "
                + "(largest relative excess %.1e); the smallest normalised Hessian eigenvalue was %.1e.",
                report.tries(), worst[0], worst[1]);
    }

    static double distance(double[] a, double[] b) {
        double s = 0.0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return Math.sqrt(s);
    }
}
