package org.advsharp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.advsharp.deep.engine.Devices;
import org.junit.jupiter.api.Test;

/** {@code advsharp resnet} end to end on a tiny configuration, and its one-line errors for bad input. */
class ResnetCommandTest {

    @Test
    void tinyRunPrintsTheTableAndAProgressBarPerEpoch() {
        CliRun run = CliRun.of("resnet", "--epsilons", "0,0.5", "--epochs", "2", "--train", "32", "--measure", "4",
                "--seed", "5");
        assertEquals(Advsharp.EXIT_OK, run.exit(), run.err());
        assertTrue(run.out().contains("ResNet18 (basic blocks 2-2-2-2"), run.out());
        assertTrue(run.out().contains("lmax re-att."), run.out());
        assertTrue(run.out().contains("trend of lambda_max re-attacked"), run.out());
        long bars = run.errLines().stream().filter(l -> l.startsWith("[") && l.contains(" epochs, ")
                && l.contains("left")).count();
        assertEquals(4, bars, "one bar per epoch of each of the two radii:\n" + run.err());
        assertTrue(run.err().contains("4/4 epochs"), run.err());
    }

    @Test
    void badInputExitsWithTwoAndOneLineNamingTheInput() {
        for (List<String> args : List.of(
                List.of("resnet", "--epsilons", "1,0.5"),
                List.of("resnet", "--epsilons", "0.5"),
                List.of("resnet", "--epochs", "0"),
                List.of("resnet", "--device", "tpu"),
                List.of("resnet", "--data", "no-such-folder-for-advsharp"),
                List.of("resnet", "--train", "8", "--measure", "9"))) {
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(Advsharp.EXIT_BAD_INPUT, run.exit(), args + ": " + run.err());
            assertEquals(1, run.errLines().size(), args + ": " + run.err());
            String option = args.get(1);
            assertTrue(run.err().contains(option), args + " should name " + option + ": " + run.err());
        }
    }

    @Test
    void gpuWithoutCudaIsOneClearLine() {
        assumeTrue(Devices.gpuUnavailableReason() != null, "a CUDA machine: nothing to refuse");
        CliRun run = CliRun.of("resnet", "--device", "gpu");
        assertEquals(Advsharp.EXIT_BAD_INPUT, run.exit(), run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("--device gpu: no CUDA device"), run.err());
    }
}
