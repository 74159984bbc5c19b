package org.advsharp.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ResNet18 with basic residual blocks (He et al. 2016) for 32x32 inputs (claim exp:resnet-paper-scale and its reduced CPU configuration,
 * paper claim P4): a stem, four stages of two basic blocks with widths 64-128-256-512 (times a width
 * multiplier) and strides 1-2-2-2, global average pooling, and a dense layer to K logits.
 *
 * <pre>
 *   basic block(x) = relu( BN(conv3x3(relu(BN(conv3x3_s(x))))) + shortcut(x) )
 *   shortcut(x)    = x                      if stride 1 and equal widths
 *                  = BN(conv1x1_s(x))       otherwise
 * </pre>
 *
 * <p>Convolutions have no bias (BatchNorm follows each). With the CIFAR stem, width 1 and K = 10 it has
 * 11,173,962 trainable parameters (checked by ResNet18Test). This is not DJL's {@code ResNetV1} builder,
 * which gives bottleneck blocks at this size.
 */
public final class ResNet18 implements Classifier {
    private static final int[] BASE_WIDTHS = {64, 128, 256, 512};
    private static final int[] STRIDES = {1, 2, 2, 2};
    private static final int BLOCKS_PER_STAGE = 2;
    /** BatchNorm epsilon, the usual 1e-5. */
    private static final float BN_EPSILON = 1e-5f;
    /** DJL's momentum convention: running = 0.9 running + 0.1 batch (PyTorch momentum 0.1). */
    private static final float BN_MOMENTUM = 0.9f;

    private final int numClasses;
    private final int inputChannels;
    private final ResNetStem stem;
    private final double widthMultiplier;
    private final int side;
    private final int[] widths;
    private final List<ParameterSpec> specs;
    private final Map<String, Integer> bnChannels;
    private final Map<String, Integer> index;

    /**
     * @param numClasses      K, at least 2
     * @param inputChannels   channels of the input images (3 for CIFAR-10)
     * @param stem            the stem
     * @param widthMultiplier multiplies the stage widths 64-128-256-512 (1 for the standard network)
     */
    public ResNet18(int numClasses, int inputChannels, ResNetStem stem, double widthMultiplier) {
        this(numClasses, inputChannels, 32, stem, widthMultiplier);
    }

    /**
     * A ResNet18 for square inputs of another side (the network ends in global average pooling, so only the
     * input check and {@link #exampleShape()} depend on it; e.g. 28 for Fashion-MNIST).
     *
     * @param side input height and width in pixels, at least 8
     */
    public ResNet18(int numClasses, int inputChannels, int side, ResNetStem stem, double widthMultiplier) {
        if (side < 8) {
            throw new IllegalArgumentException("ResNet18: input side = " + side + " must be >= 8");
        }
        if (numClasses < 2) {
            throw new IllegalArgumentException("ResNet18: numClasses = " + numClasses + " must be >= 2");
        }
        if (inputChannels < 1) {
            throw new IllegalArgumentException("ResNet18: inputChannels = " + inputChannels + " must be >= 1");
        }
        if (!(widthMultiplier > 0) || widthMultiplier > 4 || Math.round(64 * widthMultiplier) < 1) {
            throw new IllegalArgumentException("ResNet18: widthMultiplier = " + widthMultiplier
                    + " must be in (0, 4] and leave at least one channel in the first stage");
        }
        this.numClasses = numClasses;
        this.inputChannels = inputChannels;
        this.stem = stem;
        this.widthMultiplier = widthMultiplier;
        this.side = side;
        this.widths = new int[BASE_WIDTHS.length];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = (int) Math.max(1, Math.round(BASE_WIDTHS[i] * widthMultiplier));
        }
        this.specs = new ArrayList<>();
        this.bnChannels = new LinkedHashMap<>();
        declare();
        this.index = new LinkedHashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            index.put(specs.get(i).name(), i);
        }
    }

    /** The standard CIFAR-10 ResNet18: CIFAR stem, width 1, 3 input channels. */
    public static ResNet18 standard(int numClasses) {
        return new ResNet18(numClasses, 3, ResNetStem.CIFAR, 1.0);
    }

    /** Stage widths after the multiplier. */
    public int[] widths() {
        return widths.clone();
    }

    @Override
    public String describe() {
        String width = widthMultiplier == 1.0 ? "standard width 64-128-256-512"
                : "REDUCED width x" + widthMultiplier + " (" + widths[0] + "-" + widths[1] + "-" + widths[2]
                        + "-" + widths[3] + ")";
        return "ResNet18 (basic blocks 2-2-2-2, " + stem + " stem, " + width + "), " + inputChannels + "x" + side
                + "x" + side + " inputs, " + numClasses + " classes, " + parameterCount() + " trainable parameters";
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    @Override
    public Shape exampleShape() {
        return new Shape(inputChannels, side, side);
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.copyOf(specs);
    }

    @Override
    public WeightVector initialWeights(long seed, DataType type, NDManager manager) {
        return Initialisation.draw(specs, widths[3], 1.0, seed, type, manager);
    }

    @Override
    public RunningStatistics initialStatistics(DataType type, NDManager manager) {
        return RunningStatistics.initial(bnChannels, manager, type);
    }

    @Override
    public NDArray logits(WeightVector w, RunningStatistics stats, NDArray x, BatchNormMode mode) {
        Shape s = x.getShape();
        if (s.dimension() != 4 || s.get(1) != inputChannels || s.get(2) != side || s.get(3) != side) {
            throw new IllegalArgumentException("ResNet18: input shape " + s + " is not (N, " + inputChannels
                    + ", " + side + ", " + side + ")");
        }
        NDArray h = conv(x, w, "stem.conv", stem.stride(), 1);
        h = Activation.relu(bn(h, w, stats, "stem.bn", mode));
        for (int stage = 0; stage < widths.length; stage++) {
            for (int b = 0; b < BLOCKS_PER_STAGE; b++) {
                h = block(h, w, stats, "layer" + (stage + 1) + "." + b, b == 0 ? STRIDES[stage] : 1, mode);
            }
        }
        NDArray pooled = Pool.globalAvgPool2d(h).reshape(s.get(0), widths[3]);
        return Linear.linear(pooled, tensor(w, "fc.weight"), tensor(w, "fc.bias")).singletonOrThrow();
    }

    private NDArray block(NDArray x, WeightVector w, RunningStatistics stats, String name, int stride,
                          BatchNormMode mode) {
        NDArray h = Activation.relu(bn(conv(x, w, name + ".conv1", stride, 1), w, stats, name + ".bn1", mode));
        h = bn(conv(h, w, name + ".conv2", 1, 1), w, stats, name + ".bn2", mode);
        NDArray shortcut = index.containsKey(name + ".shortcut.conv.weight")
                ? bn(conv(x, w, name + ".shortcut.conv", stride, 0), w, stats, name + ".shortcut.bn", mode)
                : x;
        return Activation.relu(h.add(shortcut));
    }

    private NDArray conv(NDArray x, WeightVector w, String name, int stride, int padding) {
        return Conv2d.conv2d(x, tensor(w, name + ".weight"), null, new Shape(stride, stride),
                new Shape(padding, padding), new Shape(1, 1), 1).singletonOrThrow();
    }

    private NDArray bn(NDArray x, WeightVector w, RunningStatistics stats, String name, BatchNormMode mode) {
        NDArray mean = stats.mean(name);
        NDArray var = stats.variance(name);
        boolean scratch = mode == BatchNormMode.TRAIN_FROZEN_STATS;
        if (scratch) {
            mean = mean.duplicate();
            var = var.duplicate();
        }
        NDArray out = BatchNorm.batchNorm(x, mean, var, tensor(w, name + ".gamma"), tensor(w, name + ".beta"),
                1, BN_MOMENTUM, BN_EPSILON, mode.usesBatchStatistics()).singletonOrThrow();
        if (scratch) {
            mean.close();
            var.close();
        }
        return out;
    }

    private NDArray tensor(WeightVector w, String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalStateException("ResNet18: no parameter named " + name);
        }
        return w.tensor(i);
    }

    private void declare() {
        addConv("stem.conv", widths[0], inputChannels, 3);
        addBn("stem.bn", widths[0]);
        int in = widths[0];
        for (int stage = 0; stage < widths.length; stage++) {
            int out = widths[stage];
            for (int b = 0; b < BLOCKS_PER_STAGE; b++) {
                String name = "layer" + (stage + 1) + "." + b;
                int stride = b == 0 ? STRIDES[stage] : 1;
                addConv(name + ".conv1", out, in, 3);
                addBn(name + ".bn1", out);
                addConv(name + ".conv2", out, out, 3);
                addBn(name + ".bn2", out);
                if (stride != 1 || in != out) {
                    addConv(name + ".shortcut.conv", out, in, 1);
                    addBn(name + ".shortcut.bn", out);
                }
                in = out;
            }
        }
        specs.add(new ParameterSpec("fc.weight", new Shape(numClasses, widths[3]), ParameterRole.DENSE));
        specs.add(new ParameterSpec("fc.bias", new Shape(numClasses), ParameterRole.BIAS));
    }

    private void addConv(String name, int out, int in, int k) {
        specs.add(new ParameterSpec(name + ".weight", new Shape(out, in, k, k), ParameterRole.FILTER));
    }

    private void addBn(String name, int channels) {
        specs.add(new ParameterSpec(name + ".gamma", new Shape(channels), ParameterRole.BN_SCALE));
        specs.add(new ParameterSpec(name + ".beta", new Shape(channels), ParameterRole.BN_SHIFT));
        bnChannels.put(name, channels);
    }
}
