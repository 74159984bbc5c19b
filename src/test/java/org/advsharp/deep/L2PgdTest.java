package org.advsharp.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.advsharp.deep.engine.DjlEnvironment;
import org.advsharp.oracle.L2Attack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** L2 PGD on the binary linear softmax model reproduces the closed-form worst case (lem:worst-case-l2). */
class L2PgdTest {
    private static final long SEED = 20210205L;
    private static final int D = 6;
    private static final int N = 20;
    /** Every entry lies in [MARGIN, 1 - MARGIN], so clipping to [0, 1] is inactive for eps <= MARGIN. */
    private static final double MARGIN = 0.3;
    /** Slack for "inside the ball and the box" in float64 (a few roundings of numbers of size 1). */
    private static final double CONSTRAINT_SLACK = 1e-12;

    @BeforeAll
    static void offline() {
        DjlEnvironment.ensureOffline();
    }

    @Test
    void pgdOnTheBinaryLinearModelIsTheClosedFormAttack() {
        TwoClassData data = TwoClassData.generate(D, N, 0.1, 0.05, MARGIN, SEED);
        LinearSoftmax net = new LinearSoftmax(D, 2, false, 1.0);
        for (int steps : new int[] {1, 3, 10}) {
            for (double eps : new double[] {0.05, 0.2, MARGIN}) {
                double worst = maxDeviationFromClosedForm(data, net, eps, steps);
                assertTrue(worst <= DeepTolerances.PGD_VS_CLOSED_FORM * eps, "steps " + steps + ", eps " + eps
                        + ": max |delta_pgd - delta*| = " + worst);
            }
        }
    }

    /** max over examples and coordinates of |PGD delta - closed-form delta|, in float64. */
    static double maxDeviationFromClosedForm(TwoClassData data, LinearSoftmax net, double eps, int steps) {
        try (NDManager m = DjlEnvironment.engine().newBaseManager()) {
            WeightVector w = net.initialWeights(SEED, DataType.FLOAT64, m);
            double[] flat = w.toDoubleArray();
            double[] u = new double[D];
            for (int j = 0; j < D; j++) {
                u[j] = flat[j] - flat[D + j];
            }
            ExampleSet.Batch b = data.examples().range(0, N, DataType.FLOAT64, m);
            PgdSettings settings = new PgdSettings(eps, steps, PgdSettings.MADRY_STEP_FACTOR * eps / steps, false, true);
            NDArray adv = L2Pgd.attack(net, w, RunningStatistics.none(), BatchNormMode.EVAL, b.x(), b.oneHot(),
                    settings, new SplittableRandom(SEED));
            double[] x = b.x().toDoubleArray();
            double[] xa = adv.toDoubleArray();
            double worst = 0;
            for (int i = 0; i < N; i++) {
                double y = data.oracle().label(i);
                double[] eta = L2Attack.worstCase(u, y, eps);
                for (int j = 0; j < D; j++) {
                    worst = Math.max(worst, Math.abs((xa[i * D + j] - x[i * D + j]) - eta[j]));
                }
            }
            return worst;
        }
    }

    @Test
    void randomStartAndClippingKeepEveryIterateInTheBallAndTheBox() {
        TwoClassData data = TwoClassData.generate(D, N, 0.45, 0.2, 0.0, SEED);
        LinearSoftmax net = new LinearSoftmax(D, 2, false, 1.0);
        double eps = 0.8;
        try (NDManager m = DjlEnvironment.engine().newBaseManager()) {
            WeightVector w = net.initialWeights(SEED, DataType.FLOAT64, m);
            ExampleSet.Batch b = data.examples().range(0, N, DataType.FLOAT64, m);
            PgdSettings settings = new PgdSettings(eps, 7, PgdSettings.MADRY_STEP_FACTOR * eps / 7, true, true);
            NDArray adv = L2Pgd.attack(net, w, RunningStatistics.none(), BatchNormMode.EVAL, b.x(), b.oneHot(),
                    settings, new SplittableRandom(SEED));
            double[] x = b.x().toDoubleArray();
            double[] xa = adv.toDoubleArray();
            for (int i = 0; i < N; i++) {
                double sq = 0;
                for (int j = 0; j < D; j++) {
                    double v = xa[i * D + j];
                    assertTrue(v >= -CONSTRAINT_SLACK && v <= 1 + CONSTRAINT_SLACK, "outside the box: " + v);
                    sq += (v - x[i * D + j]) * (v - x[i * D + j]);
                }
                assertTrue(Math.sqrt(sq) <= eps * (1 + CONSTRAINT_SLACK), "outside the ball: " + Math.sqrt(sq));
            }
        }
    }

    @Test
    void badSettingsAreRejectedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PgdSettings(-1, 3, 0.1, false, true));
        assertTrue(e.getMessage().contains("epsilon"), e.getMessage());
        try (NDManager m = DjlEnvironment.engine().newBaseManager()) {
            LinearSoftmax net = new LinearSoftmax(2, 2, false, 1.0);
            WeightVector w = net.initialWeights(1L, DataType.FLOAT64, m);
            NDArray x = m.zeros(new Shape(1, 2), DataType.FLOAT64);
            NDArray t = m.create(new int[] {0}).oneHot(2, DataType.FLOAT64);
            IllegalArgumentException train = assertThrows(IllegalArgumentException.class,
                    () -> L2Pgd.attack(net, w, RunningStatistics.none(), BatchNormMode.TRAIN, x, t,
                            new PgdSettings(0.1, 1, 0.1, false, true), new SplittableRandom(1)));
            assertEquals(true, train.getMessage().contains("TRAIN"));
            IllegalArgumentException start = assertThrows(IllegalArgumentException.class,
                    () -> L2Pgd.attack(net, w, RunningStatistics.none(), BatchNormMode.EVAL, x, t,
                            new PgdSettings(0.1, 1, 0.1, true, true)));
            assertTrue(start.getMessage().contains("random start needs a generator"), start.getMessage());
        }
    }
}
