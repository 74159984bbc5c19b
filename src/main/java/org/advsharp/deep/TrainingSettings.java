package org.advsharp.deep;

import ai.djl.ndarray.types.DataType;
import java.util.Arrays;

/**
 * Adversarial training by SGD with momentum, weight decay and a step learning-rate schedule:
 *
 * <pre>
 *   x'     = PGD_eps(w, x)                        (BatchNorm on batch statistics, running stats frozen)
 *   g      = grad_w (1/B) sum_n l(w; x'_n, t_n)   (BatchNorm in training mode)
 *   buf    = momentum buf + (g + weightDecay w)
 *   w      = w - lr(epoch) buf,      lr(epoch) = learningRate gamma^(number of milestones <= epoch)
 * </pre>
 *
 * @param epochs          passes over the training set, >= 1
 * @param batchSize       examples per step, >= 1
 * @param learningRate    initial learning rate, > 0
 * @param momentum        in [0, 1)
 * @param weightDecay     >= 0 (the L2 penalty (weightDecay/2)||w||^2 of docs/theory.md section 1)
 * @param milestones      epochs (0-based) at which the rate is multiplied by {@code gamma}, increasing
 * @param gamma           in (0, 1]
 * @param attackSteps     PGD steps during training, >= 1
 * @param attackStepFactor PGD step size = factor * eps / steps
 * @param randomStart     PGD random start during training
 * @param seed            drives initialisation, shuffling and random starts
 * @param dataType        FLOAT32 or FLOAT64
 * @param rampEpochs      the training radius rises linearly from 0 to eps over this many epochs (step by step),
 *                        then stays at eps; 0: eps from the first step. The same ramp for every radius
 */
public record TrainingSettings(int epochs, int batchSize, double learningRate, double momentum,
                               double weightDecay, int[] milestones, double gamma, int attackSteps,
                               double attackStepFactor, boolean randomStart, long seed, DataType dataType,
                               double rampEpochs) {

    /** Settings without a radius ramp. */
    public TrainingSettings(int epochs, int batchSize, double learningRate, double momentum, double weightDecay,
                            int[] milestones, double gamma, int attackSteps, double attackStepFactor,
                            boolean randomStart, long seed, DataType dataType) {
        this(epochs, batchSize, learningRate, momentum, weightDecay, milestones, gamma, attackSteps, attackStepFactor,
                randomStart, seed, dataType, 0);
    }

    public TrainingSettings {
        if (!(rampEpochs >= 0) || !Double.isFinite(rampEpochs)) {
            throw new IllegalArgumentException("training: rampEpochs = " + rampEpochs + " must be finite and >= 0");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("training: epochs = " + epochs + " must be >= 1");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("training: batchSize = " + batchSize + " must be >= 1");
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("training: learningRate = " + learningRate + " must be > 0");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("training: momentum = " + momentum + " must be in [0, 1)");
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("training: weightDecay = " + weightDecay + " must be >= 0");
        }
        milestones = milestones == null ? new int[0] : milestones.clone();
        for (int i = 1; i < milestones.length; i++) {
            if (milestones[i] <= milestones[i - 1]) {
                throw new IllegalArgumentException("training: milestones " + Arrays.toString(milestones)
                        + " must be strictly increasing");
            }
        }
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("training: gamma = " + gamma + " must be in (0, 1]");
        }
        if (attackSteps < 1) {
            throw new IllegalArgumentException("training: attackSteps = " + attackSteps + " must be >= 1");
        }
        if (!(attackStepFactor > 0) || !Double.isFinite(attackStepFactor)) {
            throw new IllegalArgumentException("training: attackStepFactor = " + attackStepFactor
                    + " must be > 0");
        }
        if (dataType != DataType.FLOAT32 && dataType != DataType.FLOAT64) {
            throw new IllegalArgumentException("training: dataType " + dataType + " must be FLOAT32 or FLOAT64");
        }
    }

    @Override
    public int[] milestones() {
        return milestones.clone();
    }

    /** The learning rate during the given (0-based) epoch. */
    public double learningRateAt(int epoch) {
        double lr = learningRate;
        for (int m : milestones) {
            if (epoch >= m) {
                lr *= gamma;
            }
        }
        return lr;
    }

    /**
     * The fraction of the training radius in force at a step: min(1, (epoch + (step + 1) / stepsPerEpoch) /
     * rampEpochs), 1 without a ramp.
     */
    public double rampFraction(int epoch, int step, int stepsPerEpoch) {
        if (rampEpochs == 0) {
            return 1;
        }
        return Math.min(1, (epoch + (step + 1) / (double) stepsPerEpoch) / rampEpochs);
    }

    /** The training attack at radius eps. */
    public PgdSettings attackAt(double eps) {
        return new PgdSettings(eps, attackSteps, attackStepFactor * eps / attackSteps, randomStart, true);
    }

    /** The same settings with another number of epochs (milestones kept). */
    public TrainingSettings withEpochs(int newEpochs) {
        return new TrainingSettings(newEpochs, batchSize, learningRate, momentum, weightDecay, milestones, gamma,
                attackSteps, attackStepFactor, randomStart, seed, dataType, rampEpochs);
    }

    /** The same settings with another seed. */
    public TrainingSettings withSeed(long newSeed) {
        return new TrainingSettings(epochs, batchSize, learningRate, momentum, weightDecay, milestones, gamma,
                attackSteps, attackStepFactor, randomStart, newSeed, dataType, rampEpochs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingSettings t && t.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "TrainingSettings[epochs=" + epochs + ", batchSize=" + batchSize + ", learningRate=" + learningRate
                + ", momentum=" + momentum + ", weightDecay=" + weightDecay + ", milestones="
                + Arrays.toString(milestones) + ", gamma=" + gamma + ", attackSteps=" + attackSteps
                + ", attackStepFactor=" + attackStepFactor + ", randomStart=" + randomStart + ", seed=" + seed
                + ", dataType=" + dataType + (rampEpochs == 0 ? "" : ", rampEpochs=" + rampEpochs) + "]";
    }
}
