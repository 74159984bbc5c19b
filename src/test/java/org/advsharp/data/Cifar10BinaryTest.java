package org.advsharp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10BinaryTest {

    @TempDir
    Path dir;

    /** Records with the given labels; pixel j of record r is (r + j) mod 256. */
    static byte[] records(int... labels) {
        byte[] b = new byte[labels.length * Cifar10Binary.RECORD_BYTES];
        for (int r = 0; r < labels.length; r++) {
            int base = r * Cifar10Binary.RECORD_BYTES;
            b[base] = (byte) labels[r];
            for (int j = 0; j < Cifar10Binary.RECORD_BYTES - 1; j++) {
                b[base + 1 + j] = (byte) ((r + j) & 0xff);
            }
        }
        return b;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void readsRecordsChannelMajorScaled() throws IOException {
        LabelledImages c = Cifar10Binary.load(write("data_batch_1.bin", records(3, 9)));
        assertEquals(2, c.size());
        assertEquals(3, c.channels());
        assertEquals(32, c.height());
        assertEquals(3 * 32 * 32, c.dimension());
        assertArrayEquals(new int[] {3, 9}, c.labels());
        assertEquals(1 / 255.0, c.row(1)[0]);
        assertEquals(((1 + 1024) & 0xff) / 255.0, c.row(1)[1024]);
    }

    @Test
    void concatenatesBatchesAndGzipWithLimit() throws IOException {
        Path a = write("a.bin", records(1));
        Path b = write("b.bin.gz", CsvInputTest.gzip(records(2, 4)));
        assertArrayEquals(new int[] {1, 2, 4}, Cifar10Binary.load(a, b).labels());
        assertArrayEquals(new int[] {1, 2}, Cifar10Binary.load(2, a, b).labels());
    }

    @Test
    void truncatedFileIsReported() throws IOException {
        byte[] full = records(1, 2);
        Path p = write("cut.bin", Arrays.copyOf(full, full.length - 100));
        DataFileException e = assertThrows(DataFileException.class, () -> Cifar10Binary.load(p));
        assertTrue(e.getMessage().contains("cut.bin"), e.getMessage());
        assertTrue(e.problem().contains("truncated"), e.problem());
        assertTrue(e.problem().contains("1 complete records, 2973 bytes left over"), e.problem());
    }

    @Test
    void emptyFileIsReported() throws IOException {
        Path p = write("empty.bin", new byte[0]);
        assertTrue(assertThrows(DataFileException.class, () -> Cifar10Binary.load(p)).problem()
                .contains("empty file"));
    }

    @Test
    void badLabelIsReported() throws IOException {
        Path p = write("lab.bin", records(1, 10));
        DataFileException e = assertThrows(DataFileException.class, () -> Cifar10Binary.load(p));
        assertEquals("record 1 (byte 3073)", e.location());
        assertTrue(e.problem().contains("label 10 is outside 0..9"), e.problem());
    }

    @Test
    void noFilesOrBadLimitAreRejected() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> Cifar10Binary.load());
        Path p = write("ok.bin", records(1));
        assertThrows(IllegalArgumentException.class, () -> Cifar10Binary.load(0, p));
    }

    @Test
    void aFileAfterTheLimitIsNotOpened() throws IOException {
        Path a = write("a.bin", records(5, 6));
        Path cut = write("cut.bin", new byte[Cifar10Binary.RECORD_BYTES + 1]);
        Cifar10Binary.Records r = Cifar10Binary.records(2, List.of(a, cut, dir.resolve("missing.bin")));
        assertArrayEquals(new int[] {5, 6}, r.labels());
        assertEquals((1 + 7) & 0xff, r.pixel(1, 7));
        assertThrows(DataFileException.class, () -> Cifar10Binary.records(3, List.of(a, cut)));
    }
}
