package org.advsharp.deep;

import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * A trained network: its weights and BatchNorm statistics (owned by {@link #manager()}; close the model
 * to free them) and the trace of its training.
 *
 * @param net          the architecture
 * @param weights      the trained weights w*(eps)
 * @param statistics   the BatchNorm running statistics
 * @param epsilon      the training radius
 * @param epochLoss    mean training (adversarial) loss per epoch
 * @param epochAccuracy training accuracy on the adversarial inputs per epoch
 * @param stepMillis   wall time of every training step (attack + forward + backward + update), ms
 * @param manager      owns the tensors
 */
public record TrainedModel(Classifier net, WeightVector weights, RunningStatistics statistics, double epsilon,
                           List<Double> epochLoss, List<Double> epochAccuracy, List<Double> stepMillis,
                           NDManager manager) implements AutoCloseable {

    public TrainedModel {
        epochLoss = List.copyOf(epochLoss);
        epochAccuracy = List.copyOf(epochAccuracy);
        stepMillis = List.copyOf(stepMillis);
    }

    /** Median wall time of a training step, ms. */
    public double medianStepMillis() {
        double[] sorted = stepMillis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : 0.5 * (sorted[m - 1] + sorted[m]);
    }

    @Override
    public void close() {
        manager.close();
    }
}
