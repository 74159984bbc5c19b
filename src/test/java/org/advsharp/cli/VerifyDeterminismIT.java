package org.advsharp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.advsharp.report.ResultsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code advsharp verify} over the suite's real claims and checks, twice with one seed: the results
 * JSON (all but its {@code run} section of provenance and timings) is identical.
 */
class VerifyDeterminismIT {

    private static String verify(Path out) throws Exception {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = Advsharp.execute(new String[] {"verify", "--seed", "31", "--out", out.toString()},
                new PrintWriter(stdout, true), new PrintWriter(stderr, true), SuiteSources.standard());
        assertTrue(code == Advsharp.EXIT_OK || code == Advsharp.EXIT_CLAIM_FAILED, "exit " + code + ": " + stderr);
        return Files.readString(out.resolve("results.json"));
    }

    @Test
    void theSameSeedGivesIdenticalResultsTwiceInARow(@TempDir Path tmp) throws Exception {
        String first = verify(tmp.resolve("first"));
        String second = verify(tmp.resolve("second"));
        assertTrue(first.contains("\"masterSeed\" : 31"));
        assertEquals(ResultsJson.deterministicPart(first), ResultsJson.deterministicPart(second));
    }
}
