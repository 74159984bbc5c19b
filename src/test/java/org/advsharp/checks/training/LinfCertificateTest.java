package org.advsharp.checks.training;

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
}
