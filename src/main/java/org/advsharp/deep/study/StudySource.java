package org.advsharp.deep.study;

/**
 * Where a study's images come from.
 *
 * <ul>
 *   <li>{@link #FASHION_MNIST}: the Fashion-MNIST training and test files (28x28, block-averaged by the study's
 *       downsampling factor), read from the folder of {@code deep.data.FashionMnistImages};</li>
 *   <li>{@link #DIGITS_8X8}: the bundled 8x8 handwritten digits (1,797 images, grey levels / 16), one channel;
 *       the training images are the first ones of the file, the test images the last ones, never the same
 *       image in both.</li>
 * </ul>
 */
public enum StudySource {
    FASHION_MNIST(28),
    DIGITS_8X8(8);

    private final int side;

    StudySource(int side) {
        this.side = side;
    }

    /** Side of the source's images before downsampling. */
    public int side() {
        return side;
    }
}
