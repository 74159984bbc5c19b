package org.advsharp.data;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;

/**
 * Loads MNIST-style IDX files a user already has (plain or gzip-compressed): an image file with magic
 * number 0x00000803 (unsigned bytes, 3 dimensions: count, rows, columns) and a label file with magic
 * number 0x00000801 (unsigned bytes, 1 dimension: count). All integers are big-endian.
 *
 * <p>Pixels are scaled from 0..255 to [0, 1] by dividing by 255; labels must lie in 0..9. Checks, each
 * a {@link DataFileException} naming the file and the problem: wrong magic number (including the two
 * files swapped), non-positive dimensions, a declared size that does not fit in memory, a file shorter
 * than its header declares (truncated: says how many complete records it has), bytes left over after
 * the last record, image and label counts that disagree, a label outside 0..9.
 */
public final class MnistIdx {
    /** Magic number of an IDX file of unsigned bytes with 3 dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned bytes with 1 dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;
    private static final int CLASSES = 10;
    private static final double PIXEL_SCALE = 255.0;

    private MnistIdx() {
    }

    /** Loads all images and labels. */
    public static LabelledImages load(Path images, Path labels) {
        return load(images, labels, Integer.MAX_VALUE);
    }

    /** Loads the first {@code limit} images and labels (all of them if the files hold fewer). */
    public static LabelledImages load(Path images, Path labels, int limit) {
        return fromBytes(String.valueOf(images), FileBytes.read(images), String.valueOf(labels),
                FileBytes.read(labels), limit);
    }

    /** As {@link #load(Path, Path, int)} on bytes already in memory (gzip allowed). */
    public static LabelledImages fromBytes(String imagesName, byte[] imageBytes, String labelsName,
                                           byte[] labelBytes, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("MNIST: limit " + limit + " must be at least 1");
        }
        byte[] img = FileBytes.read(imagesName, new ByteArrayInputStream(imageBytes));
        byte[] lab = FileBytes.read(labelsName, new ByteArrayInputStream(labelBytes));
        int[] imgHeader = header(imagesName, img, IMAGES_MAGIC, 3, "image");
        int[] labHeader = header(labelsName, lab, LABELS_MAGIC, 1, "label");
        int count = imgHeader[0];
        int rows = imgHeader[1];
        int cols = imgHeader[2];
        if (labHeader[0] != count) {
            throw new DataFileException(labelsName, "header", "declares " + labHeader[0] + " labels but "
                    + imagesName + " declares " + count + " images");
        }
        long pixelsPerImage = (long) rows * cols;
        long imageBody = 16L + count * pixelsPerImage;
        checkLength(imagesName, img.length, imageBody, 16L, pixelsPerImage, count, "image");
        checkLength(labelsName, lab.length, 8L + count, 8L, 1L, count, "label");
        int n = Math.min(count, limit);
        double[][] pixels = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = label(labelsName, lab, i);
            pixels[i] = image(img, i, (int) pixelsPerImage);
        }
        return new LabelledImages(pixels, y, CLASSES, 1, rows, cols);
    }

    /**
     * The binary problem "class {@code negative} vs class {@code positive}" from IDX files (plain or
     * gzip): the first {@code perClass} images of each of the two classes in file order, label -1 for
     * {@code negative} and +1 for {@code positive}, pixels scaled to [0, 1]. Only the chosen images are
     * converted, so a pair of a 60,000-image file costs its own rows, not the whole file.
     *
     * @throws DataFileException        for a malformed file (as {@link #load})
     * @throws IllegalArgumentException for equal or out-of-range classes, perClass &lt; 1, or a class with
     *                                  fewer than perClass images
     */
    public static Dataset pair(Path images, Path labels, int negative, int positive, int perClass) {
        if (negative == positive || negative < 0 || positive < 0 || negative >= CLASSES || positive >= CLASSES
                || perClass < 1) {
            throw new IllegalArgumentException("MNIST pair (" + negative + ", " + positive + ", " + perClass
                    + " per class): needs two different classes in 0..9 and at least one image per class");
        }
        String imagesName = String.valueOf(images);
        String labelsName = String.valueOf(labels);
        byte[] img = FileBytes.read(images);
        byte[] lab = FileBytes.read(labels);
        int[] imgHeader = header(imagesName, img, IMAGES_MAGIC, 3, "image");
        int[] labHeader = header(labelsName, lab, LABELS_MAGIC, 1, "label");
        int count = imgHeader[0];
        int pixelsPerImage = imgHeader[1] * imgHeader[2];
        if (labHeader[0] != count) {
            throw new DataFileException(labelsName, "header", "declares " + labHeader[0] + " labels but "
                    + imagesName + " declares " + count + " images");
        }
        checkLength(imagesName, img.length, 16L + (long) count * pixelsPerImage, 16L, pixelsPerImage, count, "image");
        checkLength(labelsName, lab.length, 8L + count, 8L, 1L, count, "label");
        double[][] rows = new double[2 * perClass][];
        double[] y = new double[2 * perClass];
        int taken = 0;
        int takenNegative = 0;
        int takenPositive = 0;
        for (int i = 0; i < count && taken < 2 * perClass; i++) {
            int label = label(labelsName, lab, i);
            if (label == negative && takenNegative < perClass) {
                takenNegative++;
            } else if (label == positive && takenPositive < perClass) {
                takenPositive++;
            } else {
                continue;
            }
            rows[taken] = image(img, i, pixelsPerImage);
            y[taken] = label == positive ? 1.0 : -1.0;
            taken++;
        }
        if (taken < 2 * perClass) {
            throw new IllegalArgumentException(imagesName + ": asked for " + perClass + " images of each of classes "
                    + negative + " and " + positive + " but it has " + takenNegative + " and " + takenPositive);
        }
        return Dataset.of(rows, y);
    }

    private static int label(String labelsName, byte[] lab, int i) {
        int label = lab[8 + i] & 0xff;
        if (label >= CLASSES) {
            throw new DataFileException(labelsName, "record " + i + " (byte " + (8 + i) + ")", "label "
                    + label + " is outside 0..9");
        }
        return label;
    }

    private static double[] image(byte[] img, int i, int pixelsPerImage) {
        double[] row = new double[pixelsPerImage];
        int base = 16 + i * pixelsPerImage;
        for (int j = 0; j < pixelsPerImage; j++) {
            row[j] = (img[base + j] & 0xff) / PIXEL_SCALE;
        }
        return row;
    }

    private static int[] header(String name, byte[] b, int magic, int dims, String what) {
        if (b.length == 0) {
            throw new DataFileException(name, "", "empty file; expected an IDX " + what + " file");
        }
        if (b.length < 4) {
            throw new DataFileException(name, "header", "truncated: " + b.length
                    + " bytes, too short for the 4-byte magic number");
        }
        int found = intAt(b, 0);
        if (found != magic) {
            String hint = found == IMAGES_MAGIC ? " (this is an IDX image file; were the files swapped?)"
                    : found == LABELS_MAGIC ? " (this is an IDX label file; were the files swapped?)" : "";
            throw new DataFileException(name, "header", String.format("magic number 0x%08x, expected 0x%08x "
                    + "for an IDX %s file%s", found, magic, what, hint));
        }
        int headerBytes = 4 + 4 * dims;
        if (b.length < headerBytes) {
            throw new DataFileException(name, "header", "truncated: " + b.length + " bytes, the header alone "
                    + "needs " + headerBytes);
        }
        int[] sizes = new int[dims];
        String[] names = dims == 3 ? new String[] {"image count", "rows", "columns"} : new String[] {"label count"};
        for (int k = 0; k < dims; k++) {
            sizes[k] = intAt(b, 4 + 4 * k);
            if (sizes[k] <= 0) {
                throw new DataFileException(name, "header", names[k] + " is " + sizes[k] + "; it must be positive");
            }
        }
        if (dims == 3 && (long) sizes[0] * sizes[1] * sizes[2] > Integer.MAX_VALUE - 16L) {
            throw new DataFileException(name, "header", "declares " + sizes[0] + " images of " + sizes[1] + "x"
                    + sizes[2] + ", more than one file can hold in memory");
        }
        return sizes;
    }

    private static void checkLength(String name, long actual, long expected, long headerBytes, long recordBytes,
                                    int count, String what) {
        if (actual < expected) {
            long complete = (actual - headerBytes) / recordBytes;
            throw new DataFileException(name, "byte " + actual, "truncated: the header declares " + count + " "
                    + what + "s (" + expected + " bytes) but the file has " + actual + " bytes, " + complete
                    + " complete " + what + "s");
        }
        if (actual > expected) {
            throw new DataFileException(name, "byte " + expected, (actual - expected) + " bytes left over after the "
                    + count + " " + what + "s the header declares");
        }
    }

    private static int intAt(byte[] b, int offset) {
        return ((b[offset] & 0xff) << 24) | ((b[offset + 1] & 0xff) << 16) | ((b[offset + 2] & 0xff) << 8)
                | (b[offset + 3] & 0xff);
    }
}
