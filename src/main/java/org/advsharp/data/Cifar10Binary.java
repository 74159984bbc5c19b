package org.advsharp.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's one CIFAR-10 reader, for the "binary version" batch files a user already has (plain or
 * gzip-compressed; nothing is downloaded): {@code data_batch_1.bin} .. {@code data_batch_5.bin} (training)
 * and {@code test_batch.bin}, each a sequence of 3,073-byte records, one label byte (0..9) followed by 3,072
 * pixel bytes, the 1,024 red values of the 32x32 image row by row, then the 1,024 green, then the 1,024 blue.
 * The deep tier turns its {@link Records} into its own example sets ({@code deep.data.Cifar10Files}).
 *
 * <p>Files are read in order and only until the requested number of images is reached. Errors, each a
 * {@link DataFileException} naming the file: missing or unreadable file, empty file, a length that is not a
 * whole number of records (truncated: says how many complete records there are and how many bytes are left
 * over), a label outside 0..9 (names the record and its byte offset).
 */
public final class Cifar10Binary {
    /** Bytes per record: 1 label byte + 3 x 32 x 32 pixel bytes. */
    public static final int RECORD_BYTES = 3073;
    /** Pixel bytes per record, channel-major (3 x 32 x 32). */
    public static final int PIXELS = RECORD_BYTES - 1;
    private static final int SIDE = 32;
    private static final int CHANNELS = 3;
    private static final int CLASSES = 10;
    private static final int TRAINING_BATCHES = 5;
    private static final double PIXEL_SCALE = 255.0;

    private Cifar10Binary() {
    }

    /**
     * Labels and raw pixel bytes of images read from batch files, in file order.
     *
     * @param labels one label 0..9 per image
     * @param pixels {@link #PIXELS} bytes (0..255) per image, image after image, channel-major as in the file
     */
    public record Records(int[] labels, byte[] pixels) {
        /** Number of images. */
        public int size() {
            return labels.length;
        }

        /** Pixel {@code j} (0..3071) of image {@code i} as 0..255. */
        public int pixel(int i, int j) {
            return pixels[i * PIXELS + j] & 0xff;
        }
    }

    /** The five training batch files of a CIFAR-10 folder, in order. */
    public static List<Path> trainingBatches(Path dir) {
        List<Path> files = new ArrayList<>();
        for (int b = 1; b <= TRAINING_BATCHES; b++) {
            files.add(dir.resolve("data_batch_" + b + ".bin"));
        }
        return files;
    }

    /** The test batch file of a CIFAR-10 folder. */
    public static List<Path> testBatches(Path dir) {
        return List.of(dir.resolve("test_batch.bin"));
    }

    /** Loads and concatenates the given batch files, in order, pixels scaled to [0, 1] by x/255. */
    public static LabelledImages load(Path... batches) {
        return load(Integer.MAX_VALUE, batches);
    }

    /** Loads the first {@code limit} images of the given batch files, in order, pixels scaled to [0, 1] by x/255. */
    public static LabelledImages load(int limit, Path... batches) {
        if (batches == null || batches.length == 0) {
            throw new IllegalArgumentException("CIFAR-10: give at least one batch file");
        }
        Records r = records(limit, List.of(batches));
        double[][] pixels = new double[r.size()][PIXELS];
        for (int i = 0; i < pixels.length; i++) {
            for (int j = 0; j < PIXELS; j++) {
                pixels[i][j] = r.pixel(i, j) / PIXEL_SCALE;
            }
        }
        return new LabelledImages(pixels, r.labels(), CLASSES, CHANNELS, SIDE, SIDE);
    }

    /**
     * The first {@code limit} records of the given batch files, in order; a file after the one that completes
     * the limit is not opened.
     *
     * @throws IllegalArgumentException if {@code limit < 1} or there is no file; a {@link DataFileException}
     *                                  naming the file if one is missing or malformed
     */
    public static Records records(int limit, List<Path> batches) {
        if (limit < 1) {
            throw new IllegalArgumentException("CIFAR-10: limit " + limit + " must be at least 1");
        }
        if (batches.isEmpty()) {
            throw new IllegalArgumentException("CIFAR-10: give at least one batch file");
        }
        List<int[]> labelChunks = new ArrayList<>();
        List<byte[]> pixelChunks = new ArrayList<>();
        int n = 0;
        for (int k = 0; k < batches.size() && n < limit; k++) {
            String name = String.valueOf(batches.get(k));
            byte[] bytes = FileBytes.read(batches.get(k));
            int len = bytes.length;
            if (len == 0) {
                throw new DataFileException(name, "", "empty file; expected 3,073-byte CIFAR-10 records");
            }
            if (len % RECORD_BYTES != 0) {
                throw new DataFileException(name, "byte " + len, "truncated: " + len + " bytes is not a whole "
                        + "number of 3,073-byte records (" + len / RECORD_BYTES + " complete records, "
                        + len % RECORD_BYTES + " bytes left over)");
            }
            int take = Math.min(len / RECORD_BYTES, limit - n);
            int[] labels = new int[take];
            byte[] pixels = new byte[take * PIXELS];
            for (int r = 0; r < take; r++) {
                int base = r * RECORD_BYTES;
                labels[r] = bytes[base] & 0xff;
                if (labels[r] >= CLASSES) {
                    throw new DataFileException(name, "record " + r + " (byte " + base + ")", "label " + labels[r]
                            + " is outside 0..9");
                }
                System.arraycopy(bytes, base + 1, pixels, r * PIXELS, PIXELS);
            }
            labelChunks.add(labels);
            pixelChunks.add(pixels);
            n += take;
        }
        int[] labels = new int[n];
        byte[] pixels = new byte[n * PIXELS];
        int at = 0;
        for (int c = 0; c < labelChunks.size(); c++) {
            int[] chunk = labelChunks.get(c);
            System.arraycopy(chunk, 0, labels, at, chunk.length);
            System.arraycopy(pixelChunks.get(c), 0, pixels, at * PIXELS, chunk.length * PIXELS);
            at += chunk.length;
        }
        return new Records(labels, pixels);
    }
}
