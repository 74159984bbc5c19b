package org.advsharp.deep.study;

import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import org.advsharp.deep.PgdSettings;
import org.advsharp.deep.ResNet18;
import org.advsharp.deep.ResNetStem;
import org.advsharp.deep.TrainingSettings;

/**
 * The configuration of a ResNet18 sharpness study (the claims exp:resnet-cpu-study and exp:resnet-fitted-study in
 * proofs/deep.md): one ResNet18 with basic blocks 2-2-2-2 (the code of the paper-scale tier at reduced width)
 * trained by L2 PGD at every radius of {@link #radii} from every seed of {@link #seeds}, with one learning-rate
 * schedule and one radius ramp for all, then measured at the trained weights.
 *
 * <p>{@link #toString()} is the configuration's identity, quoted by its record. The first study's text was
 * recorded before {@code source} and {@code stem} existed; they appear in the text only when they differ from
 * that study's (Fashion-MNIST, stride-2 stem), so its record still names its configuration.
 *
 * @param name              a name for the report
 * @param source            where the images come from
 * @param stem              the network's first layer (stride 1 or 2)
 * @param widthMultiplier   stage widths 64-128-256-512 times this
 * @param downsample        the source's images are averaged over blocks of this side (Fashion-MNIST 2: 14x14)
 * @param trainExamples     the first this many training images of the source
 * @param measureExamples   the first this many of them carry the sharpness measurements
 * @param testExamples      this many test images give clean and robust accuracy ({@link StudyData})
 * @param training          optimiser, schedule, ramp and training attack (its seed is replaced per run)
 * @param measureAttackSteps PGD steps of the measuring attack (deterministic, step 2.5 eps / steps)
 * @param testAttackSteps   PGD steps of the attack that gives robust test accuracy
 * @param lanczosSteps      Lanczos steps per top eigenvalue
 * @param traceProbes       Rademacher probes of the Hutchinson trace estimate
 * @param curveDirections   filter-normalised directions of the 1-D robust-loss curves
 * @param curveAlphas       their points (contains 0)
 * @param radii             the training radii, increasing (L2, pixel units of [0, 1] images)
 * @param seeds             one run per seed and radius
 * @param fdStep            finite-difference step of the Hessian-vector products
 */
public record StudyConfig(String name, StudySource source, ResNetStem stem, double widthMultiplier, int downsample,
                          int trainExamples, int measureExamples, int testExamples, TrainingSettings training,
                          int measureAttackSteps, int testAttackSteps, int lanczosSteps, int traceProbes, int curveDirections, double[] curveAlphas, double[] radii,
                          long[] seeds, double fdStep) {

    /** Nominal level of the Hutchinson interval. */
    public static final double TRACE_CONFIDENCE = 0.95;

    public StudyConfig {
        radii = radii.clone();
        seeds = seeds.clone();
        curveAlphas = curveAlphas.clone();
        if (radii.length < 2 || seeds.length < 1) {
            throw new IllegalArgumentException("study: need at least two radii and one seed, got "
                    + Arrays.toString(radii) + " and " + Arrays.toString(seeds));
        }
        for (int i = 0; i < radii.length; i++) {
            if (!(radii[i] >= 0) || !Double.isFinite(radii[i]) || (i > 0 && radii[i] <= radii[i - 1])) {
                throw new IllegalArgumentException("study: radii " + Arrays.toString(radii)
                        + " must be finite, >= 0 and strictly increasing");
            }
        }
        if (measureExamples < 1 || measureExamples > trainExamples || testExamples < 1) {
            throw new IllegalArgumentException("study: need 1 <= measureExamples (" + measureExamples
                    + ") <= trainExamples (" + trainExamples + ") and testExamples (" + testExamples + ") >= 1");
        }
        if (source == null || stem == null) {
            throw new IllegalArgumentException("study: the image source and the stem must be given");
        }
        if (!(widthMultiplier > 0) || !Double.isFinite(widthMultiplier)) {
            throw new IllegalArgumentException("study: widthMultiplier " + widthMultiplier + " must be > 0");
        }
        if (downsample < 1 || source.side() % downsample != 0) {
            throw new IllegalArgumentException("study: downsample " + downsample + " must divide the side "
                    + source.side() + " of " + source);
        }
        if (curveDirections > 0 && Arrays.stream(curveAlphas).noneMatch(a -> a == 0)) {
            throw new IllegalArgumentException("study: curve points " + Arrays.toString(curveAlphas)
                    + " must contain 0");
        }
        if (traceProbes < 2 || lanczosSteps < 1 || measureAttackSteps < 1 || testAttackSteps < 1) {
            throw new IllegalArgumentException("study: traceProbes >= 2, lanczosSteps, measureAttackSteps and "
                    + "testAttackSteps >= 1 required");
        }
    }

    /**
     * The pre-registered configuration of exp:resnet-cpu-study (proofs/deep.md); changing any value here is a new
     * study and needs a new pre-registration.
     */
    public static StudyConfig registered() {
        TrainingSettings training = new TrainingSettings(12, 50, 0.05, 0.9, 5e-4, new int[] {6, 9}, 0.1, 3,
                PgdSettings.MADRY_STEP_FACTOR, true, 0L, DataType.FLOAT64, 3);
        return new StudyConfig("resnet18-fashion-cpu", StudySource.FASHION_MNIST, ResNetStem.STRIDE2, 0.0625, 2, 1000, 64, 500, training, 5, 10, 20, 20, 2,
                new double[] {-0.5, -0.25, 0, 0.25, 0.5}, new double[] {0, 0.25, 0.5, 0.75, 1.0},
                new long[] {1, 2, 3, 4, 5}, 1e-7);
    }

    /**
     * The pre-registered configuration of exp:resnet-fitted-study (proofs/deep.md), chosen by the pilots listed
     * there so that the networks fit their training images; changing any value here is a new study and needs a
     * new pre-registration.
     */
    public static StudyConfig fitted() {
        TrainingSettings training = new TrainingSettings(30, 50, 0.05, 0.9, 5e-4, new int[] {20, 25}, 0.1, 3,
                PgdSettings.MADRY_STEP_FACTOR, true, 0L, DataType.FLOAT64, 3);
        return new StudyConfig("resnet18-digits-fitted", StudySource.DIGITS_8X8, ResNetStem.CIFAR, 0.0625, 1, 500,
                64, 500, training, 5, 10, 20, 20, 2, new double[] {-0.5, -0.25, 0, 0.25, 0.5},
                new double[] {0, 0.1, 0.2, 0.3, 0.4}, new long[] {1, 2, 3, 4, 5}, 1e-7);
    }

    @Override
    public double[] radii() {
        return radii.clone();
    }

    @Override
    public long[] seeds() {
        return seeds.clone();
    }

    @Override
    public double[] curveAlphas() {
        return curveAlphas.clone();
    }

    /** Side of the images the network sees. */
    public int side() {
        return source.side() / downsample;
    }

    /** The network. */
    public ResNet18 network() {
        return new ResNet18(10, 1, side(), stem, widthMultiplier);
    }

    /** The measuring attack at radius eps (no random start: the re-attacked loss is a function of the weights). */
    public PgdSettings measureAttack(double eps) {
        return new PgdSettings(eps, measureAttackSteps, PgdSettings.MADRY_STEP_FACTOR * eps / measureAttackSteps,
                false, true);
    }

    /** The attack of robust test accuracy at radius eps. */
    public PgdSettings testAttack(double eps) {
        return new PgdSettings(eps, testAttackSteps, PgdSettings.MADRY_STEP_FACTOR * eps / testAttackSteps, false,
                true);
    }

    /** The same configuration with other seeds and radii (shards, the reduced every-build run). */
    public StudyConfig with(long[] newSeeds, double[] newRadii) {
        return new StudyConfig(name, source, stem, widthMultiplier, downsample, trainExamples, measureExamples,
                testExamples, training, measureAttackSteps, testAttackSteps, lanczosSteps, traceProbes, curveDirections,
                curveAlphas, newRadii, newSeeds, fdStep);
    }

    /** The same configuration with other sizes and epochs (pilots). */
    public StudyConfig sized(int train, int measure, int test, int epochs, int[] milestones, double ramp) {
        TrainingSettings t = training;
        TrainingSettings resized = new TrainingSettings(epochs, t.batchSize(), t.learningRate(), t.momentum(),
                t.weightDecay(), milestones, t.gamma(), t.attackSteps(), t.attackStepFactor(), t.randomStart(),
                t.seed(), t.dataType(), ramp);
        return new StudyConfig(name, source, stem, widthMultiplier, downsample, train, measure, test, resized,
                measureAttackSteps, testAttackSteps, lanczosSteps, traceProbes, curveDirections, curveAlphas, radii, seeds, fdStep);
    }

    /** The same configuration on other images, stem and width (pilots). */
    public StudyConfig shaped(String newName, StudySource newSource, ResNetStem newStem, double newWidth,
                              int newDownsample) {
        return new StudyConfig(newName, newSource, newStem, newWidth, newDownsample, trainExamples, measureExamples,
                testExamples, training, measureAttackSteps, testAttackSteps, lanczosSteps, traceProbes,
                curveDirections, curveAlphas, radii, seeds, fdStep);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StudyConfig c && c.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "StudyConfig[name=" + name + ", widthMultiplier=" + widthMultiplier + ", downsample=" + downsample
                + ", trainExamples=" + trainExamples + ", measureExamples=" + measureExamples + ", testExamples="
                + testExamples + ", training=" + training + ", measureAttackSteps=" + measureAttackSteps
                + ", testAttackSteps=" + testAttackSteps + ", lanczosSteps=" + lanczosSteps + ", traceProbes="
                + traceProbes + ", curveDirections=" + curveDirections + ", curveAlphas="
                + Arrays.toString(curveAlphas) + ", radii=" + Arrays.toString(radii) + ", seeds="
                + Arrays.toString(seeds) + ", fdStep=" + fdStep + addedFields() + "]";
    }

    /** The fields added after the first study's record, when they differ from that study's values. */
    private String addedFields() {
        boolean firstStudys = source == StudySource.FASHION_MNIST && stem == ResNetStem.STRIDE2;
        return firstStudys ? "" : ", source=" + source + ", stem=" + stem;
    }
}
