package org.advsharp.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.advsharp.deep.engine.DjlEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The network is ResNet18 (basic blocks 2-2-2-2, widths 64-128-256-512), not DJL's bottleneck ResNetV1.
 *
 * <p>Parameter count of the standard CIFAR-10 ResNet18 (3x3 stem, K = 10), by hand:
 * stem conv 3*64*9 = 1,728 and BN 128; stage 1: 4 convs 64*64*9 = 147,456 and 4 BN of 128 (512);
 * stage 2: 128*64*9 + 3 * 128*128*9 = 516,096, shortcut 128*64 = 8,192, 5 BN of 256 (1,280);
 * stage 3: 256*128*9 + 3 * 256*256*9 = 2,064,384, shortcut 32,768, 5 BN of 512 (2,560);
 * stage 4: 512*256*9 + 3 * 512*512*9 = 8,257,536, shortcut 131,072, 5 BN of 1,024 (5,120);
 * dense 512*10 + 10 = 5,130. Total 11,173,962 (the usual "11.17M").
 */
class ResNet18Test {
    static final long STANDARD_RESNET18_CIFAR10_PARAMETERS = 11_173_962L;

    @BeforeAll
    static void offline() {
        DjlEnvironment.ensureOffline();
    }

    @Test
    void standardResNet18HasTheStatedParameterCount() {
        ResNet18 net = ResNet18.standard(10);
        assertEquals(STANDARD_RESNET18_CIFAR10_PARAMETERS, net.parameterCount());
        assertArrayEquals(new int[] {64, 128, 256, 512}, net.widths());
        // the cheap stem changes the arithmetic, not the weights
        assertEquals(STANDARD_RESNET18_CIFAR10_PARAMETERS,
                new ResNet18(10, 3, ResNetStem.STRIDE2, 1.0).parameterCount());
    }

    @Test
    void basicBlocksTwoPerStageWithThreeProjectionShortcuts() {
        List<ParameterSpec> specs = ResNet18.standard(10).parameters();
        long threeByThree = specs.stream().filter(s -> s.role() == ParameterRole.FILTER
                && s.shape().get(2) == 3).count();
        long oneByOne = specs.stream().filter(s -> s.role() == ParameterRole.FILTER
                && s.shape().get(2) == 1).count();
        // stem + 4 stages x 2 blocks x 2 convolutions: basic blocks (a bottleneck block has three)
        assertEquals(1 + 4 * 2 * 2, threeByThree);
        assertEquals(3, oneByOne, "projection shortcuts at the three stride-2 stage entries");
        for (int stage = 1; stage <= 4; stage++) {
            for (int block = 0; block < 2; block++) {
                String prefix = "layer" + stage + "." + block + ".";
                assertEquals(2, specs.stream().filter(s -> s.name().startsWith(prefix + "conv")).count(), prefix);
            }
            String third = "layer" + stage + ".2.";
            assertTrue(specs.stream().noneMatch(s -> s.name().startsWith(third)), "only two blocks per stage");
        }
    }

    @Test
    void forwardPassGivesOneRowOfLogitsPerImage() {
        ResNet18 net = new ResNet18(10, 3, ResNetStem.STRIDE2, 0.125);
        try (NDManager m = DjlEnvironment.engine().newBaseManager()) {
            WeightVector w = net.initialWeights(7L, DataType.FLOAT32, m);
            RunningStatistics stats = net.initialStatistics(DataType.FLOAT32, m);
            NDArray x = m.randomUniform(0, 1, new Shape(2, 3, 32, 32));
            NDArray logits = net.logits(w, stats, x, BatchNormMode.EVAL);
            assertEquals(new Shape(2, 10), logits.getShape());
            for (float v : logits.toFloatArray()) {
                assertTrue(Float.isFinite(v));
            }
            assertThrows(IllegalArgumentException.class,
                    () -> net.logits(w, stats, m.zeros(new Shape(2, 3, 28, 28)), BatchNormMode.EVAL));
        }
    }
}
