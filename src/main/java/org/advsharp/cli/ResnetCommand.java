package org.advsharp.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code advsharp resnet}: the deep tier (P4), ResNet18 trained with L2 PGD at several eps and its
 * sharpness measured at the trained weights.
 *
 * <p>Hook: the experiment lives in org.advsharp.deep.ResNetExperiment (helper "deep"), the only package
 * that may import DJL. Wire it here: add the experiment's options (data folder, eps list, epochs, device),
 * call the experiment, and print its results as hessian and sweep print theirs. DJL_OFFLINE and
 * OPT_OUT_TRACKING are already set by {@link Advsharp} before any engine can start.
 */
@Command(name = "resnet", mixinStandardHelpOptions = true,
        description = "ResNet18 sharpness against epsilon (the deep tier). Not in this build yet.")
final class ResnetCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new IllegalArgumentException("the ResNet18 experiment (org.advsharp.deep.ResNetExperiment) is not "
                + "in this build yet");
    }
}
