package org.advsharp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.advsharp.data.CsvInput;
import org.advsharp.data.Dataset;
import org.advsharp.training.Ball;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a first run of {@code sweep} and {@code hessian} on one's own data meets (issue 20). */
class SweepFirstRunTest {
    private static final String DATA = "x1,x2,x3,label\n1.0,0.5,-0.2,1\n-0.3,1.2,0.4,0\n0.8,-0.6,1.1,1\n"
            + "-1.0,-0.2,0.3,0\n0.2,0.9,-0.7,0\n0.5,-0.4,0.6,1\n-0.6,0.3,-0.1,1\n0.7,0.1,0.9,0\n1.3,-0.8,0.2,1\n"
            + "-0.9,0.6,-0.5,0\n0.1,-1.1,0.8,1\n-0.2,0.4,-1.0,0\n";

    @TempDir
    Path tmp;

    private Path file(String name, String content) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static void refusedInOneLine(CliRun r, String expected) {
        assertEquals(2, r.exit(), r.err() + r.out());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals("", r.out(), "no partial output");
    }

    @Test
    void criticalRadiusIsPrintedOnRequestForEitherBall() throws Exception {
        Path data = file("d.csv", DATA);
        Dataset dataset = CsvInput.dataset(data);
        CliRun l2 = CliRun.of("sweep", "--data", data.toString(), "--critical-radius");
        assertEquals(0, l2.exit(), l2.err());
        JsonNode root = new ObjectMapper().readTree(l2.out());
        assertEquals(Ball.L2.criticalRadius(dataset), root.get("criticalRadius").asDouble(), 0.0);
        assertEquals("l2", root.get("ball").asText());
        CliRun linf = CliRun.of("sweep", "--data", data.toString(), "--critical-radius", "--ball", "linf", "--format",
                "csv");
        assertEquals(0, linf.exit(), linf.err());
        assertTrue(linf.out().contains("criticalRadius," + Ball.LINF.criticalRadius(dataset) + "\n"), linf.out());
        refusedInOneLine(CliRun.of("sweep", "--data", data.toString(), "--critical-radius", "--epsilons", "0"),
                "leave --epsilons out");
        refusedInOneLine(CliRun.of("sweep", "--data", data.toString()), "--epsilons: give the radii");
    }

    @Test
    void separableHighDimensionalDataAreRefusedWithAdviceThatWorks() throws Exception {
        // N = 40 < d = 300: generic rows are linearly separable, too wide for the LP; the training certificate answers
        SplittableRandom rng = new SplittableRandom(20);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 300; j++) {
                b.append(rng.nextGaussian() + (i % 2 == 0 ? 0.05 : -0.05)).append(',');
            }
            b.append(i % 2 == 0 ? "1\n" : "0\n");
        }
        Path data = file("wide.csv", b.toString());
        CliRun r = CliRun.of("sweep", "--data", data.toString(), "--epsilons", "0");
        refusedInOneLine(r, "no finite minimiser");
        assertTrue(r.err().contains("every margin is positive") && r.err().endsWith("(give --lambda > 0)\n"), r.err());
        CliRun advised = CliRun.of("sweep", "--data", data.toString(), "--epsilons", "0", "--lambda", "0.01");
        assertEquals(0, advised.exit(), "the advice is accepted: " + advised.err());
    }

    @Test
    void otherSeparatorsAreNamed() throws Exception {
        refusedInOneLine(CliRun.of("sweep", "--data", file("semi.csv", "0,1;0,2;1\n0,3;-0,1;0\n").toString(),
                "--epsilons", "0"), "';' (semicolon)");
        refusedInOneLine(CliRun.of("sweep", "--data", file("semidot.csv", "0.1;0.2;1\n0.3;-0.1;0\n").toString(),
                "--epsilons", "0"), "';' (semicolon)");
        refusedInOneLine(CliRun.of("sweep", "--data", file("tab.csv", "0.1\t0.2\t1\n0.3\t-0.1\t0\n").toString(),
                "--epsilons", "0"), "a tab");
    }

    @Test
    void aQuotedHeaderNameMayHoldAComma() throws Exception {
        Path data = file("quoted.csv", DATA.replace("x1,x2", "\"radius, mean\",x2"));
        CliRun r = CliRun.of("sweep", "--data", data.toString(), "--epsilons", "0", "--lambda", "0.01");
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void dashReadsStandardInput() throws Exception {
        Path data = file("d.csv", DATA);
        CliRun fromFile = CliRun.of("sweep", "--data", data.toString(), "--epsilons", "0,0.1", "--lambda", "0.01");
        InputStream stdin = System.in;
        CliRun fromStdin;
        try {
            System.setIn(new ByteArrayInputStream(DATA.getBytes(StandardCharsets.UTF_8)));
            fromStdin = CliRun.of("sweep", "--data", "-", "--epsilons", "0,0.1", "--lambda", "0.01");
        } finally {
            System.setIn(stdin);
        }
        assertEquals(0, fromStdin.exit(), fromStdin.err());
        assertEquals(fromFile.out(), fromStdin.out());
    }

    @Test
    void oneRowAndOneClassAreRefusedWithTheReason() throws Exception {
        refusedInOneLine(CliRun.of("sweep", "--data", file("one.csv", "1.0,2.0,1\n").toString(), "--epsilons", "0",
                "--lambda", "0.01"), "the only row has label +1: a sweep needs rows of both classes");
        refusedInOneLine(CliRun.of("sweep", "--data", file("class.csv", "1.0,2.0,0\n0.5,-1,0\n").toString(),
                "--epsilons", "0", "--lambda", "0.01"), "all 2 rows have label -1 (or 0): a sweep needs rows of both");
    }

    @Test
    void aRadiusTooLargeForTheHessianIsBlamedNotTheWeights() throws Exception {
        Path data = file("d.csv", DATA);
        Path w = file("w.csv", "0.5\n-0.2\n0.1\n");
        CliRun r = CliRun.of("hessian", "--data", data.toString(), "--weights", w.toString(), "--epsilon", "1e308");
        refusedInOneLine(r, "--epsilon: the Hessian is not finite");
        assertTrue(r.err().contains("critical radius") && !r.err().contains("rescale"), r.err());
    }

    @Test
    void helpListsEveryExitCode() {
        CliRun r = CliRun.of("--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().replaceAll("\\s+", " ").contains("3 internal error, 4 a sweep radius failed"), r.out());
    }
}
