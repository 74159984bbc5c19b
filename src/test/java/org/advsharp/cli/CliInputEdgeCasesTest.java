package org.advsharp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.advsharp.data.CsvInput;
import org.advsharp.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Input edge cases of the command line: each is refused with one line naming the input, or read consistently. */
class CliInputEdgeCasesTest {

    @TempDir
    static Path tmp;

    private static Path file(String name, String content) throws Exception {
        Path p = tmp.resolve(name);
        Files.write(p, content.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    private static Path data() throws Exception {
        return file("data.csv", "1.0,0.5,1\n-0.3,1.2,-1\n0.8,-0.6,1\n-1.0,-0.2,-1\n0.2,0.9,-1\n0.5,-0.4,1\n");
    }

    static Stream<Arguments> refused() throws Exception {
        String d = data().toString();
        String w = file("w.csv", "0.4\n-0.3\n").toString();
        String headerWeights = file("wh.csv", "w1,w2\n0.4,-0.3\n").toString();
        String subnormal = file("wsub.csv", "1e-320\n0.0\n").toString();
        String out = tmp.resolve("r").toString();
        return Stream.of(
                Arguments.of(new String[] {"verify", "--claims", "", "--out", out}, "--claims: the list '' is empty"),
                Arguments.of(new String[] {"verify", "--claims", " , ", "--out", out}, "--claims: the list ' , ' is empty"),
                Arguments.of(new String[] {"verify", "--claims", "inst:sample-eigen,", "--out", out},
                        "--claims: entry 2 of 2 in 'inst:sample-eigen,' is empty"),
                Arguments.of(new String[] {"sweep", "--data", d, "--epsilons", "0,0.1,"},
                        "--epsilons: entry 3 of 3 in '0,0.1,' is empty"),
                Arguments.of(new String[] {"sweep", "--data", d, "--epsilons", ",0.1"},
                        "--epsilons: entry 1 of 2 in ',0.1' is empty"),
                Arguments.of(new String[] {"sweep", "--data", d, "--epsilons", ""}, "--epsilons: the list '' is empty"),
                Arguments.of(new String[] {"hessian", "--data", d, "--weights", headerWeights, "--epsilon", "0.1"},
                        headerWeights + ": line 1: 'w1,w2' has no number in it: a weights file may not have a header row"),
                Arguments.of(new String[] {"hessian", "--data", d, "--weights", subnormal, "--epsilon", "0.1"},
                        subnormal + ": line 1: weight 1 = 1.0E-320 is subnormal"),
                Arguments.of(new String[] {"hessian", "--data", d, "--weights", w, "--epsilon", "0.1", "--lambda", "0"},
                        null));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void eachBadInputIsOneLineNamingIt(String[] args, String expected) {
        CliRun r = CliRun.of(args);
        if (expected == null) {
            assertEquals(0, r.exit(), r.err());
            return;
        }
        assertEquals(2, r.exit(), r.err() + r.out());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals("", r.out(), "no partial output");
    }

    @Test
    void aByteOrderMarkWithoutHeaderAndCommentLinesAreRead() throws Exception {
        Path plain = data();
        Path marked = file("bom.csv", "\uFEFF" + Files.readString(plain));
        Path commented = file("comments.csv", "# features then label\n  # indented comment\n"
                + Files.readString(plain).replace("-1.0,-0.2,-1\n", "-1.0,-0.2,-1\n# between rows\n"));
        Dataset expected = CsvInput.dataset(plain);
        for (Path p : List.of(marked, commented)) {
            Dataset got = CsvInput.dataset(p);
            assertEquals(expected.size(), got.size(), p.toString());
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.label(i), got.label(i));
                assertTrue(Arrays.equals(expected.row(i), got.row(i)), p + " row " + i);
            }
        }
        Path bomWeights = file("wbom.csv", "\uFEFF# weights\n0.4\n-0.3\n");
        assertTrue(Arrays.equals(new double[] {0.4, -0.3}, CsvInput.weights(bomWeights)));
    }

    /**
     * The tool's own CSV output reads back: the weights columns of a {@code sweep --format csv} row, written
     * with the output's comment lines kept, are accepted by {@code hessian}, and the eigenvalues it prints
     * there equal the sweep's lambdaMax exactly (same data, same weights, same code path).
     */
    @Test
    void sweepCsvOutputReadsBackIntoHessian() throws Exception {
        Path d = data();
        CliRun sweep = CliRun.of("sweep", "--data", d.toString(), "--epsilons", "0.05", "--lambda", "0.01",
                "--format", "csv");
        assertEquals(0, sweep.exit(), sweep.err());
        List<String> lines = sweep.out().lines().toList();
        assertTrue(lines.get(0).startsWith("#"), "the sweep's CSV no longer starts with a comment: " + lines.get(0));
        List<String> table = lines.stream().filter(l -> !l.startsWith("#")).toList();
        List<String> header = List.of(table.get(0).split(","));
        String[] row = table.get(1).split(",");
        StringBuilder weights = new StringBuilder();
        lines.stream().filter(l -> l.startsWith("#")).forEach(l -> weights.append(l).append('\n'));
        weights.append(row[header.indexOf("w1")]).append(',').append(row[header.indexOf("w2")]).append('\n');
        Path w = file("w-from-sweep.csv", weights.toString());
        CliRun h = CliRun.of("hessian", "--data", d.toString(), "--weights", w.toString(), "--epsilon", "0.05",
                "--lambda", "0.01", "--format", "csv");
        assertEquals(0, h.exit(), h.err());
        String eig = h.out().lines().filter(l -> l.startsWith("eigenvalues,")).findFirst().orElseThrow();
        assertEquals(Double.parseDouble(row[header.indexOf("lambdaMax")]), Double.parseDouble(eig.split(",")[1]));
    }
}
