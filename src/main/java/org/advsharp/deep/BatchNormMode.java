package org.advsharp.deep;

/**
 * How BatchNorm layers normalise in a forward pass.
 *
 * <ul>
 *   <li>{@link #TRAIN}: batch statistics, and the running statistics are updated (a training step);</li>
 *   <li>{@link #TRAIN_FROZEN_STATS}: batch statistics, running statistics left untouched (PGD during
 *       training: the attack sees the network as the training step will, without polluting the
 *       running statistics with its intermediate iterates);</li>
 *   <li>{@link #EVAL}: running statistics; then the loss of each example is a function of the weights
 *       and that example alone, as in the linear theory. All sharpness measures use this mode.</li>
 * </ul>
 */
public enum BatchNormMode {
    TRAIN,
    TRAIN_FROZEN_STATS,
    EVAL;

    /** Whether batch statistics are used. */
    public boolean usesBatchStatistics() {
        return this != EVAL;
    }
}
