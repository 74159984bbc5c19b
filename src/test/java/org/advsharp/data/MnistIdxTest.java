package org.advsharp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistIdxTest {
    private static final int COUNT = 3;
    private static final int ROWS = 2;
    private static final int COLS = 3;

    @TempDir
    Path dir;

    /** An IDX image file: magic, count, rows, cols, then pixel k of image i = 10 * i + k. */
    static byte[] images(int magic, int count, int rows, int cols, int bodyImages) {
        ByteBuffer b = ByteBuffer.allocate(16 + bodyImages * rows * cols);
        b.putInt(magic).putInt(count).putInt(rows).putInt(cols);
        for (int i = 0; i < bodyImages; i++) {
            for (int k = 0; k < rows * cols; k++) {
                b.put((byte) (10 * i + k + (i == 1 ? 200 : 0)));
            }
        }
        return b.array();
    }

    static byte[] labels(int magic, int count, int... values) {
        ByteBuffer b = ByteBuffer.allocate(8 + values.length);
        b.putInt(magic).putInt(count);
        for (int v : values) {
            b.put((byte) v);
        }
        return b.array();
    }

    private LabelledImages load(byte[] img, byte[] lab) throws IOException {
        Path i = dir.resolve("imgs-idx3-ubyte");
        Path l = dir.resolve("labs-idx1-ubyte");
        Files.write(i, img);
        Files.write(l, lab);
        return MnistIdx.load(i, l);
    }

    private DataFileException failure(byte[] img, byte[] lab) {
        return assertThrows(DataFileException.class, () -> load(img, lab));
    }

    private static byte[] goodImages() {
        return images(MnistIdx.IMAGES_MAGIC, COUNT, ROWS, COLS, COUNT);
    }

    private static byte[] goodLabels() {
        return labels(MnistIdx.LABELS_MAGIC, COUNT, 7, 0, 9);
    }

    @Test
    void readsImagesScaledToUnitIntervalAndLabels() throws IOException {
        LabelledImages m = load(goodImages(), goodLabels());
        assertEquals(COUNT, m.size());
        assertEquals(ROWS * COLS, m.dimension());
        assertEquals(ROWS, m.height());
        assertEquals(COLS, m.width());
        assertArrayEquals(new int[] {7, 0, 9}, m.labels());
        assertArrayEquals(new double[] {0, 1 / 255.0, 2 / 255.0, 3 / 255.0, 4 / 255.0, 5 / 255.0}, m.row(0));
        assertEquals(215 / 255.0, m.row(1)[5]);
    }

    @Test
    void readsGzipAndHonoursLimit() throws IOException {
        Path i = dir.resolve("i.gz");
        Path l = dir.resolve("l.gz");
        Files.write(i, CsvInputTest.gzip(goodImages()));
        Files.write(l, CsvInputTest.gzip(goodLabels()));
        LabelledImages m = MnistIdx.load(i, l, 2);
        assertEquals(2, m.size());
        assertArrayEquals(new int[] {7, 0}, m.labels());
    }

    @Test
    void wrongMagicIsReported() {
        DataFileException e = failure(images(0x00000802, COUNT, ROWS, COLS, COUNT), goodLabels());
        assertTrue(e.getMessage().contains("imgs-idx3-ubyte"), e.getMessage());
        assertTrue(e.problem().contains("magic number 0x00000802, expected 0x00000803"), e.problem());
    }

    @Test
    void swappedFilesAreRecognised() {
        DataFileException e = failure(goodLabels(), goodImages());
        assertTrue(e.problem().contains("were the files swapped?"), e.problem());
    }

    @Test
    void truncatedImageFileSaysHowManyImagesAreComplete() {
        byte[] img = goodImages();
        DataFileException e = failure(Arrays.copyOf(img, img.length - 4), goodLabels());
        assertTrue(e.problem().contains("truncated"), e.problem());
        assertTrue(e.problem().contains("2 complete images"), e.problem());
    }

    @Test
    void truncatedHeaderIsReported() {
        assertTrue(failure(Arrays.copyOf(goodImages(), 10), goodLabels()).problem().contains("header alone"));
        assertTrue(failure(Arrays.copyOf(goodImages(), 3), goodLabels()).problem().contains("too short"));
    }

    @Test
    void truncatedLabelFileIsReported() {
        DataFileException e = failure(goodImages(), labels(MnistIdx.LABELS_MAGIC, COUNT, 7, 0));
        assertTrue(e.getMessage().contains("labs-idx1-ubyte"), e.getMessage());
        assertTrue(e.problem().contains("2 complete labels"), e.problem());
    }

    @Test
    void extraBytesAreReported() {
        byte[] img = Arrays.copyOf(goodImages(), goodImages().length + 5);
        assertTrue(failure(img, goodLabels()).problem().contains("5 bytes left over"));
    }

    @Test
    void countMismatchIsReported() {
        DataFileException e = failure(goodImages(), labels(MnistIdx.LABELS_MAGIC, 2, 7, 0));
        assertTrue(e.problem().contains("declares 2 labels but"), e.problem());
    }

    @Test
    void labelOutsideRangeIsReported() {
        DataFileException e = failure(goodImages(), labels(MnistIdx.LABELS_MAGIC, COUNT, 7, 12, 1));
        assertEquals("record 1 (byte 9)", e.location());
        assertTrue(e.problem().contains("label 12 is outside 0..9"), e.problem());
    }

    @Test
    void nonPositiveDimensionsAreReported() {
        DataFileException e = failure(images(MnistIdx.IMAGES_MAGIC, COUNT, 0, COLS, 0), goodLabels());
        assertTrue(e.problem().contains("rows is 0"), e.problem());
    }

    @Test
    void absurdDeclaredSizeIsReported() {
        DataFileException e = failure(images(MnistIdx.IMAGES_MAGIC, 1 << 20, 1 << 10, 1 << 10, 0),
                labels(MnistIdx.LABELS_MAGIC, 1 << 20));
        assertTrue(e.problem().contains("more than one file can hold"), e.problem());
    }

    @Test
    void emptyFileIsReported() {
        assertTrue(failure(new byte[0], goodLabels()).problem().contains("empty file"));
    }

    @Test
    void limitMustBePositive() {
        assertThrows(IllegalArgumentException.class,
                () -> MnistIdx.fromBytes("i", goodImages(), "l", goodLabels(), 0));
    }
}
