package org.advsharp.checks.attack;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.FunctionalCheck;
import org.advsharp.check.Measurement;
import org.advsharp.checks.CheckTolerances;
import org.advsharp.checks.problems.AdversarialCase;
import org.advsharp.checks.problems.Problems;
import org.advsharp.checks.problems.PropertyEvidence;
import org.advsharp.checks.problems.SeededCase;
import org.advsharp.data.Dataset;
import org.advsharp.numerics.EjmlSymmetricEigenSolver;
import org.advsharp.numerics.FiniteDifferences;
import org.advsharp.numerics.SymmetricEigenSolver;
import org.advsharp.numerics.Tolerances;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.oracle.L2Attack;
import org.advsharp.property.PropertyReport;
import org.advsharp.property.PropertyRunner;
import org.ejml.data.DMatrixRMaj;

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
    /** max |sigma''(z)| = 1/(6 sqrt 3): bounds the third derivative of phi along a coordinate by |w_j|^3 times it. */
    private static final double SIGMOID_SECOND_DERIVATIVE_MAX = 1 / (6 * Math.sqrt(3));

    private AttackChecks() {
    }

    public static List<Check> checks() {
        return List.of(
                new FunctionalCheck("attack-beats-random-search-and-pgd", "lem:worst-case-l2",
                        "the closed-form L2 attack is at least as strong as a random search of the ball and PGD",
                        AttackChecks::attackIsOptimal),
                new FunctionalCheck("pgd-converges-to-closed-form", "prop:pgd-reaches-worst-case",
                        "PGD ascending the loss gradient in the input (checked against finite differences), L2 "
                                + "projection: (i) normalised steps from 0 follow min(k alpha, eps) u, (ii) from random "
                                + "starts they converge to -eps y w_hat, (iii) so do unnormalised steps; distances to "
                                + "the optimum never grow",
                        (context, evidence) -> pgdConverges(context, evidence, InnerPgd::gradientRepresentable)),
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
        double[] worst = {Double.NEGATIVE_INFINITY, 0.0};
        PropertyReport<SeededCase> report = PropertyRunner.check(
                "no point of the ball beats the closed-form attack", SeededCase.of(Problems.anyRegime()), (sc, labels) -> {
                    AdversarialCase c = sc.problem();
                    SplittableRandom random = sc.random();
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
                        double pgd = !InnerPgd.gradientRepresentable(x, c.w(), c.eps2()) ? best
                                : InnerPgd.objective(x, y, c.w(),
                                InnerPgd.run(InnerPgd.inputGradient(x, y, c.w()), c.eps2(),
                                        Problems.randomPoint(random, x.length, c.eps2()), c.eps2(), PGD_STEPS,
                                        InnerPgd.Step.NORMALISED));
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
                }, Problems.config(context, DEFAULT_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, SeededCase::pasteable);
        evidence.floor(PropertyEvidence.floorFor(DEFAULT_TRIES));
        evidence.measure(Measurement.atMost("largest gain of random search or PGD over eta* (relative)",
                worst[0], CheckTolerances.ROUNDING));
        evidence.measure(Measurement.atMost("largest | ||eta*|| - eps | / eps", worst[1], CheckTolerances.ROUNDING));
        return String.format(Locale.ROOT, "On %d random problems, %d random points per sample and PGD never beat "
                + "the closed-form attack (largest relative gain %.2e, i.e. none beyond rounding).",
                report.tries(), RANDOM_SEARCH_POINTS, worst[0]);
    }

    /** Which samples PGD can attack in doubles (the seam through which a test makes every sample skipped). */
    interface Attackable {
        boolean test(double[] x, double[] w, double eps);
    }

    /** The least number of attacked samples (over all problems) the PGD check needs: one per default problem. */
    static final int MIN_ATTACKED_SAMPLES = DEFAULT_TRIES;

    static String pgdConverges(CheckContext context, Evidence evidence, Attackable attackable) {
        // worst: gradient vs finite differences, (i) path error, (ii) normalised error, (iii) unnormalised
        // error, growth of the distance to eta* along any run, loss shortfall at the end
        double[] worst = new double[6];
        int[] samples = new int[1];
        PropertyReport<SeededCase> report = PropertyRunner.check(
                "PGD on the loss gradient reaches eta* (prop:pgd-reaches-worst-case (i)-(iii))", SeededCase.of(Problems.anyRegime()), (sc, labels) -> {
                    AdversarialCase c = sc.problem();
                    SplittableRandom random = sc.random();
                    if (!usable(c)) {
                        labels.label("skipped: eps = 0 or w = 0");
                        return null;
                    }
                    double eps = c.eps2();
                    for (int i = 0; i < c.data().size(); i++) {
                        double[] x = c.data().row(i);
                        double y = c.data().label(i);
                        double[] w = c.w();
                        UnaryOperator<double[]> gradient = InnerPgd.inputGradient(x, y, w);
                        double[] star = L2Attack.worstCase(w, y, eps);
                        double wn = Vectors.norm(w);
                        double smallestSigma = InnerPgd.smallestSigma(x, w, eps);
                        if (!attackable.test(x, w, eps)) {
                            // sigma(-m) underflows on part of the ball: the loss gradient is 0 there in doubles
                            // and PGD cannot move; the proposition assumes exact arithmetic.
                            labels.label("sample with |w^T x| + eps ||w|| > 700: gradient underflows (skipped)");
                            continue;
                        }
                        samples[0]++;
                        // The gradient PGD ascends is the loss gradient: against central differences of phi,
                        // component by component within their error budget.
                        double[] at = Problems.randomPoint(random, x.length, eps);
                        double[] fd = FiniteDifferences.gradient(eta -> InnerPgd.objective(x, y, w, eta), at);
                        double[] g = gradient.apply(at);
                        double gradientError = 0;
                        double value = InnerPgd.objective(x, y, w, at);
                        double reach = 0;
                        for (int j = 0; j < x.length; j++) {
                            reach += Math.abs(w[j]) * (Math.abs(x[j]) + Math.abs(at[j]));
                        }
                        for (int j = 0; j < x.length; j++) {
                            double h = FiniteDifferences.FIRST_ORDER_STEP * Math.max(1.0, Math.abs(at[j]));
                            double w3 = Math.abs(w[j]) * w[j] * w[j];
                            double budget = h * h * w3 * SIGMOID_SECOND_DERIVATIVE_MAX / 6
                                    + (8 * Math.ulp(value) + 4 * x.length * Math.ulp(reach)) / h;
                            gradientError = Math.max(gradientError, Math.abs(g[j] - fd[j]) / budget);
                        }
                        worst[0] = Math.max(worst[0], gradientError);
                        // (i) normalised steps of length eps/3 from 0: eta_k = min(k eps/3, eps) u.
                        double[][] path = InnerPgd.iterates(gradient, eps, new double[x.length], eps / 3, 4,
                                InnerPgd.Step.NORMALISED);
                        double pathError = 0;
                        for (int k = 0; k < path.length; k++) {
                            double[] expected = L2Attack.worstCase(w, y, Math.min(k * eps / 3, eps));
                            pathError = Math.max(pathError, distance(path[k], expected) / eps);
                        }
                        worst[1] = Math.max(worst[1], pathError);
                        // (ii) normalised steps of length eps from a random start.
                        double[][] normalised = InnerPgd.iterates(gradient, eps, Problems.randomPoint(random, x.length,
                                eps), eps, PGD_STEPS, InnerPgd.Step.NORMALISED);
                        double normalisedError = distance(normalised[PGD_STEPS], star) / eps;
                        worst[2] = Math.max(worst[2], normalisedError);
                        // (iii) unnormalised steps eta + alpha grad phi from a random start, alpha such that the
                        // smallest step alpha ||w|| sigma(-|w^T x| - eps ||w||) of the proof is 2 eps.
                        double alpha = 2 * eps / (wn * smallestSigma);
                        double[][] unnormalised = InnerPgd.iterates(gradient, eps, Problems.randomPoint(random,
                                x.length, eps), alpha, PGD_STEPS, InnerPgd.Step.UNNORMALISED);
                        double unnormalisedError = distance(unnormalised[PGD_STEPS], star) / eps;
                        worst[3] = Math.max(worst[3], unnormalisedError);
                        worst[4] = Math.max(worst[4], Math.max(distanceGrowth(normalised, star),
                                distanceGrowth(unnormalised, star)) / eps);
                        double best = InnerPgd.objective(x, y, w, star);
                        worst[5] = Math.max(worst[5], (best - InnerPgd.objective(x, y, w, unnormalised[PGD_STEPS]))
                                / Math.max(1.0, best));
                        if (gradientError > 1.0 || pathError > Tolerances.ROUNDING
                                || normalisedError > Tolerances.PGD_CONVERGENCE
                                || unnormalisedError > Tolerances.PGD_CONVERGENCE) {
                            return String.format(Locale.ROOT, "sample %d: gradient vs finite differences %.3e, (i) path "
                                    + "error %.3e, (ii) normalised PGD error %.3e, (iii) unnormalised PGD error %.3e", i,
                                    gradientError, pathError, normalisedError, unnormalisedError);
                        }
                    }
                    return null;
                }, Problems.config(context, DEFAULT_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, SeededCase::pasteable);
        evidence.fact("samples attacked", samples[0]);
        evidence.cases(samples[0], MIN_ATTACKED_SAMPLES);
        evidence.measure(Measurement.atMost("largest |grad phi - central differences| per component / its error budget",
                worst[0], 1.0, "budget h^2 |w_j|^3 max|sigma''| / 6 + (8 ulp(phi) + 4 d ulp(sum |w||x + eta|)) / h"));
        evidence.measure(Measurement.atMost("(i) largest ||eta_k - min(k alpha, eps) u|| / eps, normalised steps from 0",
                worst[1], CheckTolerances.ROUNDING));
        evidence.measure(Measurement.atMost("(ii) largest ||eta_PGD - eta*|| / eps after " + PGD_STEPS
                + " normalised steps from a random start", worst[2], CheckTolerances.PGD_CONVERGENCE));
        evidence.measure(Measurement.atMost("(iii) largest ||eta_PGD - eta*|| / eps after " + PGD_STEPS
                + " unnormalised steps from a random start", worst[3], CheckTolerances.PGD_CONVERGENCE));
        evidence.measure(Measurement.atMost("largest growth of ||eta_k - eta*|| / eps from one step to the next",
                worst[4], Tolerances.ROUNDING, "Tolerances.ROUNDING: the proof's Fejer monotonicity"));
        evidence.measure(Measurement.atMost("largest (phi(eta*) - phi(eta_PGD)) / max(1, phi(eta*)), unnormalised",
                worst[5], CheckTolerances.PGD_CONVERGENCE));
        return String.format(Locale.ROOT, "On %d problems (%d samples) PGD ascending the loss gradient (which matched "
                + "central differences to %.2f of their error budget) followed min(k alpha, eps) u from 0 to %.1e eps, and from random starts "
                + "ended within %.1e eps (normalised) and %.1e eps (unnormalised) of eta*; no step moved away from it.",
                report.tries(), samples[0], worst[0], worst[1], worst[2], worst[3]);
    }

    /** The largest increase of ||eta_k - star|| from one iterate to the next (0 when they never grow). */
    private static double distanceGrowth(double[][] iterates, double[] star) {
        double growth = 0;
        for (int k = 1; k < iterates.length; k++) {
            growth = Math.max(growth, distance(iterates[k], star) - distance(iterates[k - 1], star));
        }
        return growth;
    }

    private static String closedFormLoss(CheckContext context, Evidence evidence) {
        double[] worst = new double[1];
        PropertyReport<SeededCase> report = PropertyRunner.check(
                "L_eps(w) = mean loss at the PGD-attacked inputs", SeededCase.of(Problems.anyRegime()), (sc, labels) -> {
                    AdversarialCase c = sc.problem();
                    SplittableRandom random = sc.random();
                    if (!usable(c)) {
                        labels.label("skipped: eps = 0 or w = 0");
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
                                c.eps2(), Problems.randomPoint(random, x.length, c.eps2()), c.eps2(), PGD_STEPS,
                                InnerPgd.Step.NORMALISED));
                    }
                    double attacked = sum / c.data().size();
                    double closed = new AdversarialLoss(c.data(), c.eps2()).value(c.w());
                    double error = Math.abs(attacked - closed) / Math.max(1.0, closed);
                    worst[0] = Math.max(worst[0], error);
                    return error > Tolerances.PGD_CONVERGENCE
                            ? String.format(Locale.ROOT, "closed form %.17g vs attacked %.17g", closed, attacked) : null;
                }, Problems.config(context, DEFAULT_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, SeededCase::pasteable);
        evidence.floor(PropertyEvidence.floorFor(DEFAULT_TRIES));
        evidence.measure(Measurement.atMost("largest |L_eps(w) - mean loss at PGD inputs| / max(1, L_eps)",
                worst[0], CheckTolerances.PGD_CONVERGENCE));
        return String.format(Locale.ROOT, "The closed-form loss matched the PGD-attacked loss to %.1e on %d problems.",
                worst[0], report.tries());
    }

    private static String convexity(CheckContext context, Evidence evidence) {
        SymmetricEigenSolver solver = new EjmlSymmetricEigenSolver();
        double[] worst = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        PropertyReport<SeededCase> report = PropertyRunner.check(
                "L_eps is convex", SeededCase.of(Problems.anyRegime()), (sc, labels) -> {
                    AdversarialCase c = sc.problem();
                    SplittableRandom random = sc.random();
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
                }, Problems.config(context, DEFAULT_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, SeededCase::pasteable);
        evidence.measure(Measurement.atMost("largest (L(mid) - chord) / max(1, chord)", worst[0],
                CheckTolerances.ROUNDING));
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
