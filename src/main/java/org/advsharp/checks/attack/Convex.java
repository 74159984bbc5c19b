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
import org.advsharp.numerics.EjmlSymmetricEigenSolver;
import org.advsharp.numerics.SymmetricEigenSolver;
import org.advsharp.numerics.Tolerances;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.property.PropertyReport;
import org.advsharp.property.PropertyRunner;
import org.ejml.data.DMatrixRMaj;

/**
 * lem:convex: the adversarial loss is convex. On a random segment from the problem's w it never rises above its
 * chord beyond rounding, and its Hessian at w has no eigenvalue below -{@link Tolerances#EIGEN_SOLVER_AGREEMENT}
 * times its largest.
 */
final class Convex implements Check {
    private static final int DEFAULT_TRIES = 200;

    @Override
    public String id() {
        return "loss-is-convex";
    }

    @Override
    public String claimId() {
        return "lem:convex";
    }

    @Override
    public String title() {
        return "midpoint convexity on random segments and a PSD Hessian";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        SymmetricEigenSolver solver = new EjmlSymmetricEigenSolver();
        Worst worst = new Worst();
        PropertyReport<SeededCase> report = PropertyRunner.check("L_eps is convex", SeededCase.of(Problems.anyRegime()),
                (sc, labels) -> trial(sc, solver, worst), Problems.config(context, DEFAULT_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, SeededCase::pasteable);
        evidence.measure(Measurement.atMost("largest (L(mid) - chord) / max(1, chord)", worst.chordExcess,
                CheckTolerances.ROUNDING));
        evidence.measure(Measurement.atLeast("smallest lambda_min(H) / lambda_max(H)", worst.smallestEigenvalue,
                -Tolerances.EIGEN_SOLVER_AGREEMENT, "-Tolerances.EIGEN_SOLVER_AGREEMENT"));
        return String.format(Locale.ROOT, "On %d random segments the loss never rose above its chord beyond rounding "
                + "(largest relative excess %.1e); the smallest normalised Hessian eigenvalue was %.1e.",
                report.tries(), worst.chordExcess, worst.smallestEigenvalue);
    }

    /** One problem: the chord from w to a random point, then the Hessian's spectrum at w; the failure, or null. */
    private static String trial(SeededCase sc, SymmetricEigenSolver solver, Worst worst) {
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
        worst.chordExcess = Math.max(worst.chordExcess, gap);
        if (gap > Tolerances.ROUNDING) {
            return String.format(Locale.ROOT, "L(mid) exceeds the chord by %.3e (relative)", gap);
        }
        if (Vectors.norm(w1) > 0) {
            DMatrixRMaj h = loss.hessian(w1).full();
            double[] eig = solver.decompose(h).eigenvalues();
            double scale = Math.max(Math.abs(eig[0]), Double.MIN_NORMAL);
            double smallest = eig[eig.length - 1] / scale;
            worst.smallestEigenvalue = Math.min(worst.smallestEigenvalue, smallest);
            if (smallest < -Tolerances.EIGEN_SOLVER_AGREEMENT) {
                return String.format(Locale.ROOT, "lambda_min(H) = %.3e", eig[eig.length - 1]);
            }
        }
        return null;
    }

    /** The extremes over the run's problems. */
    private static final class Worst {
        /** Largest (L(mid) - chord) / max(1, chord). */
        private double chordExcess = Double.NEGATIVE_INFINITY;
        /** Smallest lambda_min(H) / lambda_max(H). */
        private double smallestEigenvalue = Double.POSITIVE_INFINITY;
    }
}
