package org.advsharp.checks.attack;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.checks.CheckTolerances;
import org.advsharp.checks.problems.AdversarialCase;
import org.advsharp.checks.problems.Problems;
import org.advsharp.checks.problems.PropertyEvidence;
import org.advsharp.checks.problems.SeededCase;
import org.advsharp.numerics.FiniteDifferences;
import org.advsharp.numerics.Tolerances;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.L2Attack;
import org.advsharp.property.Labels;
import org.advsharp.property.PropertyReport;
import org.advsharp.property.PropertyRunner;

/**
 * prop:pgd-reaches-worst-case: PGD ascending the loss gradient in the input (the gradient itself checked against
 * central finite differences), with L2 projection, (i) with normalised steps from 0 follows min(k alpha, eps) u,
 * (ii) with normalised steps from random starts converges to -eps y w_hat, (iii) so does it with unnormalised
 * steps; the distance to the optimum never grows. Samples whose loss gradient underflows somewhere in the ball
 * are skipped and counted; a run that attacked too few samples tested nothing.
 */
final class PgdReachesWorstCase implements Check {
    private static final int DEFAULT_TRIES = 200;
    /** The least number of attacked samples (over all problems) the check needs: one per default problem. */
    static final int MIN_ATTACKED_SAMPLES = DEFAULT_TRIES;
    /** max |sigma''(z)| = 1/(6 sqrt 3): bounds the third derivative of phi along a coordinate by |w_j|^3 times it. */
    private static final double SIGMOID_SECOND_DERIVATIVE_MAX = 1 / (6 * Math.sqrt(3));

    /** Which samples PGD can attack in doubles (the seam through which a test makes every sample skipped). */
    interface Attackable {
        boolean test(double[] x, double[] w, double eps);
    }

    private final Attackable attackable;

    /** The check as registered: a sample is attackable where its loss gradient is representable. */
    PgdReachesWorstCase() {
        this(InnerPgd::gradientRepresentable);
    }

    PgdReachesWorstCase(Attackable attackable) {
        this.attackable = attackable;
    }

    @Override
    public String id() {
        return "pgd-converges-to-closed-form";
    }

    @Override
    public String claimId() {
        return "prop:pgd-reaches-worst-case";
    }

    @Override
    public String title() {
        return "PGD ascending the loss gradient in the input (checked against finite differences), L2 "
                + "projection: (i) normalised steps from 0 follow min(k alpha, eps) u, (ii) from random "
                + "starts they converge to -eps y w_hat, (iii) so do unnormalised steps; distances to "
                + "the optimum never grow";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        Worst worst = new Worst();
        PropertyReport<SeededCase> report = PropertyRunner.check(
                "PGD on the loss gradient reaches eta* (prop:pgd-reaches-worst-case (i)-(iii))",
                SeededCase.of(Problems.anyRegime()), (sc, labels) -> trial(sc, labels, worst),
                Problems.config(context, DEFAULT_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, SeededCase::pasteable);
        evidence.fact("samples attacked", worst.samples);
        evidence.cases(worst.samples, MIN_ATTACKED_SAMPLES);
        evidence.measure(Measurement.atMost("largest |grad phi - central differences| per component / its error budget",
                worst.gradientError, 1.0,
                "budget h^2 |w_j|^3 max|sigma''| / 6 + (8 ulp(phi) + 4 d ulp(sum |w||x + eta|)) / h"));
        evidence.measure(Measurement.atMost(
                "(i) largest ||eta_k - min(k alpha, eps) u|| / eps, normalised steps from 0",
                worst.pathError, CheckTolerances.ROUNDING));
        evidence.measure(Measurement.atMost("(ii) largest ||eta_PGD - eta*|| / eps after " + InnerPgd.STEPS
                + " normalised steps from a random start", worst.normalisedError, CheckTolerances.PGD_CONVERGENCE));
        evidence.measure(Measurement.atMost("(iii) largest ||eta_PGD - eta*|| / eps after " + InnerPgd.STEPS
                + " unnormalised steps from a random start", worst.unnormalisedError, CheckTolerances.PGD_CONVERGENCE));
        evidence.measure(Measurement.atMost("largest growth of ||eta_k - eta*|| / eps from one step to the next",
                worst.distanceGrowth, Tolerances.ROUNDING, "Tolerances.ROUNDING: the proof's Fejer monotonicity"));
        evidence.measure(Measurement.atMost("largest (phi(eta*) - phi(eta_PGD)) / max(1, phi(eta*)), unnormalised",
                worst.lossShortfall, CheckTolerances.PGD_CONVERGENCE));
        return String.format(Locale.ROOT, "On %d problems (%d samples) PGD ascending the loss gradient (which matched "
                + "central differences to %.2f of their error budget) followed min(k alpha, eps) u from 0 to %.1e eps, "
                + "and from random starts ended within %.1e eps (normalised) and %.1e eps (unnormalised) of eta*; "
                + "no step moved away from it.",
                report.tries(), worst.samples, worst.gradientError, worst.pathError, worst.normalisedError,
                worst.unnormalisedError);
    }

    /** One problem: (i)-(iii) on every attackable sample; the failure, or null. */
    private String trial(SeededCase sc, Labels labels, Worst worst) {
        AdversarialCase c = sc.problem();
        SplittableRandom random = sc.random();
        if (!InnerPgd.hasAttack(c.w(), c.eps2())) {
            labels.label(InnerPgd.NOTHING_TO_ATTACK);
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
            worst.samples++;
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
            worst.gradientError = Math.max(worst.gradientError, gradientError);
            // (i) normalised steps of length eps/3 from 0: eta_k = min(k eps/3, eps) u.
            double[][] path = InnerPgd.iterates(gradient, eps, new double[x.length], eps / 3, 4,
                    InnerPgd.Step.NORMALISED);
            double pathError = 0;
            for (int k = 0; k < path.length; k++) {
                double[] expected = L2Attack.worstCase(w, y, Math.min(k * eps / 3, eps));
                pathError = Math.max(pathError, distance(path[k], expected) / eps);
            }
            worst.pathError = Math.max(worst.pathError, pathError);
            // (ii) normalised steps of length eps from a random start.
            double[][] normalised = InnerPgd.iterates(gradient, eps, Problems.randomPoint(random, x.length,
                    eps), eps, InnerPgd.STEPS, InnerPgd.Step.NORMALISED);
            double normalisedError = distance(normalised[InnerPgd.STEPS], star) / eps;
            worst.normalisedError = Math.max(worst.normalisedError, normalisedError);
            // (iii) unnormalised steps eta + alpha grad phi from a random start, alpha such that the
            // smallest step alpha ||w|| sigma(-|w^T x| - eps ||w||) of the proof is 2 eps.
            double alpha = 2 * eps / (wn * smallestSigma);
            double[][] unnormalised = InnerPgd.iterates(gradient, eps, Problems.randomPoint(random,
                    x.length, eps), alpha, InnerPgd.STEPS, InnerPgd.Step.UNNORMALISED);
            double unnormalisedError = distance(unnormalised[InnerPgd.STEPS], star) / eps;
            worst.unnormalisedError = Math.max(worst.unnormalisedError, unnormalisedError);
            worst.distanceGrowth = Math.max(worst.distanceGrowth, Math.max(distanceGrowth(normalised, star),
                    distanceGrowth(unnormalised, star)) / eps);
            double best = InnerPgd.objective(x, y, w, star);
            worst.lossShortfall = Math.max(worst.lossShortfall,
                    (best - InnerPgd.objective(x, y, w, unnormalised[InnerPgd.STEPS])) / Math.max(1.0, best));
            if (gradientError > 1.0 || pathError > Tolerances.ROUNDING
                    || normalisedError > Tolerances.PGD_CONVERGENCE
                    || unnormalisedError > Tolerances.PGD_CONVERGENCE) {
                return String.format(Locale.ROOT, "sample %d: gradient vs finite differences %.3e, (i) path "
                        + "error %.3e, (ii) normalised PGD error %.3e, (iii) unnormalised PGD error %.3e", i,
                        gradientError, pathError, normalisedError, unnormalisedError);
            }
        }
        return null;
    }

    /** The largest increase of ||eta_k - star|| from one iterate to the next (0 when they never grow). */
    private static double distanceGrowth(double[][] iterates, double[] star) {
        double growth = 0;
        for (int k = 1; k < iterates.length; k++) {
            growth = Math.max(growth, distance(iterates[k], star) - distance(iterates[k - 1], star));
        }
        return growth;
    }

    /** ||a - b||. */
    private static double distance(double[] a, double[] b) {
        double s = 0.0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return Math.sqrt(s);
    }

    /** The run's count of attacked samples and its largest values over them. */
    private static final class Worst {
        private int samples;
        /** Largest |grad phi - central differences| per component over its error budget. */
        private double gradientError;
        /** (i) largest distance of the path from 0 to min(k alpha, eps) u, over eps. */
        private double pathError;
        /** (ii) largest distance to eta* after normalised steps from a random start, over eps. */
        private double normalisedError;
        /** (iii) the same after unnormalised steps. */
        private double unnormalisedError;
        /** Largest growth of the distance to eta* from one step to the next, over eps. */
        private double distanceGrowth;
        /** Largest (phi(eta*) - phi(eta_PGD)) / max(1, phi(eta*)) after unnormalised steps. */
        private double lossShortfall;
    }
}
