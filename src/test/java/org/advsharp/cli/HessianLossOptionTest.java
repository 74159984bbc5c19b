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
import org.advsharp.numerics.Tolerances;
import org.advsharp.oracle.HessianDecomposition;
import org.advsharp.oracle.MarginAdversarialLoss;
import org.advsharp.oracle.MarginLoss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code advsharp hessian --loss}: the default is the logistic output unchanged; other losses keep the keys. */
class HessianLossOptionTest {

    @TempDir
    Path tmp;

    private String[] args(String... extra) throws Exception {
        Path data = Files.writeString(tmp.resolve("d.csv"), "1.0,0.5,-0.2,1\n-0.3,1.2,0.4,0\n0.8,-0.6,1.1,1\n-1.0,-0.2,0.3,0\n");
        Path w = Files.writeString(tmp.resolve("w.csv"), "0.4\n-0.3\n0.2\n");
        List<String> all = new ArrayList<>(List.of("hessian", "--data", data.toString(), "--weights", w.toString(),
                "--epsilon", "0.1", "--lambda", "0.01"));
        all.addAll(List.of(extra));
        return all.toArray(new String[0]);
    }

    @Test
    void theDefaultAndLogisticAreTheOutputWithoutTheOptionByteForByte() throws Exception {
        CliRun without = CliRun.of(args());
        for (String[] extra : new String[][] {{"--loss", "logistic"}, {"--loss", "logistic", "--format", "csv"}}) {
            CliRun with = CliRun.of(args(extra));
            CliRun reference = extra.length > 2 ? CliRun.of(args("--format", "csv")) : without;
            assertEquals(0, with.exit(), with.err());
            assertEquals(reference.out(), with.out());
            assertEquals(reference.err(), with.err());
        }
    }

    @Test
    void otherLossesPrintTheSameKeysWithTheirOraclesNumbers() throws Exception {
        for (String name : List.of("exponential", "probit")) {
            CliRun r = CliRun.of(args("--loss", name));
            assertEquals(0, r.exit(), r.err());
            JsonNode json = new ObjectMapper().readTree(r.out());
            List<String> keys = new ArrayList<>();
            json.fieldNames().forEachRemaining(keys::add);
            assertEquals(List.of("hessian", "fixedInputPart", "kappa", "eigenvalues", "fixedInputEigenvalues",
                    "criticalRadius", "loss", "gradient"), keys);
            Dataset d = Dataset.fromZeroOneLabels(new double[][] {{1.0, 0.5, -0.2}, {-0.3, 1.2, 0.4}, {0.8, -0.6, 1.1},
                {-1.0, -0.2, 0.3}}, new double[] {1, 0, 1, 0});
            double[] w = {0.4, -0.3, 0.2};
            MarginAdversarialLoss loss = new MarginAdversarialLoss(d, MarginLoss.named(name), 0.1);
            HessianDecomposition h = loss.hessian(w);
            assertEquals(h.kappa(), json.get("kappa").asDouble());
            assertEquals(h.full().get(1, 2), json.get("hessian").get(1).get(2).asDouble());
            assertEquals(loss.value(w) + 0.005 * (0.16 + 0.09 + 0.04), json.get("loss").asDouble(), Tolerances.ROUNDING);
            assertTrue(r.err().contains("adversarial " + name + " loss alone"), r.err());
        }
    }

    @Test
    void anUnknownLossIsRefusedWithOneLineAndExitCodeTwo() throws Exception {
        CliRun r = CliRun.of(args("--loss", "hinge"));
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertEquals("advsharp hessian: --loss: loss 'hinge' is unknown; expected one of logistic, exponential, probit",
                r.err().strip());
    }
}
