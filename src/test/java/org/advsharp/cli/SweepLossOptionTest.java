package org.advsharp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.advsharp.data.Dataset;
import org.advsharp.data.GaussianMixture;
import org.advsharp.numerics.Tolerances;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.CriticalRadius;
import org.advsharp.oracle.MarginAdversarialLoss;
import org.advsharp.oracle.MarginLoss;
import org.advsharp.training.NewtonTrainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code advsharp sweep --loss}: the exponential and probit sweeps are certified minimisers of their own objective
 * (checked against the oracle {@link MarginAdversarialLoss}, not the trainer's own gradient), dense and
 * matrix-free agree, the logistic default is unchanged, and bad combinations are refused in one line.
 */
class SweepLossOptionTest {
    /** The seeded problem: a two-class Gaussian mixture, N = 80, d = 4, class means at distance 1, sd 1. */
    private static final long SEED = 20260419L;
    private static final double LAMBDA = 0.01;
    /** Radii as fractions of eps_c (the same eps_c for every loss, prop:margin-loss-critical-radius). */
    private static final double[] RATIOS = {0, 0.3, 0.6, 0.9};
    private static final List<String> OTHER_LOSSES = List.of("exponential", "probit");

    @TempDir
    Path tmp;

    private Dataset data;
    private Path csv;
    private String epsilons;

    @BeforeEach
    void writeData() throws Exception {
        data = GaussianMixture.sample(SEED, 80, 4, 1.0, 1.0);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < data.size(); i++) {
            for (double v : data.row(i)) {
                text.append(v).append(',');
            }
            text.append(data.label(i) > 0 ? "1" : "-1").append('\n');
        }
        csv = Files.writeString(tmp.resolve("mixture.csv"), text.toString());
        double epsC = CriticalRadius.of(data);
        List<String> radii = new ArrayList<>();
        for (double r : RATIOS) {
            radii.add(Double.toString(r * epsC));
        }
        epsilons = String.join(",", radii);
    }

    private CliRun sweep(String... extra) {
        List<String> all = new ArrayList<>(List.of("sweep", "--data", csv.toString(), "--epsilons", epsilons,
                "--lambda", Double.toString(LAMBDA)));
        all.addAll(List.of(extra));
        return CliRun.of(all.toArray(new String[0]));
    }

    private static JsonNode rows(CliRun r) throws Exception {
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(RATIOS.length, json.size(), r.out());
        return json;
    }

    private static double[] weights(JsonNode row) {
        double[] w = new double[row.get("weights").size()];
        for (int j = 0; j < w.length; j++) {
            w[j] = row.get("weights").get(j).asDouble();
        }
        return w;
    }

    @Test
    void eachRadiusReachesTheToleranceAndTheOraclesGradientAgreesWithThePrintedOne() throws Exception {
        for (String name : OTHER_LOSSES) {
            for (String solver : List.of("dense", "matrix-free")) {
                CliRun r = sweep("--loss", name, "--solver", solver);
                JsonNode json = rows(r);
                assertTrue(r.err().contains("adversarial " + name + " loss alone"), r.err());
                assertTrue(!r.err().contains("warning"), r.err());
                for (JsonNode row : json) {
                    String where = name + ", " + solver + ", eps = " + row.get("epsilon").asDouble();
                    double printed = row.get("gradientNorm").asDouble();
                    assertTrue(printed <= NewtonTrainer.DEFAULT_GRADIENT_TOLERANCE, where + ": " + printed);
                    double[] w = weights(row);
                    MarginAdversarialLoss oracle = new MarginAdversarialLoss(data, MarginLoss.named(name),
                            row.get("epsilon").asDouble());
                    double[] g = oracle.gradient(w);
                    for (int j = 0; j < g.length; j++) {
                        g[j] += LAMBDA * w[j];
                    }
                    double recomputed = Vectors.norm(g);
                    assertEquals(printed, recomputed, Tolerances.ROUNDING, where);
                    assertTrue(recomputed <= NewtonTrainer.DEFAULT_GRADIENT_TOLERANCE + Tolerances.ROUNDING,
                            where + ": the oracle's gradient norm is " + recomputed);
                    double norm = Vectors.norm(w);
                    double value = oracle.value(w) + 0.5 * LAMBDA * norm * norm;
                    assertEquals(value, row.get("loss").asDouble(), Tolerances.ROUNDING * Math.max(1, value), where);
                }
            }
        }
    }

    @Test
    void denseAndMatrixFreeAgreeOnLambdaMaxTraceAndKappa() throws Exception {
        for (String name : OTHER_LOSSES) {
            JsonNode dense = rows(sweep("--loss", name, "--solver", "dense"));
            JsonNode free = rows(sweep("--loss", name, "--solver", "matrix-free"));
            for (int k = 0; k < RATIOS.length; k++) {
                for (String key : List.of("lambdaMax", "lambdaMaxFixedInput", "trace", "kappa", "weightNorm")) {
                    double a = dense.get(k).get(key).asDouble();
                    double b = free.get(k).get(key).asDouble();
                    assertEquals(a, b, Tolerances.SOLVER_AGREEMENT * Math.max(1, Math.abs(a)),
                            name + ", radius " + (k + 1) + ", " + key);
                }
            }
        }
    }

    @Test
    void theLossesDifferAndLogisticIsTheDefaultByteForByte() throws Exception {
        for (String[] extra : new String[][] {{"--solver", "dense"}, {"--solver", "matrix-free", "--format", "csv"}}) {
            CliRun without = sweep(extra);
            List<String> with = new ArrayList<>(List.of(extra));
            with.addAll(List.of("--loss", "logistic"));
            CliRun logistic = sweep(with.toArray(new String[0]));
            assertEquals(0, without.exit(), without.err());
            assertEquals(without.out(), logistic.out());
            assertEquals(without.err(), logistic.err());
        }
        double logistic = rows(sweep("--solver", "dense")).get(2).get("lambdaMax").asDouble();
        double exponential = rows(sweep("--loss", "exponential", "--solver", "dense")).get(2).get("lambdaMax").asDouble();
        assertTrue(Math.abs(logistic - exponential) > Tolerances.SOLVER_AGREEMENT * logistic,
                logistic + " vs " + exponential);
    }

    @Test
    void anUnknownLossIsRefusedInOneLine() {
        CliRun r = sweep("--loss", "hinge");
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertEquals(List.of("advsharp sweep: --loss: loss 'hinge' is unknown; expected one of logistic, exponential, "
                + "probit"), r.errLines());
    }

    @Test
    void theLinfBallRefusesAnotherLossInOneLine() {
        CliRun r = sweep("--loss", "exponential", "--ball", "linf");
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertEquals(List.of("advsharp sweep: --loss: the Linf sweep trains the logistic loss only (got exponential); "
                + "use --ball l2 for another loss"), r.errLines());
    }

    @Test
    void separableDataWithoutWeightDecayAreRefusedWithAdviceForEveryLoss() throws Exception {
        Path separable = Files.writeString(tmp.resolve("separable.csv"),
                "2.0,1.0,1\n1.5,2.0,1\n3.0,0.5,1\n-2.0,-1.0,-1\n-1.0,-2.5,-1\n-2.5,-0.5,-1\n");
        for (String name : MarginLoss.NAMES) {
            CliRun r = CliRun.of("sweep", "--data", separable.toString(), "--epsilons", "0,0.1", "--lambda", "0",
                    "--loss", name);
            assertEquals(2, r.exit(), name + ": " + r.err());
            assertEquals("", r.out());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().contains("no finite minimiser") && r.err().contains("(give --lambda > 0)"), r.err());
        }
    }
}
