package org.advsharp.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.CheckResult;
import org.advsharp.check.Evidence;
import org.advsharp.check.Outcome;
import org.advsharp.checks.deep.DeepChecks;
import org.advsharp.deep.engine.Devices;
import org.advsharp.deep.engine.DjlEnvironment;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The paper-scale ResNet18 run (claim exp:resnet-paper-scale): the same check as {@code advsharp verify}
 * with {@link ResNetConfig#paperScale()}, on CIFAR-10 if the system property advsharp.cifar10.dir names
 * its folder (without one the check is NOT RUN: never synthetic images). Tagged {@code gpu}: excluded by default, run
 * with {@code mvn -Pgpu verify} (the profile also sets advsharp.gpu=true). Without a CUDA device it is
 * aborted with the reason (reported by JUnit as skipped, i.e. NOT RUN).
 */
@Tag("gpu")
class ResNetPaperScaleGpuTest {

    @Test
    void paperScaleSharpnessGrowsWithEps() {
        DjlEnvironment.ensureOffline();
        String reason = Devices.gpuRunUnavailableReason();
        Assumptions.assumeTrue(reason == null, () -> "NOT RUN: " + reason);
        Check check = DeepChecks.checks().stream().filter(c -> c.id().equals("deep-resnet18-paper-scale-gpu"))
                .findFirst().orElseThrow();
        CheckContext context = new CheckContext(CheckContext.DEFAULT_SEED, 0, line -> System.out.println("[gpu] " + line))
                .forCheck(check);
        Evidence evidence = new Evidence();
        long start = System.nanoTime();
        String summary = check.run(context, evidence);
        CheckResult result = evidence.toResult(check, summary, (System.nanoTime() - start) / 1_000_000);
        System.out.println("[gpu] " + result.outcome() + ": " + summary);
        result.facts().forEach((k, v) -> System.out.println("[gpu]   " + k + " = " + v));
        assertEquals(Outcome.PASSED, result.outcome(), summary);
    }
}
