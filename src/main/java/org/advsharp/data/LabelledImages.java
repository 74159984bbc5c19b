package org.advsharp.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable multi-class image set: N images of shape channels x height x width, flattened
 * channel-major (all of channel 0 row by row, then channel 1, ...), pixel values in [0, 1], and an
 * integer class label in 0..classes-1 per image.
 *
 * <p>Used for the 10-class digits, MNIST and CIFAR-10 (the deep tier takes rows and int labels) and,
 * through {@link #binaryPair(int, int)}, for the binary logistic-regression experiments.
 */
public final class LabelledImages {
    private final double[][] pixels;
    private final int[] labels;
    private final int classes;
    private final int channels;
    private final int height;
    private final int width;

    /**
     * Copies and validates: every row has channels*height*width finite values in [0, 1], every label
     * lies in 0..classes-1.
     *
     * @throws IllegalArgumentException naming the image and the problem
     */
    public LabelledImages(double[][] pixels, int[] labels, int classes, int channels, int height, int width) {
        if (pixels == null || labels == null) {
            throw new IllegalArgumentException("images: pixels and labels must not be null");
        }
        if (pixels.length != labels.length) {
            throw new IllegalArgumentException("images: " + pixels.length + " images but " + labels.length
                    + " labels");
        }
        if (classes < 2 || channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("images: need classes >= 2 and a positive shape, got classes="
                    + classes + ", shape " + channels + "x" + height + "x" + width);
        }
        int d = channels * height * width;
        this.pixels = new double[pixels.length][];
        for (int i = 0; i < pixels.length; i++) {
            if (pixels[i] == null || pixels[i].length != d) {
                throw new IllegalArgumentException("images: image " + i + " has "
                        + (pixels[i] == null ? 0 : pixels[i].length) + " values, expected " + d);
            }
            for (int j = 0; j < d; j++) {
                double v = pixels[i][j];
                if (!(v >= 0.0 && v <= 1.0)) {
                    throw new IllegalArgumentException("images: pixel " + j + " of image " + i + " is " + v
                            + "; pixels must lie in [0, 1]");
                }
            }
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("images: label of image " + i + " is " + labels[i]
                        + "; expected 0.." + (classes - 1));
            }
            this.pixels[i] = pixels[i].clone();
        }
        this.labels = labels.clone();
        this.classes = classes;
        this.channels = channels;
        this.height = height;
        this.width = width;
    }

    /** Number of images N. */
    public int size() {
        return pixels.length;
    }

    /** Values per image, channels * height * width. */
    public int dimension() {
        return channels * height * width;
    }

    public int classes() {
        return classes;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Class label of image i. */
    public int label(int i) {
        return labels[i];
    }

    /** A copy of image i, flattened channel-major. */
    public double[] row(int i) {
        return pixels[i].clone();
    }

    /** A copy of all images. */
    public double[][] rows() {
        double[][] out = new double[pixels.length][];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = pixels[i].clone();
        }
        return out;
    }

    /** A copy of the labels. */
    public int[] labels() {
        return labels.clone();
    }

    /** How many images carry each class label. */
    public int[] classCounts() {
        int[] counts = new int[classes];
        for (int y : labels) {
            counts[y]++;
        }
        return counts;
    }

    /** The first {@code n} images (all of them if n >= size()). */
    public LabelledImages head(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("images: head(" + n + "): need at least one image");
        }
        int k = Math.min(n, pixels.length);
        return new LabelledImages(Arrays.copyOf(pixels, k), Arrays.copyOf(labels, k), classes, channels,
                height, width);
    }

    /**
     * The binary problem "class {@code negative} vs class {@code positive}": the images of those two
     * classes, in file order, with label -1 for {@code negative} and +1 for {@code positive}.
     *
     * @throws IllegalArgumentException if the classes are equal, out of range, or either has no image
     */
    public Dataset binaryPair(int negative, int positive) {
        if (negative == positive || negative < 0 || positive < 0 || negative >= classes || positive >= classes) {
            throw new IllegalArgumentException("images: binary pair (" + negative + ", " + positive
                    + ") needs two different classes in 0.." + (classes - 1));
        }
        List<double[]> rows = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < pixels.length; i++) {
            if (labels[i] == negative || labels[i] == positive) {
                rows.add(pixels[i]);
                y.add(labels[i] == positive ? 1.0 : -1.0);
            }
        }
        int[] counts = classCounts();
        if (counts[negative] == 0 || counts[positive] == 0) {
            throw new IllegalArgumentException("images: binary pair (" + negative + ", " + positive
                    + ") has " + counts[negative] + " and " + counts[positive] + " images; both need some");
        }
        return Dataset.of(rows.toArray(new double[0][]), y.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Override
    public String toString() {
        return "LabelledImages[N=" + pixels.length + ", " + channels + "x" + height + "x" + width + ", "
                + classes + " classes]";
    }
}
