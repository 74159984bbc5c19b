package org.advsharp.deep;

import java.util.List;

/**
 * What the ResNet experiment measured at one radius.
 *
 * @param epsilon          the training and measuring radius
 * @param epochLoss        mean adversarial training loss per epoch
 * @param epochAccuracy    training accuracy on the adversarial inputs per epoch
 * @param medianStepMillis median wall time of one training step (attack + forward + backward + update), ms
 * @param trainingMillis   wall time of the training, ms
 * @param sharpness        the sharpness measurements at the trained weights
 */
public record EpsilonResult(double epsilon, List<Double> epochLoss, List<Double> epochAccuracy,
                            double medianStepMillis, double trainingMillis, NetworkSharpness sharpness) {

    public EpsilonResult {
        epochLoss = List.copyOf(epochLoss);
        epochAccuracy = List.copyOf(epochAccuracy);
    }
}
