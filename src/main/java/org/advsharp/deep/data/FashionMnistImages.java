package org.advsharp.deep.data;

import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.advsharp.data.LabelledImages;
import org.advsharp.data.MnistIdx;
import org.advsharp.deep.ExampleSet;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017; MIT licence): 28x28 grey images of ten kinds of clothing,
 * read from the user's gzipped IDX files by {@link MnistIdx} (nothing is downloaded). The default folder is
 * where Debian's package {@code dataset-fashion-mnist} installs them, {@value #DEFAULT_DIRECTORY}; the
 * system property {@value #DIRECTORY_PROPERTY} overrides it. The ResNet18 study of proofs/deep.md
 * (exp:resnet-cpu-study) trains on these images.
 */
public final class FashionMnistImages {
    /** Where Debian's dataset-fashion-mnist package puts the files. */
    public static final String DEFAULT_DIRECTORY = "/usr/share/datasets/fashion-mnist";
    /** System property naming another folder with the same four files. */
    public static final String DIRECTORY_PROPERTY = "advsharp.fashion.dir";
    private static final int SIDE = 28;

    private FashionMnistImages() {
    }

    /** The folder the files are read from: the property if set, else the Debian default. */
    public static Path directory() {
        String property = System.getProperty(DIRECTORY_PROPERTY);
        return Paths.get(property == null || property.isBlank() ? DEFAULT_DIRECTORY : property);
    }

    /** Whether the training and test files are all present in {@link #directory()}. */
    public static boolean available() {
        Path dir = directory();
        return Files.isRegularFile(dir.resolve("train-images-idx3-ubyte.gz"))
                && Files.isRegularFile(dir.resolve("train-labels-idx1-ubyte.gz"))
                && Files.isRegularFile(dir.resolve("t10k-images-idx3-ubyte.gz"))
                && Files.isRegularFile(dir.resolve("t10k-labels-idx1-ubyte.gz"));
    }

    /** The first {@code limit} training images as (1, 28, 28) examples in [0, 1]. */
    public static ExampleSet training(int limit) {
        Path dir = directory();
        return convert(MnistIdx.load(dir.resolve("train-images-idx3-ubyte.gz"),
                dir.resolve("train-labels-idx1-ubyte.gz"), limit), "Fashion-MNIST training images");
    }

    /** The first {@code limit} test images as (1, 28, 28) examples in [0, 1]. */
    public static ExampleSet test(int limit) {
        Path dir = directory();
        return convert(MnistIdx.load(dir.resolve("t10k-images-idx3-ubyte.gz"),
                dir.resolve("t10k-labels-idx1-ubyte.gz"), limit), "Fashion-MNIST test images");
    }

    /**
     * The same images at a lower resolution: each {@code factor} x {@code factor} block of pixels replaced by
     * its mean (28 / factor pixels a side; factor 2 gives 14x14).
     */
    public static ExampleSet downsampled(ExampleSet images, int factor) {
        Shape shape = images.exampleShape();
        if (factor < 1 || shape.dimension() != 3 || shape.get(1) % factor != 0 || shape.get(2) % factor != 0) {
            throw new IllegalArgumentException("downsampling: factor " + factor + " does not divide the image shape "
                    + shape);
        }
        int channels = (int) shape.get(0);
        int h = (int) shape.get(1);
        int w = (int) shape.get(2);
        int oh = h / factor;
        int ow = w / factor;
        int n = images.size();
        float[] f = new float[n * channels * oh * ow];
        int[] y = new int[n];
        float scale = 1f / (factor * factor);
        for (int i = 0; i < n; i++) {
            float[] x = images.example(i);
            for (int c = 0; c < channels; c++) {
                for (int r = 0; r < oh; r++) {
                    for (int q = 0; q < ow; q++) {
                        float sum = 0;
                        for (int dr = 0; dr < factor; dr++) {
                            for (int dq = 0; dq < factor; dq++) {
                                sum += x[(c * h + r * factor + dr) * w + q * factor + dq];
                            }
                        }
                        f[((i * channels + c) * oh + r) * ow + q] = sum * scale;
                    }
                }
            }
            y[i] = images.label(i);
        }
        return new ExampleSet(images.description() + ", " + factor + "x" + factor + " block means (" + channels + "x"
                + oh + "x" + ow + ")", new Shape(channels, oh, ow), images.numClasses(), f, y);
    }

    private static ExampleSet convert(LabelledImages images, String what) {
        if (images.height() != SIDE || images.width() != SIDE || images.channels() != 1) {
            throw new IllegalArgumentException(what + ": expected 1x28x28 images, got " + images.channels() + "x"
                    + images.height() + "x" + images.width());
        }
        int n = images.size();
        int plane = SIDE * SIDE;
        float[] f = new float[n * plane];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double[] row = images.row(i);
            for (int k = 0; k < plane; k++) {
                f[i * plane + k] = (float) row[k];
            }
            y[i] = images.label(i);
        }
        return new ExampleSet(what + " (first " + n + ", 1x28x28, pixels / 255)", new Shape(1, SIDE, SIDE), 10, f, y);
    }
}
