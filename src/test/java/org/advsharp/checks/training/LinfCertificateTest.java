package org.advsharp.checks.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.advsharp.data.Dataset;
import org.advsharp.data.GaussianMixture;
import org.advsharp.training.Ball;
import org.advsharp.training.LinfKernel;
import org.advsharp.training.OrthantNewtonTrainer;
import org.advsharp.training.TrainingResult;
import org.junit.jupiter.api.Test;

/**
 * The Linf KKT certificate recomputed from the oracle: certified minimisers pass, and a point that holds a
 * coordinate at 0 just past the kink |a_j| = b (a few per cent of b, where a kink rule moved by 5 % would
 * still call it certified) fails.
 */
class LinfCertificateTest {
    private static final double LAMBDA = 1e-2;
    /** The weak feature: small enough that it leaves the face well inside (0, eps_c). */
    private static final double WEAK = 0.15;
    /** How far from the radius where the weak coordinate reaches 0 the two test radii lie (relative). */
    private static final double OFFSET = 0.01;
    /** A kink rule moved by this fraction of b (a_j +- 1.05 b) is the breakage the certificate must catch. */
    private static final double MOVED_KINK = 0.05;

    private static final Dataset DATA = GaussianMixture.alongDirection(9, 400,
            new double[] {1, 1, 1, WEAK, 0, 0}, 1.5, 1.0);

    /** Rounding of a_j and b summed in two orders over N = 400 rows of O(1) numbers (a few 1e-16 each). */
    private static final double ROUNDING = 1e-12;

    private static TrainingResult train(Dataset data, double eps) {
        TrainingResult r = new OrthantNewtonTrainer().train(new LinfKernel(data, eps, LAMBDA, 1),
                new double[data.dimension()]);
        assertTrue(r.converged(), r.stopReason());
        return r;
    }

    /** The radius (to relative 1e-6) where w*_3, the weak coordinate, reaches 0. */
    private static double weakLeavesTheFace() {
        double low = 0;
        double high = Ball.LINF.criticalRadius(DATA);
        assertTrue(train(DATA, 0.05 * high).w()[3] != 0, "the weak feature is in the face at small eps");
        assertTrue(train(DATA, 0.9 * high).w()[3] == 0, "the weak feature is at 0 near eps_c");
        while (high - low > 1e-6 * high) {
            double mid = 0.5 * (low + high);
            if (train(DATA, mid).w()[3] != 0) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return high;
    }

    @Test
    void certifiedMinimiserWithAZeroCoordinateNearTheKinkPasses() {
        double eps = weakLeavesTheFace() * (1 + OFFSET);
        double[] w = train(DATA, eps).w();
        LinfCertificate c = LinfCertificate.at(DATA, eps, LAMBDA, w);
        assertTrue(w[3] == 0, "w*_3 is at 0 just past the radius where it leaves the face");
        assertTrue(c.certified(), c.toString());
        assertTrue(c.relativeSlack() >= 0 && c.relativeSlack() < MOVED_KINK,
                "the case is near the kink |a_j| = b: relative slack " + c.relativeSlack());
    }

    @Test
    void aCoordinateHeldAtZeroJustBeforeItMayBeIsNotAMinimiser() {
        double eps = weakLeavesTheFace() * (1 - OFFSET);
        // the minimiser with w_3 held at 0: train without the weak feature, then put it back at 0
        double[][] rows = DATA.rows();
        for (double[] row : rows) {
            row[3] = 0;
        }
        double[] held = train(Dataset.of(rows, DATA.labels()), eps).w();
        assertTrue(held[3] == 0, "held at 0");
        LinfCertificate c = LinfCertificate.at(DATA, eps, LAMBDA, held);
        assertFalse(c.certified(), "w_3 = 0 is not optimal before the weak feature leaves the face: " + c);
        assertTrue(c.smallestSlack() < -LinfCertificate.TOLERANCE, c.toString());
        assertTrue(c.relativeSlack() > -MOVED_KINK, "a kink rule moved by 5 % would have accepted this point: "
                + "relative slack " + c.relativeSlack());
        assertTrue(c.faceResidual() <= LinfCertificate.TOLERANCE, "stationary on its face: " + c);
    }

    @Test
    void trainedPointsAlongTheRadiiAreCertified() {
        double critical = Ball.LINF.criticalRadius(DATA);
        for (double r : new double[] {0.0, 0.2, 0.5, 0.8}) {
            double[] w = train(DATA, r * critical).w();
            LinfCertificate c = LinfCertificate.at(DATA, r * critical, LAMBDA, w);
            assertTrue(c.certified(), "at eps/eps_c = " + r + ": " + c);
        }
    }

    /**
     * Off the optimum, every field against the kernel's own least subgradient (the trainer's code, summed in
     * another order): dist(0, dF(w)) is its norm, the face residual its largest entry on the face, and each slack
     * b - |a_j| from the kernel's a_j and b. The radius is small, so some zero coordinates have negative slacks and
     * count in the distance.
     */
    @Test
    void everyFieldAgreesWithTheKernelsLeastSubgradientAtAPointThatIsNotAMinimiser() {
        double eps = 0.02;
        double[] w = {0.5, 0, -0.3, 0, 0, 0.2};
        LinfKernel.State state = new LinfKernel(DATA, eps, LAMBDA, 2).at(w);
        double[] g = state.minimumNormSubgradient();
        double b = state.kinkHalfJump();
        double squared = 0;
        double faceResidual = 0;
        double slack = Double.POSITIVE_INFINITY;
        int negative = 0;
        for (int j = 0; j < w.length; j++) {
            squared += g[j] * g[j];
            if (w[j] != 0) {
                faceResidual = Math.max(faceResidual, Math.abs(g[j]));
            } else {
                double s = b - Math.abs(state.smoothPartial(j));
                slack = Math.min(slack, s);
                negative += s < 0 ? 1 : 0;
            }
        }
        assertTrue(negative >= 2, "at least two zero coordinates lie outside the subdifferential: " + negative);
        LinfCertificate c = LinfCertificate.at(DATA, eps, LAMBDA, w);
        assertEquals(Math.sqrt(squared), c.distance(), ROUNDING, "dist(0, dF(w))");
        assertEquals(faceResidual, c.faceResidual(), ROUNDING, "face residual");
        assertEquals(slack, c.smallestSlack(), ROUNDING, "smallest slack");
        assertEquals(slack / b, c.relativeSlack(), ROUNDING / b, "relative slack");
        assertEquals(3, c.faceSize(), "|S|");
        assertFalse(c.certified(), c.toString());
    }

    @Test
    void withNoCoordinateAtZeroThereIsNoSlackToReport() {
        double[] w = {0.5, 0.1, -0.3, 0.05, -0.2, 0.2};
        LinfCertificate c = LinfCertificate.at(DATA, 0.02, LAMBDA, w);
        assertEquals(Double.POSITIVE_INFINITY, c.smallestSlack());
        assertEquals(Double.POSITIVE_INFINITY, c.relativeSlack());
        assertEquals(w.length, c.faceSize());
    }

    /** "Within the tolerance" includes it: a distance or a negative slack of exactly TOLERANCE is certified. */
    @Test
    void theToleranceIsInclusiveOnBothConditions() {
        double t = LinfCertificate.TOLERANCE;
        assertTrue(new LinfCertificate(t, t, -t, -1, 2).certified());
        assertFalse(new LinfCertificate(Math.nextUp(t), t, 0, 0, 2).certified());
        assertFalse(new LinfCertificate(0, 0, Math.nextDown(-t), -1, 2).certified());
        assertTrue(new LinfCertificate(0, 0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 2).certified());
    }
}
