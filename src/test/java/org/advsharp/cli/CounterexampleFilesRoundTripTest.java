package org.advsharp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.advsharp.check.Reproduction;
import org.advsharp.checks.problems.AdversarialCase;
import org.advsharp.checks.problems.CounterexampleFiles;
import org.advsharp.data.Dataset;
import org.advsharp.numerics.SymmetricEigenSolvers;
import org.advsharp.oracle.AdversarialLoss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV blocks and commands the report prints for a counterexample reproduce it exactly. */
class CounterexampleFilesRoundTripTest {

    @TempDir
    Path tmp;

    private String[] args(String command, Reproduction r) throws Exception {
        List<String> out = new ArrayList<>();
        for (String a : command.replaceFirst("^\\./advsharp ", "").split(" ")) {
            boolean file = r.files().stream().anyMatch(f -> f.name().equals(a));
            out.add(file ? tmp.resolve(a).toString() : a);
        }
        return out.toArray(new String[0]);
    }

    private void save(Reproduction r) throws Exception {
        for (Reproduction.File f : r.files()) {
            Files.writeString(tmp.resolve(f.name()), f.content());
        }
    }

    @Test
    void theHessianCommandsRecomputeTheSpectraOfTheInstanceBitForBit() throws Exception {
        Dataset data = Dataset.of(new double[][] {{0.1, 1.0 / 3}, {-0.7, 0.2}, {1e-3, -2.5}}, new double[] {1, -1, 1});
        AdversarialCase c = new AdversarialCase(data, new double[] {0.3, -Math.PI / 7}, 0.05, 0.4);
        Reproduction r = CounterexampleFiles.hessian("rem-x", c);
        save(r);
        assertEquals(2, r.commands().size());
        double[] radii = {c.eps1(), c.eps2()};
        for (int k = 0; k < 2; k++) {
            CliRun run = CliRun.of(args(r.commands().get(k), r));
            assertEquals(0, run.exit(), run.err());
            JsonNode json = new ObjectMapper().readTree(run.out());
            double[] expected = SymmetricEigenSolvers.standard()
                    .decompose(new AdversarialLoss(data, radii[k]).hessian(c.w()).full()).eigenvalues();
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], json.get("eigenvalues").get(i).asDouble(), 0.0, r.commands().get(k));
            }
        }
    }

    @Test
    void theSweepCommandTrainsAtEveryRadiusOfTheGrid() throws Exception {
        Dataset data = Dataset.of(new double[][] {{1, 0.5}, {-0.3, 1.2}, {0.8, -0.6}, {-1, -0.2}, {0.2, 0.9}},
                new double[] {1, -1, 1, -1, -1});
        Reproduction r = CounterexampleFiles.sweep("rem-y", data, 0.01, new double[] {0, 0.1, 0.25});
        save(r);
        CliRun run = CliRun.of(args(r.commands().get(0), r));
        assertEquals(0, run.exit(), run.err());
        assertEquals(4, run.out().lines().filter(l -> !l.startsWith("#")).count(), run.out());
    }
}
