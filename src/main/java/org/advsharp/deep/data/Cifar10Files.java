package org.advsharp.deep.data;

import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.advsharp.deep.ExampleSet;

/**
 * Reads the CIFAR-10 binary version (the user's own copy; nothing is downloaded): files
 * {@code data_batch_1.bin} .. {@code data_batch_5.bin} (training) or {@code test_batch.bin}, each a
 * sequence of 3,073-byte records: one label byte 0..9, then 1,024 red, 1,024 green and 1,024 blue bytes
 * of a 32x32 image, row-major. Pixels are scaled to [0, 1] by x/255.
 */
public final class Cifar10Files {
    /** System property naming the folder that holds the binary files (the CLI's --data sets it too). */
    public static final String DIRECTORY_PROPERTY = "advsharp.cifar10.dir";
    private static final int RECORD = 3073;
    private static final int PIXELS = 3072;

    private Cifar10Files() {
    }

    /**
     * The first {@code max} training images of the folder, in file order.
     *
     * @throws IllegalArgumentException if the folder or a file is missing or malformed (naming which)
     */
    public static ExampleSet training(Path dir, int max) {
        List<Path> files = new ArrayList<>();
        for (int b = 1; b <= 5; b++) {
            files.add(dir.resolve("data_batch_" + b + ".bin"));
        }
        return read(files, max, "CIFAR-10 training images from " + dir);
    }

    /** The first {@code max} test images ({@code test_batch.bin}). */
    public static ExampleSet test(Path dir, int max) {
        return read(List.of(dir.resolve("test_batch.bin")), max, "CIFAR-10 test images from " + dir);
    }

    static ExampleSet read(List<Path> files, int max, String description) {
        if (max < 1) {
            throw new IllegalArgumentException("CIFAR-10: max = " + max + " must be >= 1");
        }
        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Path file : files) {
            if (images.size() >= max) {
                break;
            }
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("CIFAR-10: file " + file + " does not exist");
            }
            try {
                long size = Files.size(file);
                if (size == 0 || size % RECORD != 0) {
                    throw new IllegalArgumentException("CIFAR-10: file " + file + " has " + size
                            + " bytes, not a positive multiple of the 3,073-byte record");
                }
                try (InputStream in = Files.newInputStream(file)) {
                    byte[] record = new byte[RECORD];
                    long index = 0;
                    while (images.size() < max && in.readNBytes(record, 0, RECORD) == RECORD) {
                        int label = record[0] & 0xFF;
                        if (label > 9) {
                            throw new IllegalArgumentException("CIFAR-10: record " + index + " of " + file
                                    + " has label " + label + ", outside 0..9");
                        }
                        float[] x = new float[PIXELS];
                        for (int j = 0; j < PIXELS; j++) {
                            x[j] = (record[1 + j] & 0xFF) / 255f;
                        }
                        images.add(x);
                        labels.add(label);
                        index++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("CIFAR-10: cannot read " + file, e);
            }
        }
        float[] f = new float[images.size() * PIXELS];
        int[] y = new int[images.size()];
        for (int i = 0; i < y.length; i++) {
            System.arraycopy(images.get(i), 0, f, i * PIXELS, PIXELS);
            y[i] = labels.get(i);
        }
        return new ExampleSet(description + " (" + y.length + " images)", new Shape(3, 32, 32), 10, f, y);
    }
}
