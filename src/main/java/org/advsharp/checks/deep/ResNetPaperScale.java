package org.advsharp.checks.deep;

import java.nio.file.Files;
import java.nio.file.Path;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.deep.ResNetConfig;
import org.advsharp.deep.ResNetResult;
import org.advsharp.deep.data.Cifar10Files;
import org.advsharp.deep.engine.Devices;
import org.advsharp.deep.experiment.ResNetExperiment;

/**
 * exp:resnet-paper-scale: ResNet18 at the paper's scale ({@link ResNetConfig#paperScale()}) on CIFAR-10 and a
 * CUDA GPU, recorded by {@link ResNetEvidence}. NOT RUN, with the reason, where the GPU run may not start
 * ({@link Devices#gpuRunUnavailableReason()}: no CUDA device, or the run was not requested) or no CIFAR-10
 * folder is named: the claim is about CIFAR-10 and never runs on synthetic images.
 */
final class ResNetPaperScale implements Check {

    @Override
    public String id() {
        return "deep-resnet18-paper-scale-gpu";
    }

    @Override
    public String claimId() {
        return "exp:resnet-paper-scale";
    }

    @Override
    public String title() {
        return "ResNet18 at paper scale on a CUDA GPU";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        String reason = Devices.gpuRunUnavailableReason();
        if (reason != null) {
            evidence.notRun(reason);
            return "Not run: " + reason + ".";
        }
        String cifar = System.getProperty(Cifar10Files.DIRECTORY_PROPERTY);
        if (cifar == null || cifar.isBlank() || !Files.isDirectory(Path.of(cifar))) {
            String why = "no CIFAR-10 folder (system property " + Cifar10Files.DIRECTORY_PROPERTY + " = " + cifar
                    + "): the paper-scale claim is about CIFAR-10 and never runs on synthetic images";
            evidence.notRun(why);
            return "Not run: " + why + ".";
        }
        long seed = context.seed();
        ResNetConfig config = ResNetConfig.paperScale().withSeed(seed).withCifar10(Path.of(cifar));
        ResNetResult r = ResNetExperiment.run(config, line -> context.progress().accept("resnet gpu: " + line));
        return ResNetEvidence.record(r, context, evidence, seed);
    }
}
