package org.advsharp.deep.experiment;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.advsharp.deep.AdversarialTrainer;
import org.advsharp.deep.EpsilonResult;
import org.advsharp.deep.ExampleSet;
import org.advsharp.deep.NetworkSharpness;
import org.advsharp.deep.ResNet18;
import org.advsharp.deep.ResNetConfig;
import org.advsharp.deep.ResNetResult;
import org.advsharp.deep.SharpnessMeter;
import org.advsharp.deep.TrainedModel;
import org.advsharp.deep.data.Cifar10Files;
import org.advsharp.deep.data.DigitsImages;
import org.advsharp.deep.data.SyntheticImages;
import org.advsharp.deep.engine.Devices;
import org.advsharp.deep.engine.DjlEnvironment;
import org.advsharp.deep.engine.ProcessMemory;

/**
 * The ResNet18 experiment of claim exp:resnet-paper-scale and its reduced CPU configuration (paper claim P4): for every radius eps of
 * the configuration, PGD adversarial training from the same seeded initial weights, then the sharpness
 * of the robust loss at the trained weights measured by {@link SharpnessMeter} (top eigenvalue with the
 * attack frozen and recomputed; 1-D filter-normalised curves). Both tiers (CPU in every build, paper
 * scale on a GPU) are this one method with different {@link ResNetConfig}s.
 *
 * <p>It sits above {@code deep} (networks, training, measurement) and {@code deep.data} (where the images come
 * from), so that neither of those depends on the other's user.
 *
 * <p>Usage: {@code ResNetResult r = ResNetExperiment.run(ResNetConfig.cpuTier(), System.out::println);}
 * The progress consumer receives one line per training epoch and per measurement stage, each with the
 * elapsed time and an estimate of the time left.
 */
public final class ResNetExperiment {

    private ResNetExperiment() {
    }

    /**
     * Runs the experiment.
     *
     * @param config   what to run
     * @param progress receives progress lines (may ignore them)
     * @return everything measured
     * @throws IllegalStateException    if the configuration asks for a GPU and none is visible
     * @throws IllegalArgumentException if CIFAR-10 is asked for and its files are missing or malformed
     */
    public static ResNetResult run(ResNetConfig config, Consumer<String> progress) {
        DjlEnvironment.ensureOffline();
        long start = System.nanoTime();
        Device device = Devices.select(config.gpu());
        ExampleSet train = images(config);
        ExampleSet measure = train.head(config.measureExamples());
        ResNet18 net = config.network();
        progress.accept(net.describe() + " on " + device + "; " + train.description());
        List<EpsilonResult> rows = new ArrayList<>();
        double[] eps = config.epsilons();
        try (NDManager manager = DjlEnvironment.engine().newBaseManager(device)) {
            for (int i = 0; i < eps.length; i++) {
                double e = eps[i];
                long t0 = System.nanoTime();
                String prefix = String.format(Locale.ROOT, "[eps %d/%d] ", i + 1, eps.length);
                Consumer<String> tagged = line -> progress.accept(prefix + line);
                try (TrainedModel model = AdversarialTrainer.train(net, train, e, config.training(), manager, tagged)) {
                    double trainingMillis = (System.nanoTime() - t0) / 1e6;
                    NetworkSharpness s = SharpnessMeter.measure(model, measure, config.sharpness(), manager, tagged);
                    rows.add(new EpsilonResult(e, model.epochLoss(), model.epochAccuracy(), model.medianStepMillis(),
                            trainingMillis, s));
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                progress.accept(String.format(Locale.ROOT, "%sdone: %.0f s elapsed, about %.0f s left", prefix,
                        elapsed, elapsed / (i + 1) * (eps.length - i - 1)));
            }
        }
        return ResNetResult.of(config, net.describe(), net.parameterCount(), device.toString(),
                Devices.engineDescription(), train.description(), rows, ProcessMemory.peakResidentMiB(),
                (System.nanoTime() - start) / 1e6);
    }

    /** The training images of a configuration (the measuring set is their first measureExamples). */
    static ExampleSet images(ResNetConfig config) {
        long seed = config.training().seed();
        return switch (config.source()) {
            case DIGITS -> {
                ExampleSet all = DigitsImages.upsampled(3);
                int[] order = AdversarialTrainer.permutation(all.size(), new SplittableRandom(seed));
                yield all.subset(Arrays.copyOf(order, Math.min(config.trainExamples(), all.size())));
            }
            case SYNTHETIC -> SyntheticImages.cifarShaped(config.trainExamples(), 10, seed);
            case CIFAR10 -> {
                Path dir = config.dataDirectory();
                if (dir == null) {
                    String property = System.getProperty(Cifar10Files.DIRECTORY_PROPERTY);
                    dir = property == null || property.isBlank() ? null : Paths.get(property);
                }
                if (dir == null) {
                    throw new IllegalArgumentException("CIFAR-10: no folder given (system property "
                            + Cifar10Files.DIRECTORY_PROPERTY + " or --data DIR); the CIFAR-10 tier never falls back "
                            + "to synthetic images");
                }
                yield Cifar10Files.training(dir, config.trainExamples());
            }
        };
    }
}
