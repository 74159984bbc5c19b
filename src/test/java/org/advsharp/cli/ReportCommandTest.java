package org.advsharp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code advsharp report}: says what it merged, writes the merged results, refuses a missing file once. */
class ReportCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aMergeSaysWhatItMergedAndWritesTheMergedResultsAndTheStability() {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, CliRun.of("verify", "--seed", "5", "--out", a.toString()).exit());
        assertEquals(0, CliRun.of("verify", "--seed", "6", "--out", b.toString()).exit());
        assertFalse(Files.exists(a.resolve("verdict-stability.txt")), "plain verify writes no stability summary");
        Path out = tmp.resolve("merged");
        CliRun r = CliRun.of("report", a.resolve("results.json").toString(), b.resolve("results.json").toString(),
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("merged 2 files (5 claims, 2 runs): "), r.out());
        assertTrue(r.out().contains("inst:sample-eigen: VERIFIED, VERIFIED (stable)"), r.out());
        assertTrue(Files.isRegularFile(out.resolve("results.json")));
        assertTrue(Files.isRegularFile(out.resolve("verdict-stability.txt")));
        CliRun one = CliRun.of("report", a.resolve("results.json").toString(), "--out", tmp.resolve("one").toString());
        assertEquals(0, one.exit(), one.err());
        assertFalse(one.out().contains("(stable)"), one.out());
        assertFalse(Files.exists(tmp.resolve("one").resolve("verdict-stability.txt")));
    }

    @Test
    void aMissingFileIsRefusedWithOnePrefix() {
        CliRun r = CliRun.of("report", "nosuch.json", "--out", tmp.resolve("x").toString());
        assertEquals(2, r.exit());
        assertEquals("advsharp report: nosuch.json: no such file", r.err().strip());
        assertFalse(Files.exists(tmp.resolve("x")));
    }
}
