package org.advsharp.deep.data;

import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import org.advsharp.data.Cifar10Binary;
import org.advsharp.deep.ExampleSet;

/**
 * CIFAR-10 for the deep tier: the user's binary files in a folder (nothing is downloaded), read by the
 * project's one CIFAR-10 reader {@link Cifar10Binary} and turned into an {@link ExampleSet} of 3x32x32
 * images with pixels scaled to [0, 1] by x/255 (in float).
 */
public final class Cifar10Files {
    /** System property naming the folder that holds the binary files (the CLI's --data sets it too). */
    public static final String DIRECTORY_PROPERTY = "advsharp.cifar10.dir";

    private Cifar10Files() {
    }

    /**
     * The first {@code max} training images of the folder, in file order.
     *
     * @throws IllegalArgumentException if the folder or a file is missing or malformed (naming which)
     */
    public static ExampleSet training(Path dir, int max) {
        return read(Cifar10Binary.trainingBatches(dir), max, "CIFAR-10 training images from " + dir);
    }

    /** The first {@code max} test images ({@code test_batch.bin}). */
    public static ExampleSet test(Path dir, int max) {
        return read(Cifar10Binary.testBatches(dir), max, "CIFAR-10 test images from " + dir);
    }

    private static ExampleSet read(List<Path> files, int max, String description) {
        Cifar10Binary.Records r = Cifar10Binary.records(max, files);
        float[] f = new float[r.size() * Cifar10Binary.PIXELS];
        for (int i = 0; i < r.size(); i++) {
            for (int j = 0; j < Cifar10Binary.PIXELS; j++) {
                f[i * Cifar10Binary.PIXELS + j] = r.pixel(i, j) / 255f;
            }
        }
        return new ExampleSet(description + " (" + r.size() + " images)", new Shape(3, 32, 32), 10, f, r.labels());
    }
}
