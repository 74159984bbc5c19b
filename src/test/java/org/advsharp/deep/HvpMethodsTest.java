package org.advsharp.deep;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.advsharp.deep.data.SyntheticImages;
import org.advsharp.deep.engine.DjlEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exact (double backpropagation) and central-difference Hessian-vector products agree (inst:deep-hvp), on
 * the linear softmax model (analytic loss) and on a small ResNet18 (ReLU, BatchNorm on running statistics).
 */
class HvpMethodsTest {
    private static final long SEED = 11L;
    private static final int PROBES = 3;

    @BeforeAll
    static void offline() {
        DjlEnvironment.ensureOffline();
    }

    @Test
    void exactAndFiniteDifferenceAgreeOnTheLinearSoftmaxModel() {
        int d = 5;
        int k = 3;
        int n = 24;
        SplittableRandom random = new SplittableRandom(SEED);
        float[] f = new float[n * d];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % k;
            for (int j = 0; j < d; j++) {
                f[i * d + j] = (float) (0.2 + 0.6 * random.nextDouble());
            }
        }
        ExampleSet data = new ExampleSet("uniform", new Shape(d), k, f, labels);
        double worst = worstRelativeDisagreement(new LinearSoftmax(d, k, true, 1.0), data, 0.1);
        assertTrue(worst <= DeepTolerances.HVP_FD_VS_EXACT_SMOOTH, "linear softmax: max relative |FD - exact| = "
                + worst);
    }

    @Test
    void exactAndFiniteDifferenceAgreeOnASmallResNet18() {
        ResNet18 net = new ResNet18(4, 3, ResNetStem.STRIDE2, 0.0625);
        ExampleSet data = SyntheticImages.cifarShaped(4, 4, SEED);
        double worst = worstRelativeDisagreement(net, data, 0.0);
        assertTrue(worst <= DeepTolerances.HVP_FD_VS_EXACT_RELU, "ResNet18: max relative |FD - exact| = " + worst);
    }

    /** max over seeded probes v of ||Hv_fd - Hv_exact|| / ||Hv_exact||, frozen attack, float64. */
    static double worstRelativeDisagreement(Classifier net, ExampleSet data, double eps) {
        try (NDManager m = DjlEnvironment.engine().newBaseManager()) {
            WeightVector w = net.initialWeights(SEED, DataType.FLOAT64, m);
            RunningStatistics stats = net.initialStatistics(DataType.FLOAT64, m);
            RobustObjective objective = HvpAgreement.frozenPgd3(net, stats, data, eps);
            ExactHvp exact = new ExactHvp(objective, w, m);
            FiniteDifferenceHvp fd = new FiniteDifferenceHvp(objective, w, false, SharpnessSettings.DEFAULT_FD_STEP, m);
            return HvpAgreement.worstRelativeDisagreement(exact, fd, SEED, PROBES, m);
        }
    }
}
