package org.advsharp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvInputTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(plain);
        }
        return bos.toByteArray();
    }

    private DataFileException failure(String name, String text) throws IOException {
        Path p = write(name, text);
        return assertThrows(DataFileException.class, () -> CsvInput.dataset(p));
    }

    @Test
    void readsHeaderAndMinusPlusLabels() throws IOException {
        Dataset d = CsvInput.dataset(write("a.csv", "f1,f2,label\n1.5,-2,1\n.5,3e-1,-1\n\n"));
        assertEquals(2, d.size());
        assertEquals(2, d.dimension());
        assertArrayEquals(new double[] {1.5, -2}, d.row(0));
        assertArrayEquals(new double[] {0.5, 0.3}, d.row(1));
        assertArrayEquals(new double[] {1, -1}, d.labels());
    }

    @Test
    void readsZeroOneLabelsWithoutHeaderAndCrlf() throws IOException {
        Dataset d = CsvInput.dataset(write("b.csv", "1,2,0\r\n3,4,1\r\n"));
        assertArrayEquals(new double[] {-1, 1}, d.labels());
        assertArrayEquals(new double[] {3, 4}, d.row(1));
    }

    @Test
    void readsGzip() throws IOException {
        Path p = dir.resolve("c.csv.gz");
        Files.write(p, gzip("x,y\n1,1\n2,-1\n".getBytes(StandardCharsets.UTF_8)));
        Dataset d = CsvInput.dataset(p);
        assertArrayEquals(new double[] {1, -1}, d.labels());
    }

    @Test
    void unparsableNumberNamesFileLineAndColumn() throws IOException {
        DataFileException e = failure("bad.csv", "a,b,y\n1,2,1\n1,x2,-1\n");
        assertTrue(e.getMessage().contains("bad.csv"), e.getMessage());
        assertEquals("line 3, column 2", e.location());
        assertTrue(e.problem().contains("unparsable number 'x2'"), e.problem());
    }

    @Test
    void javaOnlyNumberSyntaxIsRejected() throws IOException {
        assertTrue(failure("j.csv", "1d,1\n").problem().contains("unparsable"));
        assertTrue(failure("h.csv", "0x1p3,1\n").problem().contains("unparsable"));
    }

    @Test
    void nanAndInfinityAreRejected() throws IOException {
        DataFileException nan = failure("nan.csv", "1,2,1\nNaN,2,1\n");
        assertEquals("line 2, column 1", nan.location());
        assertTrue(nan.problem().contains("not a finite number"), nan.problem());
        DataFileException inf = failure("inf.csv", "1,-Infinity,1\n");
        assertTrue(inf.problem().contains("not a finite number"), inf.problem());
        DataFileException overflow = failure("big.csv", "1e999,1\n");
        assertTrue(overflow.problem().contains("overflows"), overflow.problem());
    }

    @Test
    void raggedRowIsRejected() throws IOException {
        DataFileException e = failure("rag.csv", "1,2,1\n1,2,3,1\n");
        assertEquals("line 2", e.location());
        assertTrue(e.problem().contains("ragged row: 4 fields where the first row has 3"), e.problem());
    }

    @Test
    void emptyFieldIsRejected() throws IOException {
        DataFileException e = failure("gap.csv", "1,,1\n");
        assertTrue(e.problem().contains("empty field"), e.problem());
    }

    @Test
    void unknownLabelIsRejected() throws IOException {
        DataFileException e = failure("lab.csv", "1,2,1\n1,2,2\n");
        assertEquals("line 2, column 3", e.location());
        assertTrue(e.problem().contains("unknown label 2.0"), e.problem());
    }

    @Test
    void mixedCodingsAreRejected() throws IOException {
        DataFileException e = failure("mix.csv", "1,0\n2,1\n3,-1\n");
        assertEquals("line 3, column 2", e.location());
        assertTrue(e.problem().contains("line 1 used the {0, 1} coding"), e.problem());
    }

    @Test
    void emptyAndHeaderOnlyFilesAreRejected() throws IOException {
        assertTrue(failure("empty.csv", "").problem().contains("empty file"));
        assertTrue(failure("blank.csv", "\n\n  \n").problem().contains("empty file"));
        assertTrue(failure("head.csv", "a,b,y\n").problem().contains("header row but no data rows"));
    }

    @Test
    void singleColumnIsRejected() throws IOException {
        DataFileException e = failure("one.csv", "1\n-1\n");
        assertTrue(e.problem().contains("at least one feature column"), e.problem());
    }

    @Test
    void truncatedGzipIsReported() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append(i).append(',').append(i % 7).append(",1\n");
        }
        byte[] full = gzip(sb.toString().getBytes(StandardCharsets.UTF_8));
        Path p = dir.resolve("cut.csv.gz");
        Files.write(p, Arrays.copyOf(full, full.length / 2));
        DataFileException e = assertThrows(DataFileException.class, () -> CsvInput.dataset(p));
        assertTrue(e.getMessage().contains("cut.csv.gz"), e.getMessage());
        assertTrue(e.problem().contains("truncated gzip"), e.problem());
    }

    @Test
    void corruptGzipIsReported() throws IOException {
        byte[] full = gzip("1,1\n2,-1\n".getBytes(StandardCharsets.UTF_8));
        full[full.length - 3] ^= 0x55;
        Path p = dir.resolve("bad.csv.gz");
        Files.write(p, full);
        DataFileException e = assertThrows(DataFileException.class, () -> CsvInput.dataset(p));
        assertTrue(e.problem().contains("corrupt gzip"), e.problem());
    }

    @Test
    void missingFileIsReported() {
        Path p = dir.resolve("nope.csv");
        DataFileException e = assertThrows(DataFileException.class, () -> CsvInput.dataset(p));
        assertTrue(e.problem().contains("no such file"), e.problem());
    }

    @Test
    void commentsByteOrderMarkAndQuotedCellsAreRead() throws IOException {
        Dataset d = CsvInput.dataset(write("q.csv", "\uFEFF# a comment\n\"f1\",\"y\"\n  # indented\n\"1.5\",1\n-2,0\n"));
        assertArrayEquals(new double[] {1.5}, d.row(0));
        assertArrayEquals(new double[] {1, -1}, d.labels());
    }

    @Test
    void weightsAreOnePerLineOrOneRowWithoutHeader() throws IOException {
        assertArrayEquals(new double[] {0.5, -1}, CsvInput.weights(write("w1.csv", "# w\n0.5\n-1\n")));
        assertArrayEquals(new double[] {0.5, -1}, CsvInput.weights(write("w2.csv", "0.5, -1\n")));
        DataFileException header = assertThrows(DataFileException.class,
                () -> CsvInput.weights(write("w3.csv", "w1,w2\n0.5,-1\n")));
        assertEquals("line 1", header.location());
        assertTrue(header.problem().contains("may not have a header row"), header.problem());
        DataFileException sub = assertThrows(DataFileException.class,
                () -> CsvInput.weights(write("w4.csv", "1\n1e-320\n")));
        assertEquals("line 2", sub.location());
        assertTrue(sub.problem().startsWith("weight 2 = 1.0E-320 is subnormal"), sub.problem());
    }

    @Test
    void aFolderAndBytesThatAreNotUtf8AreNamed() throws IOException {
        assertTrue(assertThrows(DataFileException.class, () -> CsvInput.dataset(dir)).problem()
                .contains("is a folder, not a file"));
        Path p = dir.resolve("latin1.csv");
        Files.write(p, new byte[] {'1', ',', (byte) 0xE9, ',', '1', '\n'});
        assertTrue(assertThrows(DataFileException.class, () -> CsvInput.dataset(p)).problem()
                .contains("not UTF-8 text"));
    }
}
