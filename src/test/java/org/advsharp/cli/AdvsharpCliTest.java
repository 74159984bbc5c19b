package org.advsharp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.advsharp.check.Check;
import org.advsharp.data.CsvInput;
import org.advsharp.data.Dataset;
import org.advsharp.numerics.Tolerances;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.oracle.CriticalRadius;
import org.advsharp.oracle.PenalizedAdversarialLoss;
import org.advsharp.results.ResultsJson;
import org.advsharp.run.SampleSuite;
import org.advsharp.training.Ball;
import org.advsharp.training.EpsilonSweep;
import org.advsharp.training.FacePoint;
import org.advsharp.training.NewtonTrainer;
import org.advsharp.training.Solver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command end to end, in this JVM, with captured streams. */
class AdvsharpCliTest {

    /**
     * Agreement of the printed eigenvalues' sum with the printed Hessian's trace: both come from one
     * 3x3 matrix of entries below 1, so they agree to a few ulps of 1; 1e-12 leaves room for rounding
     * in the eigen-solver and nothing else.
     */
    private static final double TRACE_AGREEMENT = 1e-12;

    @TempDir
    static Path tmp;

    private static Path file(String name, String content) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static Path data() throws Exception {
        return file("data.csv", "x1,x2,x3,label\n1.0,0.5,-0.2,1\n-0.3,1.2,0.4,0\n0.8,-0.6,1.1,1\n-1.0,-0.2,0.3,0\n");
    }

    private static Path weights() throws Exception {
        return file("w.csv", "0.4\n-0.3\n0.2\n");
    }

    @Test
    void verifyRunsTheChecksShowsProgressWritesTheReportAndExitsZero() {
        Path out = tmp.resolve("reports-ok");
        CliRun r = CliRun.of("verify", "--seed", "5", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("[claim 1/5, check 1/6] prop:sample-decomposition / decomposition-vs-fd"), r.out());
        assertTrue(r.out().contains("5 claims: 2 VERIFIED, 1 SUPPORTED, 1 COUNTEREXAMPLE, 0 INCONCLUSIVE, 0 FAILED, 1 NOT RUN"), r.out());
        assertTrue(r.out().contains("NOT RUN exp:sample-resnet: none of its"), r.out());
        assertTrue(!r.out().contains("NOT_RUN") && !r.out().contains("COUNTEREXAMPLE_FOUND")
                && !r.out().contains(": NOT RUN: "), r.out());
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
        assertEquals("", r.err());
    }

    @Test
    void verifyExitsOneWhenAClaimFails() {
        List<Check> checks = new ArrayList<>(SampleSuite.checks());
        checks.add(SampleSuite.failingCheck("inst:sample-eigen"));
        CliRun r = CliRun.with(CliRun.sample(checks), "verify", "--out", tmp.resolve("reports-bad").toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("FAILED inst:sample-eigen"), r.out());
    }

    @Test
    void theSameSeedGivesIdenticalJsonResultsTwiceInARow() throws Exception {
        Path a = tmp.resolve("det-a");
        Path b = tmp.resolve("det-b");
        assertEquals(0, CliRun.of("verify", "--seed", "99", "--tries", "7", "--out", a.toString()).exit());
        assertEquals(0, CliRun.of("verify", "--seed", "99", "--tries", "7", "--out", b.toString()).exit());
        String first = Files.readString(a.resolve("results.json"));
        String second = Files.readString(b.resolve("results.json"));
        assertEquals(ResultsJson.deterministicPart(first), ResultsJson.deterministicPart(second));
        JsonNode run = new ObjectMapper().readTree(first).get("run").get("provenance");
        assertEquals("advsharp verify --seed 99 --tries 7 --out " + a, run.get("command").asText());
        assertEquals(7, run.get("tries").asInt());
    }

    @Test
    void verifyRunsOnlyTheNamedClaims() {
        CliRun r = CliRun.of("verify", "--claims", "rem:sample-not-monotone", "--out", tmp.resolve("one").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("1 claim: 0 VERIFIED, 0 SUPPORTED, 1 COUNTEREXAMPLE"), r.out());
    }

    @Test
    void hessianPrintsExactlyTheDocumentedKeysWithSortedSpectra() throws Exception {
        CliRun r = CliRun.of("hessian", "--data", data().toString(), "--weights", weights().toString(),
                "--epsilon", "0.1", "--lambda", "0.01");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("hessian", "fixedInputPart", "kappa", "eigenvalues", "fixedInputEigenvalues",
                "criticalRadius", "loss", "gradient"), keys);
        for (String spectrum : new String[] {"eigenvalues", "fixedInputEigenvalues"}) {
            JsonNode e = json.get(spectrum);
            assertEquals(3, e.size());
            for (int i = 1; i < e.size(); i++) {
                assertTrue(e.get(i - 1).asDouble() >= e.get(i).asDouble(), spectrum + " not descending: " + e);
            }
        }
        double trace = 0;
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            trace += json.get("hessian").get(i).get(i).asDouble();
            sum += json.get("eigenvalues").get(i).asDouble();
        }
        assertEquals(trace, sum, TRACE_AGREEMENT);
        Dataset d = Dataset.fromZeroOneLabels(new double[][] {{1.0, 0.5, -0.2}, {-0.3, 1.2, 0.4}, {0.8, -0.6, 1.1},
            {-1.0, -0.2, 0.3}}, new double[] {1, 0, 1, 0});
        double[] w = {0.4, -0.3, 0.2};
        AdversarialLoss loss = new AdversarialLoss(d, 0.1);
        assertEquals(loss.value(w) + 0.005 * (0.16 + 0.09 + 0.04), json.get("loss").asDouble(), TRACE_AGREEMENT);
        assertEquals(loss.hessian(w).kappa(), json.get("kappa").asDouble());
        assertTrue(r.err().startsWith("note: hessian, fixedInputPart and the eigenvalues are of the mean"), r.err());
    }

    @Test
    void hessianAsCsvAcceptsAOneRowWeightFileAndMinusOnePlusOneLabels() throws Exception {
        Path d = file("pm.csv", "1.0,0.5,1\n-0.3,1.2,-1\n0.2,0.1,1\n");
        Path w = file("wrow.csv", "0.5, -0.25\n");
        CliRun r = CliRun.of("hessian", "--data", d.toString(), "--weights", w.toString(), "--epsilon", "0",
                "--format", "csv");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("# hessian, fixedInputPart"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("kappa,0.0")), r.out());
        assertEquals(2, lines.stream().filter(l -> l.startsWith("hessian,")).count());
        assertEquals(2, lines.stream().filter(l -> l.startsWith("fixedInputPart,")).count());
    }

    static Stream<Arguments> badInputs() throws Exception {
        String d = data().toString();
        String w = weights().toString();
        String missing = tmp.resolve("nope.csv").toString();
        String text = file("text.csv", "1.0,abc,1\n0.5,0.2,0\n").toString();
        String nan = file("nan.csv", "1.0,NaN,1\n0.5,0.2,0\n").toString();
        String ragged = file("ragged.csv", "1.0,0.3,1\n0.5,0\n").toString();
        String label = file("label.csv", "1.0,0.3,2\n0.5,0.1,0\n").toString();
        String twoWeights = file("w2.csv", "0.1\n0.2\n").toString();
        String zeroWeights = file("w0.csv", "0\n0\n0\n").toString();
        String nanWeight = file("wnan.csv", "0.1\nnan\n0.3\n").toString();
        String aFile = file("plain-file", "x").toString();
        return Stream.of(
                Arguments.of("missing data file", new String[] {"hessian", "--data", missing, "--weights", w, "--epsilon", "0.1"}, "no such file"),
                Arguments.of("missing weights file", new String[] {"hessian", "--data", d, "--weights", missing, "--epsilon", "0.1"}, "no such file"),
                Arguments.of("unparsable number", new String[] {"hessian", "--data", text, "--weights", w, "--epsilon", "0.1"}, "'abc' is not a number"),
                Arguments.of("NaN feature", new String[] {"hessian", "--data", nan, "--weights", w, "--epsilon", "0.1"}, "must be finite"),
                Arguments.of("ragged rows", new String[] {"hessian", "--data", ragged, "--weights", w, "--epsilon", "0.1"}, "ragged"),
                Arguments.of("bad label", new String[] {"hessian", "--data", label, "--weights", w, "--epsilon", "0.1"}, "label 2.0"),
                Arguments.of("wrong weight count", new String[] {"hessian", "--data", d, "--weights", twoWeights, "--epsilon", "0.1"}, "2 weight(s) but the data has d = 3"),
                Arguments.of("NaN weight", new String[] {"hessian", "--data", d, "--weights", nanWeight, "--epsilon", "0.1"}, "must be finite"),
                Arguments.of("w = 0", new String[] {"hessian", "--data", d, "--weights", zeroWeights, "--epsilon", "0.1"}, "all weights are 0"),
                Arguments.of("eps < 0", new String[] {"hessian", "--data", d, "--weights", w, "--epsilon", "-0.1"}, "--epsilon must be >= 0"),
                Arguments.of("eps NaN", new String[] {"hessian", "--data", d, "--weights", w, "--epsilon", "NaN"}, "--epsilon must be a finite number"),
                Arguments.of("eps unparsable", new String[] {"hessian", "--data", d, "--weights", w, "--epsilon", "0.1x"}, "'0.1x'"),
                Arguments.of("lambda < 0", new String[] {"hessian", "--data", d, "--weights", w, "--epsilon", "0.1", "--lambda", "-1"}, "--lambda must be >= 0"),
                Arguments.of("unknown format", new String[] {"hessian", "--data", d, "--weights", w, "--epsilon", "0.1", "--format", "xml"}, "xml"),
                Arguments.of("missing option", new String[] {"hessian", "--data", d, "--weights", w}, "--epsilon"),
                Arguments.of("sweep: missing data", new String[] {"sweep", "--data", missing, "--epsilons", "0,0.1"}, "no such file"),
                Arguments.of("sweep: eps < 0", new String[] {"sweep", "--data", d, "--epsilons", "0,-0.1"}, "--epsilons must be >= 0"),
                Arguments.of("sweep: unparsable list", new String[] {"sweep", "--data", d, "--epsilons", "0,zero"}, "'zero'"),
                Arguments.of("verify: unwritable output (a file)", new String[] {"verify", "--out", aFile}, "not a folder"),
                Arguments.of("verify: unwritable output (under a file)", new String[] {"verify", "--out", aFile + "/reports"}, "cannot be written"),
                Arguments.of("verify: unknown claim", new String[] {"verify", "--claims", "thm:nope", "--out", tmp.resolve("x").toString()}, "unknown claim id 'thm:nope'"),
                Arguments.of("verify: tries 0", new String[] {"verify", "--tries", "0"}, "--tries must be a positive"),
                Arguments.of("verify: seed unparsable", new String[] {"verify", "--seed", "abc"}, "'abc'"),
                Arguments.of("no command", new String[] {}, "name a command"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputExitsTwoWithOneClearLineAndNoStackTrace(String what, String[] args, String expected) {
        CliRun r = CliRun.of(args);
        assertEquals(2, r.exit(), what + ": " + r.err() + r.out());
        assertEquals(1, r.errLines().size(), what + ": expected one line on stderr, got:\n" + r.err());
        assertTrue(r.err().contains(expected), what + ": " + r.err());
        assertFalse(r.err().contains("\tat "), what + ": stack trace without --debug");
    }

    @Test
    void debugAddsTheStackTrace() throws Exception {
        CliRun r = CliRun.of("hessian", "--debug", "--data", tmp.resolve("nope.csv").toString(), "--weights",
                weights().toString(), "--epsilon", "0.1");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("\tat org.advsharp.data.CsvInput"), r.err());
    }

    /**
     * The sweep trains with Newton to ||grad F|| <= 1e-12 (NewtonTrainer.DEFAULT_GRADIENT_TOLERANCE); the
     * printed gradient norm must be below it, and the gradient recomputed from the printed weights (which
     * round-trip exactly) agrees with it to rounding, so 1e-11 is a safe bound for the recomputed norm.
     */
    private static final double SWEEP_GRADIENT_TOLERANCE = 1e-11;

    private static Path sweepData() throws Exception {
        // 12 points in 3-D, classes overlapping (not separable), so eps = 0 with small lambda trains too.
        return file("sweep.csv", "x1,x2,x3,label\n1.0,0.5,-0.2,1\n-0.3,1.2,0.4,0\n0.8,-0.6,1.1,1\n-1.0,-0.2,0.3,0\n"
                + "0.2,0.9,-0.7,0\n0.5,-0.4,0.6,1\n-0.6,0.3,-0.1,1\n0.7,0.1,0.9,0\n1.3,-0.8,0.2,1\n-0.9,0.6,-0.5,0\n"
                + "0.1,-1.1,0.8,1\n-0.2,0.4,-1.0,0\n");
    }

    @Test
    void sweepTrainsAtEveryEpsilonAndPrintsCertifiedSharpness() throws Exception {
        Path data = sweepData();
        Dataset dataset = CsvInput.dataset(data);
        double epsC = CriticalRadius.of(dataset);
        String list = 0.0 + "," + 0.3 * epsC + "," + 0.6 * epsC + "," + 0.9 * epsC;
        CliRun r = CliRun.of("sweep", "--data", data.toString(), "--epsilons", list, "--lambda", "0.01");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("weight decay would add lambda"), r.err());
        JsonNode rows = new ObjectMapper().readTree(r.out());
        assertEquals(4, rows.size());
        double previousTop = 0;
        for (JsonNode row : rows) {
            List<String> keys = new ArrayList<>();
            row.fieldNames().forEachRemaining(keys::add);
            assertEquals(List.of("epsilon", "epsilonOverCritical", "criticalRadius", "weightNorm", "loss",
                    "gradientNorm", "lambdaMax",
                    "lambdaMaxResidual", "lambdaMaxFixedInput", "lambdaMaxFixedInputResidual", "trace", "kappa", "solver",
                    "weights"), keys);
            assertEquals("dense", row.get("solver").asText(), "d = 3 is below the matrix-free threshold");
            double eps = row.get("epsilon").asDouble();
            assertEquals(eps / epsC, row.get("epsilonOverCritical").asDouble(), 0.0);
            assertEquals(epsC, row.get("criticalRadius").asDouble(), 0.0);
            double[] w = new double[3];
            for (int j = 0; j < 3; j++) {
                w[j] = row.get("weights").get(j).asDouble();
            }
            assertTrue(row.get("gradientNorm").asDouble() <= NewtonTrainer.DEFAULT_GRADIENT_TOLERANCE);
            double[] g = new PenalizedAdversarialLoss(new AdversarialLoss(dataset, eps), 0.01).gradient(w);
            assertTrue(Math.sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2]) <= SWEEP_GRADIENT_TOLERANCE, row.toString());
            assertEquals(Math.sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2]), row.get("weightNorm").asDouble(),
                    TRACE_AGREEMENT);
            // The printed sharpness must be what the hessian command reports at the printed weights.
            Path wFile = file("w-sweep.csv", w[0] + "\n" + w[1] + "\n" + w[2] + "\n");
            CliRun h = CliRun.of("hessian", "--data", data.toString(), "--weights", wFile.toString(), "--epsilon",
                    Double.toString(eps), "--lambda", "0.01");
            assertEquals(0, h.exit(), h.err());
            JsonNode hj = new ObjectMapper().readTree(h.out());
            assertEquals(hj.get("eigenvalues").get(0).asDouble(), row.get("lambdaMax").asDouble(), TRACE_AGREEMENT);
            assertEquals(hj.get("fixedInputEigenvalues").get(0).asDouble(), row.get("lambdaMaxFixedInput").asDouble(),
                    TRACE_AGREEMENT);
            assertEquals(hj.get("kappa").asDouble(), row.get("kappa").asDouble(), TRACE_AGREEMENT);
            assertEquals(hj.get("loss").asDouble(), row.get("loss").asDouble(), TRACE_AGREEMENT);
            double trace = 0;
            for (JsonNode e : hj.get("eigenvalues")) {
                trace += e.asDouble();
            }
            assertEquals(trace, row.get("trace").asDouble(), TRACE_AGREEMENT);
            previousTop = row.get("lambdaMax").asDouble();
        }
        assertTrue(previousTop > rows.get(0).get("lambdaMax").asDouble(), "sharper near eps_c: " + r.out());
    }

    @Test
    void sweepWritesCsvWithAHeaderAndOneRowPerEpsilon() throws Exception {
        CliRun r = CliRun.of("sweep", "--data", sweepData().toString(), "--epsilons", "0,0.05,0.1", "--lambda", "0.01",
                "--format", "csv");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().filter(l -> !l.startsWith("#")).toList();
        assertEquals("epsilon,epsilonOverCritical,weightNorm,loss,gradientNorm,lambdaMax,lambdaMaxResidual,"
                + "lambdaMaxFixedInput,lambdaMaxFixedInputResidual,trace,kappa,solver,w1,w2,w3", lines.get(0));
        assertEquals(4, lines.size(), r.out());
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertEquals(15, cells.length, line);
            assertEquals("dense", cells[11], line);
            for (int c = 0; c < cells.length; c++) {
                assertTrue(c == 11 || Double.isFinite(Double.parseDouble(cells[c])), line);
            }
        }
        assertEquals(0.1, Double.parseDouble(lines.get(3).split(",")[0]), 0.0);
    }

    @Test
    void linfSweepPrintsCertifiedRowsWithTheFaceAndAgreesWithTheTrainer() throws Exception {
        Path data = sweepData();
        Dataset dataset = CsvInput.dataset(data);
        double epsC = Ball.LINF.criticalRadius(dataset);
        String list = 0.0 + "," + 0.5 * epsC + "," + 0.9 * epsC;
        CliRun r = CliRun.of("sweep", "--data", data.toString(), "--epsilons", list, "--lambda", "0.01", "--ball",
                "linf");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("Linf ball") && r.err().contains("orthant-wise"), r.err());
        JsonNode rows = new ObjectMapper().readTree(r.out());
        assertEquals(3, rows.size());
        List<FacePoint> direct = EpsilonSweep.measured(Ball.LINF, dataset, 0.01,
                EpsilonSweep.Grid.ofRatios(0.0, 0.5, 0.9), Solver.MATRIX_FREE, 1, EpsilonSweep.Progress.NONE,
                false).points();
        for (int k = 0; k < 3; k++) {
            JsonNode row = rows.get(k);
            List<String> keys = new ArrayList<>();
            row.fieldNames().forEachRemaining(keys::add);
            List<String> expected = new ArrayList<>(SweepCommand.LINF_KEYS);
            expected.add(2, SweepCommand.CRITICAL_RADIUS_KEY);
            assertEquals(expected, keys);
            assertEquals(epsC, row.get("criticalRadius").asDouble(), 0.0);
            assertTrue(k > 0 || row.get("smallestSlack").isNull(), "no slack at eps = 0: null, not \"NaN\": " + row);
            assertTrue(row.get("subgradientNorm").asDouble() <= NewtonTrainer.DEFAULT_GRADIENT_TOLERANCE,
                    row.toString());
            FacePoint p = direct.get(k);
            assertEquals(p.lambdaMaxFace(), row.get("lambdaMaxFace").asDouble(), 0.0, "the same numbers, any threads");
            assertEquals(p.faceSize(), row.get("faceSize").asInt());
            int nonzero = 0;
            for (JsonNode v : row.get("weights")) {
                nonzero += v.asDouble() != 0 ? 1 : 0;
            }
            assertEquals(nonzero, row.get("faceSize").asInt(), row.toString());
        }
        CliRun csv = CliRun.of("sweep", "--data", data.toString(), "--epsilons", list, "--lambda", "0.01", "--ball",
                "linf", "--format", "csv");
        List<String> lines = csv.out().lines().filter(l -> !l.startsWith("#")).toList();
        assertEquals(String.join(",", SweepCommand.LINF_KEYS.subList(0, SweepCommand.LINF_KEYS.size() - 1))
                + ",w1,w2,w3", lines.get(0));
        assertEquals(4, lines.size(), csv.out());
        assertEquals(rows.get(2).get("faceSize").asText(), lines.get(3).split(",")[7], "face size as an integer");
    }

    static Stream<Arguments> badLinfSweeps() throws Exception {
        String d = sweepData().toString();
        return Stream.of(
                Arguments.of("no weight decay", new String[] {"sweep", "--data", d, "--epsilons", "0", "--ball", "linf"},
                        "--lambda: the Linf sweep needs weight decay > 0"),
                Arguments.of("a solver", new String[] {"sweep", "--data", d, "--epsilons", "0", "--ball", "linf",
                    "--lambda", "0.01", "--solver", "dense"}, "--solver: the Linf sweep has one solver"),
                Arguments.of("eps at the Linf eps_c", new String[] {"sweep", "--data", d, "--epsilons", "0,100", "--ball",
                    "linf", "--lambda", "0.01"}, "radius eps 2 of 2: eps/eps_c = 235.29"),
                Arguments.of("radii not increasing (the L2 sweep's words, counted from 1)", new String[] {"sweep",
                    "--data", d, "--epsilons", "0.1,0.05", "--ball", "linf", "--lambda", "0.01"}, "must increase "
                    + "strictly (warm starts follow the grid), but radius eps 2 of 2 = 0.05 follows 0.1"),
                Arguments.of("unknown ball", new String[] {"sweep", "--data", d, "--epsilons", "0", "--ball", "l1"},
                        "l1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLinfSweeps")
    void badLinfSweepInputExitsTwoWithOneLine(String what, String[] args, String expected) {
        CliRun r = CliRun.of(args);
        assertEquals(2, r.exit(), what + ": " + r.err() + r.out());
        assertEquals(1, r.errLines().size(), what + ": expected one line on stderr, got:\n" + r.err());
        assertTrue(r.err().contains(expected), what + ": " + r.err());
        assertEquals("", r.out(), what + ": no partial output");
    }

    static Stream<Arguments> badSweeps() throws Exception {
        String d = sweepData().toString();
        String separable = file("separable.csv", "1,1\n2,1\n-1,0\n-2,0\n").toString();
        String balanced = file("balanced.csv", "1,0,1\n1,0,0\n").toString();
        return Stream.of(
                Arguments.of("eps at eps_c", new String[] {"sweep", "--data", d, "--epsilons", "0,100", "--lambda", "0.01"},
                        "at or above the critical radius"),
                Arguments.of("eps NaN", new String[] {"sweep", "--data", d, "--epsilons", "0,NaN"},
                        "--epsilons must be a finite number"),
                Arguments.of("lambda < 0", new String[] {"sweep", "--data", d, "--epsilons", "0", "--lambda", "-0.1"},
                        "--lambda must be >= 0"),
                Arguments.of("separable data without weight decay", new String[] {"sweep", "--data", separable,
                    "--epsilons", "0"}, "no finite minimiser"),
                Arguments.of("eps_c = 0", new String[] {"sweep", "--data", balanced, "--epsilons", "0"},
                        "critical radius eps_c = ||mean(y x)|| is 0"),
                Arguments.of("unknown format", new String[] {"sweep", "--data", d, "--epsilons", "0", "--format", "xml"},
                        "xml"),
                Arguments.of("missing --epsilons", new String[] {"sweep", "--data", d}, "--epsilons"),
                Arguments.of("radii not increasing", new String[] {"sweep", "--data", d, "--epsilons", "0.1,0.05",
                    "--lambda", "0.01"}, "must increase strictly (warm starts follow the grid), but radius eps 2 of 2 "
                    + "= 0.05 follows 0.1"),
                Arguments.of("unknown solver", new String[] {"sweep", "--data", d, "--epsilons", "0", "--solver", "qr"},
                        "--solver: solver 'qr' is not one of: dense, matrix-free"),
                Arguments.of("no threads", new String[] {"sweep", "--data", d, "--epsilons", "0", "--threads", "0"},
                        "--threads: 0 must be at least 1"));
    }

    @Test
    void sweepSaysWhichSolverRanAndBothSolversAgree() throws Exception {
        String d = sweepData().toString();
        CliRun dense = CliRun.of("sweep", "--data", d, "--epsilons", "0,0.05,0.1", "--lambda", "0.01");
        CliRun free = CliRun.of("sweep", "--data", d, "--epsilons", "0,0.05,0.1", "--lambda", "0.01", "--solver",
                "matrix-free", "--threads", "3");
        assertEquals(0, free.exit(), free.err());
        assertTrue(dense.err().contains("solver: dense"), dense.err());
        assertTrue(free.err().contains("solver: matrix-free (truncated Newton"), free.err());
        JsonNode a = new ObjectMapper().readTree(dense.out());
        JsonNode b = new ObjectMapper().readTree(free.out());
        for (int k = 0; k < 3; k++) {
            assertEquals("matrix-free", b.get(k).get("solver").asText());
            for (String key : List.of("lambdaMax", "lambdaMaxFixedInput", "trace", "kappa", "weightNorm")) {
                double x = a.get(k).get(key).asDouble();
                double y = b.get(k).get(key).asDouble();
                assertTrue(Math.abs(x - y) <= Tolerances.SOLVER_AGREEMENT * Math.max(Math.abs(x),
                        Math.abs(y)), key + " at row " + k + ": dense " + x + ", matrix-free " + y);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSweeps")
    void badSweepInputExitsTwoWithOneLineAndNoPartialOutput(String what, String[] args, String expected) {
        CliRun r = CliRun.of(args);
        assertEquals(2, r.exit(), what + ": " + r.err() + r.out());
        assertEquals(1, r.errLines().size(), what + ": expected one line on stderr, got:\n" + r.err());
        assertTrue(r.err().contains(expected), what + ": " + r.err());
        assertFalse(r.err().contains("\tat "), what + ": stack trace without --debug");
        assertEquals("", r.out(), what + ": no partial output");
    }

    @Test
    void resnetIsListedAndHelpWorks() {
        // the resnet command itself is tested end to end in ResnetCommandTest
        CliRun resnetHelp = CliRun.of("resnet", "--help");
        assertEquals(0, resnetHelp.exit());
        assertTrue(resnetHelp.out().contains("--epsilons") && resnetHelp.out().contains("--device"), resnetHelp.out());
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("verify") && help.out().contains("hessian") && help.out().contains("sweep")
                && help.out().contains("resnet"));
    }
}
