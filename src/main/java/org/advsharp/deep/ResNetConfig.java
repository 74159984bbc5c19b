package org.advsharp.deep;

import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One configuration of the ResNet18 experiment (claim exp:resnet-paper-scale and its reduced CPU configuration and
 * exp:resnet-paper-scale): the two tiers run the same code ({@code deep.experiment.ResNetExperiment}) and differ only in
 * these values.
 *
 * @param tier            a name for the report ("cpu" or "paper")
 * @param gpu             whether to run on the first CUDA device (else CPU)
 * @param source          where the images come from
 * @param dataDirectory   the CIFAR-10 folder when {@code source} is CIFAR10 (null: system property
 *                        advsharp.cifar10.dir)
 * @param trainExamples   training images used
 * @param measureExamples of which the first ones are used for the sharpness measurements
 * @param stem            the ResNet18 stem
 * @param widthMultiplier 1 for the standard ResNet18; less is a REDUCED-width ResNet18 (said in the report)
 * @param epsilons        the training radii in pixel units of [0, 1] images, increasing, starting at 0
 * @param training        optimiser, schedule, attack and seed of every training run
 * @param sharpness       how sharpness is measured
 */
public record ResNetConfig(String tier, boolean gpu, ImageSource source, Path dataDirectory, int trainExamples,
                           int measureExamples, ResNetStem stem, double widthMultiplier, double[] epsilons,
                           TrainingSettings training, SharpnessSettings sharpness) {

    public ResNetConfig {
        if (trainExamples < 1 || measureExamples < 1 || measureExamples > trainExamples) {
            throw new IllegalArgumentException("ResNet config: need 1 <= measureExamples (" + measureExamples
                    + ") <= trainExamples (" + trainExamples + ")");
        }
        epsilons = epsilons.clone();
        if (epsilons.length < 2) {
            throw new IllegalArgumentException("ResNet config: need at least two radii, got " + Arrays.toString(epsilons));
        }
        for (int i = 0; i < epsilons.length; i++) {
            if (!Double.isFinite(epsilons[i]) || epsilons[i] < 0 || (i > 0 && epsilons[i] <= epsilons[i - 1])) {
                throw new IllegalArgumentException("ResNet config: radii " + Arrays.toString(epsilons)
                        + " must be finite, >= 0 and strictly increasing");
            }
        }
        if (source == null || stem == null || training == null || sharpness == null) {
            throw new IllegalArgumentException("ResNet config: source, stem, training and sharpness must be given");
        }
    }

    /**
     * The CPU tier (reduced configuration of exp:resnet-paper-scale): a REDUCED-width ResNet18
     * (basic blocks 2-2-2-2, widths 8-16-32-64, stride-2 stem, 176,402 parameters) trained for 4 epochs on
     * 512 of the bundled digits upsampled to 3x32x32, PGD-2 during training, sharpness on 32 images in
     * float64 (8 Lanczos steps per top eigenvalue, 3 filter-normalised directions of 5 points). Sized to run
     * in well under two minutes on two shared cores (measured; see proofs/deep.md); it is far too small to
     * say anything about paper scale. Training is in float64: in float32 the bundled CPU libtorch 2.7.1 gave a
     * NaN loss at the second step in some runs and not in others, with identical inputs in the same process
     * (reproduced; cause not found), while float64 gave identical results run after run.
     */
    public static ResNetConfig cpuTier() {
        TrainingSettings training = new TrainingSettings(4, 32, 0.02, 0.9, 5e-4, new int[] {3}, 0.1, 2,
                PgdSettings.MADRY_STEP_FACTOR, true, 20210205L, DataType.FLOAT64);
        SharpnessSettings sharpness = new SharpnessSettings(64, 3, PgdSettings.MADRY_STEP_FACTOR, 8,
                SharpnessSettings.DEFAULT_FD_STEP, 3, new double[] {-0.5, -0.25, 0, 0.25, 0.5}, DataType.FLOAT64,
                20210205L);
        return new ResNetConfig("cpu", false, ImageSource.DIGITS, null, 512, 32, ResNetStem.STRIDE2, 0.125,
                new double[] {0, 0.5, 1.0, 2.0}, training, sharpness);
    }

    /**
     * The paper-scale tier (GPU): the standard ResNet18 (CIFAR stem, width 64-128-256-512) with PGD-10
     * adversarial training, 100 epochs, on CIFAR-10 if its folder is given, else on 50,000 synthetic
     * CIFAR-shaped images.
     */
    public static ResNetConfig paperScale() {
        TrainingSettings training = new TrainingSettings(100, 128, 0.1, 0.9, 5e-4, new int[] {50, 75}, 0.1, 10,
                PgdSettings.MADRY_STEP_FACTOR, true, 20210205L, DataType.FLOAT32);
        SharpnessSettings sharpness = new SharpnessSettings(250, 10, PgdSettings.MADRY_STEP_FACTOR, 20,
                SharpnessSettings.DEFAULT_FD_STEP, 5, new double[] {-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1},
                DataType.FLOAT64, 20210205L);
        return new ResNetConfig("paper", true, ImageSource.CIFAR10, null, 50_000, 1000, ResNetStem.CIFAR, 1.0,
                new double[] {0, 0.25, 0.5, 1.0}, training, sharpness);
    }

    @Override
    public double[] epsilons() {
        return epsilons.clone();
    }

    /** The same configuration with other radii. */
    public ResNetConfig withEpsilons(double... newEpsilons) {
        return new ResNetConfig(tier, gpu, source, dataDirectory, trainExamples, measureExamples, stem,
                widthMultiplier, newEpsilons, training, sharpness);
    }

    /** The same configuration with every seed (initialisation, shuffling, Lanczos, directions) replaced. */
    public ResNetConfig withSeed(long seed) {
        TrainingSettings t = training;
        TrainingSettings seeded = t.withSeed(seed);
        SharpnessSettings s = sharpness;
        SharpnessSettings measured = new SharpnessSettings(s.batchSize(), s.attackSteps(), s.attackStepFactor(),
                s.lanczosSteps(), s.fdStep(), s.curveDirections(), s.curveAlphas(),
                s.dataType(), seed);
        return new ResNetConfig(tier, gpu, source, dataDirectory, trainExamples, measureExamples, stem,
                widthMultiplier, epsilons, seeded, measured);
    }

    /** The same configuration reading synthetic CIFAR-shaped images. */
    public ResNetConfig withSyntheticImages() {
        return new ResNetConfig(tier, gpu, ImageSource.SYNTHETIC, null, trainExamples, measureExamples, stem,
                widthMultiplier, epsilons, training, sharpness);
    }

    /** The same configuration with another number of epochs. */
    public ResNetConfig withEpochs(int epochs) {
        return new ResNetConfig(tier, gpu, source, dataDirectory, trainExamples, measureExamples, stem,
                widthMultiplier, epsilons, training.withEpochs(epochs), sharpness);
    }

    /** The same configuration on CPU ({@code false}) or GPU ({@code true}). */
    public ResNetConfig onGpu(boolean useGpu) {
        return new ResNetConfig(tier, useGpu, source, dataDirectory, trainExamples, measureExamples, stem,
                widthMultiplier, epsilons, training, sharpness);
    }

    /** The same configuration reading CIFAR-10 from {@code dir}. */
    public ResNetConfig withCifar10(Path dir) {
        return new ResNetConfig(tier, gpu, ImageSource.CIFAR10, dir, trainExamples, measureExamples, stem,
                widthMultiplier, epsilons, training, sharpness);
    }

    /** The same configuration with other sizes. */
    public ResNetConfig withExamples(int train, int measure) {
        return new ResNetConfig(tier, gpu, source, dataDirectory, train, measure, stem, widthMultiplier, epsilons,
                training, sharpness);
    }

    /** The network this configuration trains. */
    public ResNet18 network() {
        return new ResNet18(10, 3, stem, widthMultiplier);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResNetConfig c && c.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "ResNetConfig[tier=" + tier + ", gpu=" + gpu + ", source=" + source + ", dataDirectory=" + dataDirectory
                + ", trainExamples=" + trainExamples + ", measureExamples=" + measureExamples + ", stem=" + stem
                + ", widthMultiplier=" + widthMultiplier + ", epsilons=" + Arrays.toString(epsilons) + ", training="
                + training + ", sharpness=" + sharpness + "]";
    }
}
