package org.advsharp.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * A K-class network written as a pure function of its weights: logits = f(w, x), so that the sharpness
 * instruments can evaluate it at perturbed weights w + h v without touching the trained ones.
 * Implementations: {@link LinearSoftmax} (the calibration model) and {@link ResNet18}.
 */
public interface Classifier {

    /** A short description, e.g. "ResNet18 (CIFAR stem, width x1.0), 10 classes". */
    String describe();

    /** Number of classes K. */
    int numClasses();

    /** Shape of one example, e.g. (3, 32, 32) or (64). */
    Shape exampleShape();

    /** The trainable tensors, in a fixed order. */
    List<ParameterSpec> parameters();

    /** Number of trainable scalars (BatchNorm running statistics excluded). */
    default long parameterCount() {
        long n = 0;
        for (ParameterSpec s : parameters()) {
            n += s.size();
        }
        return n;
    }

    /** Seeded initial weights (java.util.SplittableRandom, independent of the engine's generator). */
    WeightVector initialWeights(long seed, DataType type, NDManager manager);

    /** Fresh BatchNorm running statistics (none for a network without BatchNorm). */
    RunningStatistics initialStatistics(DataType type, NDManager manager);

    /**
     * The logits, shape (N, K), for a batch x of shape (N, exampleShape).
     *
     * @param w     the weights
     * @param stats the BatchNorm running statistics (updated in place in {@link BatchNormMode#TRAIN})
     * @param x     the inputs
     * @param mode  how BatchNorm normalises
     */
    NDArray logits(WeightVector w, RunningStatistics stats, NDArray x, BatchNormMode mode);
}
