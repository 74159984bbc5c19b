package org.advsharp.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.advsharp.deep.EpsilonResult;
import org.advsharp.deep.ResNetConfig;
import org.advsharp.deep.ResNetResult;
import org.advsharp.deep.engine.Devices;
import org.advsharp.deep.engine.DjlEnvironment;
import org.advsharp.deep.experiment.ResNetExperiment;
import org.advsharp.numerics.RankTrend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code advsharp resnet}: the deep tier (P4). ResNet18 is trained with L2 PGD at several eps and the
 * sharpness of its robust loss is measured at the trained weights (top Hessian eigenvalue with the attack
 * frozen and recomputed, filter-normalised 1-D curves): {@link ResNetExperiment}, the same code as the
 * check of exp:resnet-paper-scale (and its reduced CPU configuration).
 *
 * <p>{@code --scale cpu} (default on CPU) starts from {@link ResNetConfig#cpuTier()}, {@code --scale paper}
 * (default on GPU) from {@link ResNetConfig#paperScale()}; the other options override single values.
 * Progress goes to standard error, one bar per finished epoch with elapsed time and an estimate of the time
 * left; the results table goes to standard output. DJL runs offline ({@link DjlEnvironment#ensureOffline()}).
 */
@Command(name = "resnet", mixinStandardHelpOptions = true,
        description = "ResNet18 trained with L2 PGD at several eps; sharpness of the robust loss at the trained "
                + "weights (the deep tier).")
final class ResnetCommand implements Callable<Integer> {
    /** Matches the trainer's per-epoch progress line, "epoch k/N". */
    private static final Pattern EPOCH = Pattern.compile("epoch (\\d+)/(\\d+)");
    private static final int BAR_WIDTH = 30;

    @Spec
    private CommandSpec spec;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu",
            description = "Where to train: cpu (default) or gpu (the first CUDA device).")
    private String device;

    @Option(names = "--scale", paramLabel = "cpu|paper",
            description = "Base configuration: cpu (reduced ResNet18 on the bundled digits, minutes) or paper "
                    + "(standard ResNet18, 100 epochs, hours on a GPU). Default: cpu on --device cpu, paper on gpu.")
    private String scale;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder with the CIFAR-10 binary files data_batch_1.bin .. data_batch_5.bin (your copy; "
                    + "nothing is downloaded). Default: the bundled digits (cpu); the paper scale needs it (or --synthetic, timing only).")
    private Path data;

    @Option(names = "--synthetic", description = "Use seeded synthetic CIFAR-shaped images instead of the default data.")
    private boolean synthetic;

    @Option(names = "--epsilons", paramLabel = "LIST", split = ",",
            description = "Training radii in pixel units of [0, 1] images, increasing, e.g. 0,0.5,1,2.")
    private double[] epsilons;

    @Option(names = "--epochs", paramLabel = "N", description = "Training epochs per radius.")
    private Integer epochs;

    @Option(names = "--train", paramLabel = "N", description = "Number of training images.")
    private Integer train;

    @Option(names = "--measure", paramLabel = "N",
            description = "Number of (training) images the sharpness is measured on.")
    private Integer measure;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of initialisation, shuffling, attacks, Lanczos "
            + "and directions (default: the configuration's).")
    private Long seed;

    @Override
    public Integer call() {
        DjlEnvironment.ensureOffline();
        boolean gpu = switch (device.toLowerCase(Locale.ROOT)) {
            case "cpu" -> false;
            case "gpu", "cuda" -> true;
            default -> throw new IllegalArgumentException("--device " + device + ": must be cpu or gpu");
        };
        String base = scale == null ? (gpu ? "paper" : "cpu") : scale.toLowerCase(Locale.ROOT);
        ResNetConfig config = switch (base) {
            case "cpu" -> ResNetConfig.cpuTier();
            case "paper" -> ResNetConfig.paperScale();
            default -> throw new IllegalArgumentException("--scale " + scale + ": must be cpu or paper");
        };
        config = config.onGpu(gpu);
        if (data != null && synthetic) {
            throw new IllegalArgumentException("--data and --synthetic: give one of them, not both");
        }
        if (data != null) {
            if (!Files.isDirectory(data)) {
                throw new IllegalArgumentException("--data " + data + ": no such folder");
            }
            config = config.withCifar10(data);
        } else if (synthetic) {
            config = config.withSyntheticImages();
        }
        if (epsilons != null) {
            if (epsilons.length < 2) {
                throw new IllegalArgumentException("--epsilons " + Arrays.toString(epsilons)
                        + ": give at least two radii, e.g. 0,0.5,1");
            }
            for (int i = 0; i < epsilons.length; i++) {
                if (!Double.isFinite(epsilons[i]) || epsilons[i] < 0 || (i > 0 && epsilons[i] <= epsilons[i - 1])) {
                    throw new IllegalArgumentException("--epsilons " + Arrays.toString(epsilons)
                            + ": radii must be finite, >= 0 and strictly increasing");
                }
            }
            config = config.withEpsilons(epsilons);
        }
        if (epochs != null) {
            if (epochs < 1) {
                throw new IllegalArgumentException("--epochs " + epochs + ": must be >= 1");
            }
            config = config.withEpochs(epochs);
        }
        if (train != null || measure != null) {
            int t = train == null ? config.trainExamples() : train;
            int m = measure == null ? Math.min(config.measureExamples(), t) : measure;
            if (t < 1 || m < 1 || m > t) {
                throw new IllegalArgumentException("--train " + t + " --measure " + m
                        + ": need 1 <= measure <= train");
            }
            config = config.withExamples(t, m);
        }
        if (seed != null) {
            config = config.withSeed(seed);
        }
        if (gpu) {
            String reason = Devices.gpuUnavailableReason();
            if (reason != null) {
                throw new IllegalArgumentException("--device gpu: " + reason);
            }
        }
        if (base.equals("paper") && data == null && !synthetic) {
            throw new IllegalArgumentException("--scale paper: give --data DIR (your CIFAR-10 binary files) or, for a "
                    + "timing run only, --synthetic; the paper scale never falls back to synthetic images silently");
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        EpochBar bar = new EpochBar(err, config.epsilons().length, config.training().epochs());
        ResNetResult result = ResNetExperiment.run(config, bar::accept);
        print(out, result);
        return Advsharp.EXIT_OK;
    }

    private static void print(PrintWriter out, ResNetResult r) {
        out.println(r.network());
        out.println("device: " + r.device() + ", " + r.engine() + "; data: " + r.data());
        out.printf(Locale.ROOT, "%8s %14s %14s %12s %12s %10s %10s%n", "eps", "lmax frozen", "lmax re-att.",
                "curve rise", "robust loss", "step ms", "HVP ms");
        double[] rise = r.curveRise();
        int i = 0;
        for (EpsilonResult e : r.perEpsilon()) {
            out.printf(Locale.ROOT, "%8.4g %14.6g %14.6g %12.4g %12.4g %10.1f %10.1f%n", e.epsilon(),
                    e.sharpness().frozen().value(), e.sharpness().reattacked().value(),
                    rise == null ? Double.NaN : rise[i], e.sharpness().robustLoss(), e.medianStepMillis(),
                    e.sharpness().reattacked().medianHvpMillis());
            i++;
        }
        trend(out, "lambda_max re-attacked", r.reattackedTrend());
        trend(out, "lambda_max frozen", r.frozenTrend());
        trend(out, "gap (re-attacked - frozen)", r.gapTrend());
        if (r.curveTrend() != null) {
            trend(out, "1-D curve rise", r.curveTrend());
        }
        out.printf(Locale.ROOT, "median training step %.1f ms, median re-attacked HVP %.1f ms, peak resident memory "
                        + "%.0f MiB, total %.1f s; seed %d%n", r.medianStepMillis(), r.medianReattackedHvpMillis(),
                r.peakResidentMiB(), r.totalMillis() / 1000, r.config().training().seed());
    }

    private static void trend(PrintWriter out, String name, RankTrend t) {
        out.printf(Locale.ROOT, "trend of %s against eps: Spearman rho %.2f, one-sided p = %.3f%s%n", name, t.rho(),
                t.pValue(), t.strictlyIncreasing() ? " (strictly increasing)" : "");
    }

    /**
     * A progress bar on standard error, redrawn after every training epoch: epochs done of all radii, elapsed
     * time and an estimate of the time left (elapsed per finished epoch, measurement time included, times the
     * epochs left). Other progress lines are passed through.
     */
    static final class EpochBar {
        private final PrintWriter err;
        private final int total;
        private final long start = System.nanoTime();
        private int done;

        EpochBar(PrintWriter err, int radii, int epochsPerRadius) {
            this.err = err;
            this.total = radii * epochsPerRadius;
        }

        void accept(String line) {
            Matcher m = EPOCH.matcher(line);
            if (!m.find()) {
                err.println(line);
                err.flush();
                return;
            }
            done = Math.min(total, done + 1);
            double elapsed = (System.nanoTime() - start) / 1e9;
            double left = elapsed / done * (total - done);
            int filled = (int) Math.round(BAR_WIDTH * done / (double) total);
            err.printf(Locale.ROOT, "[%s%s] %d/%d epochs, %.0f s elapsed, about %.0f s left | %s%n",
                    "#".repeat(filled), ".".repeat(BAR_WIDTH - filled), done, total, elapsed, left, line);
            err.flush();
        }
    }
}
