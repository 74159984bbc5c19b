package org.advsharp.data;

import java.nio.file.Path;

/**
 * Loads CIFAR-10 "binary version" batch files a user already has (plain or gzip-compressed): a
 * sequence of 3073-byte records, each one label byte (0..9) followed by 3072 pixel bytes, the 1024
 * red values of the 32x32 image row by row, then the 1024 green, then the 1024 blue.
 *
 * <p>Pixels are scaled from 0..255 to [0, 1] by dividing by 255 and kept channel-major (3 x 32 x 32),
 * as in the file. Errors, each a {@link DataFileException} naming the file: empty file, a length that
 * is not a whole number of records (truncated: says how many complete records there are and how many
 * bytes are left over), a label outside 0..9 (names the record and its byte offset).
 */
public final class Cifar10Binary {
    /** Bytes per record: 1 label byte + 3 x 32 x 32 pixel bytes. */
    public static final int RECORD_BYTES = 3073;
    private static final int SIDE = 32;
    private static final int CHANNELS = 3;
    private static final int CLASSES = 10;
    private static final double PIXEL_SCALE = 255.0;

    private Cifar10Binary() {
    }

    /** Loads and concatenates the given batch files, in order. */
    public static LabelledImages load(Path... batches) {
        return load(Integer.MAX_VALUE, batches);
    }

    /** Loads the first {@code limit} images of the given batch files, in order. */
    public static LabelledImages load(int limit, Path... batches) {
        if (batches == null || batches.length == 0) {
            throw new IllegalArgumentException("CIFAR-10: give at least one batch file");
        }
        String[] names = new String[batches.length];
        byte[][] bytes = new byte[batches.length][];
        for (int k = 0; k < batches.length; k++) {
            names[k] = String.valueOf(batches[k]);
            bytes[k] = FileBytes.read(batches[k]);
        }
        return fromBytes(limit, names, bytes);
    }

    /** As {@link #load(int, Path...)} on bytes already in memory (gzip allowed). */
    public static LabelledImages fromBytes(int limit, String[] names, byte[][] batches) {
        if (limit < 1) {
            throw new IllegalArgumentException("CIFAR-10: limit " + limit + " must be at least 1");
        }
        long total = 0;
        byte[][] plain = new byte[batches.length][];
        for (int k = 0; k < batches.length; k++) {
            plain[k] = FileBytes.read(names[k], new java.io.ByteArrayInputStream(batches[k]));
            int len = plain[k].length;
            if (len == 0) {
                throw new DataFileException(names[k], "", "empty file; expected 3073-byte CIFAR-10 records");
            }
            if (len % RECORD_BYTES != 0) {
                throw new DataFileException(names[k], "byte " + len, "truncated: " + len + " bytes is not a whole "
                        + "number of 3073-byte records (" + len / RECORD_BYTES + " complete records, "
                        + len % RECORD_BYTES + " bytes left over)");
            }
            total += len / RECORD_BYTES;
        }
        int n = (int) Math.min(total, limit);
        double[][] pixels = new double[n][];
        int[] labels = new int[n];
        int i = 0;
        for (int k = 0; k < plain.length && i < n; k++) {
            for (int r = 0; r < plain[k].length / RECORD_BYTES && i < n; r++, i++) {
                int base = r * RECORD_BYTES;
                int label = plain[k][base] & 0xff;
                if (label >= CLASSES) {
                    throw new DataFileException(names[k], "record " + r + " (byte " + base + ")", "label " + label
                            + " is outside 0..9");
                }
                labels[i] = label;
                double[] p = new double[RECORD_BYTES - 1];
                for (int j = 0; j < p.length; j++) {
                    p[j] = (plain[k][base + 1 + j] & 0xff) / PIXEL_SCALE;
                }
                pixels[i] = p;
            }
        }
        return new LabelledImages(pixels, labels, CLASSES, CHANNELS, SIDE, SIDE);
    }
}
