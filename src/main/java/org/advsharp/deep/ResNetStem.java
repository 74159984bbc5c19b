package org.advsharp.deep;

/**
 * The first layer of {@link ResNet18} for 32x32 inputs.
 *
 * <ul>
 *   <li>{@link #CIFAR}: 3x3 convolution, stride 1, then BatchNorm and ReLU, no max-pooling (the usual
 *       CIFAR-10 ResNet18); the residual stages see 32x32, 16x16, 8x8, 4x4 maps.</li>
 *   <li>{@link #STRIDE2}: the same 3x3 convolution with stride 2, so the stages see 16x16 ... 2x2 maps:
 *       the same weights and parameter count, about a quarter of the arithmetic (the CPU tier).</li>
 * </ul>
 */
public enum ResNetStem {
    CIFAR(1),
    STRIDE2(2);

    private final int stride;

    ResNetStem(int stride) {
        this.stride = stride;
    }

    /** Stride of the stem convolution. */
    public int stride() {
        return stride;
    }
}
