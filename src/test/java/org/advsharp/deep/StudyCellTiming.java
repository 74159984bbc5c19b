package org.advsharp.deep;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.advsharp.deep.engine.DjlEnvironment;
import org.advsharp.deep.study.StudyConfig;
import org.advsharp.deep.study.StudyData;

/**
 * Times the training of one cell of the ResNet18 study ({@link StudyConfig#registered()}: seed 1 at the largest
 * radius unless told otherwise) in DJL, for the side-by-side with its PyTorch peer {@code bench/peer_study_cell.py}
 * (docs/performance.md). A measuring tool, never run by the build; libtorch runs on one intra-op and one inter-op
 * thread (the project's default, {@link DjlEnvironment}).
 *
 * <pre>
 *   java -cp target/test-classes:target/classes:'target/lib/*' org.advsharp.deep.StudyCellTiming \
 *       [--seed S] [--eps EPS] [--repeats R] [--phases] [--hvp] [--op-cost] [--trace FILE]
 * </pre>
 *
 * <ul>
 *   <li>each of the R repeats trains the cell with {@link AdversarialTrainer#train} exactly as the study and the
 *       build's rerun do, and prints its seconds (the first repeat includes the JIT's warm-up, as a fresh
 *       {@code advsharp} process would; the engine is started and the data read before any timing), wall-clock and
 *       CPU time of the process (on a loaded machine the CPU time is the steadier measure) and the CPU time of the
 *       training thread (the rest is the JVM's compiler and garbage-collector threads);</li>
 *   <li>{@code --phases}: one more training of the same cell by a loop that makes the same calls as
 *       {@link AdversarialTrainer#train} in the same order with a clock between them, and prints the seconds
 *       spent copying batches from Java to libtorch, attacking (PGD), in the forward and backward pass of the
 *       training step, and in the optimiser step (gradient copies and the SGD update);</li>
 *   <li>{@code --hvp}: the seconds of one frozen-attack finite-difference Hessian-vector product on the study's 64
 *       measuring images at the last trained weights (the measurement's unit of work);</li>
 *   <li>{@code --op-cost}: the microseconds of one small libtorch operation called from Java (the per-call
 *       overhead), of one forward 3x3 convolution of the first stage (the kernel that dominates the cell) and of
 *       the matrix product that convolution makes per image;</li>
 *   <li>{@code --trace FILE}: one epoch of the same training under libtorch's profiler, its Chrome trace written to
 *       FILE (read by {@code bench/trace_summary.py}: how much of the time is inside libtorch's operators).</li>
 * </ul>
 */
final class StudyCellTiming {

    private StudyCellTiming() {
    }

    public static void main(String[] args) {
        long seed = 1;
        double eps = Double.NaN;
        int repeats = 1;
        boolean phases = false;
        boolean hvp = false;
        boolean opCost = false;
        String trace = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--eps" -> eps = Double.parseDouble(args[++i]);
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--phases" -> phases = true;
                case "--hvp" -> hvp = true;
                case "--op-cost" -> opCost = true;
                case "--trace" -> trace = args[++i];
                default -> throw new IllegalArgumentException("StudyCellTiming: unknown argument " + args[i]);
            }
        }
        if (repeats < 0 || (hvp && repeats == 0)) {
            throw new IllegalArgumentException("StudyCellTiming: --repeats " + repeats + " must be >= 0, and >= 1 with "
                    + "--hvp (the product is taken at the trained weights)");
        }
        StudyConfig config = StudyConfig.registered();
        double[] radii = config.radii();
        if (Double.isNaN(eps)) {
            eps = radii[radii.length - 1];
        }
        DjlEnvironment.engine();
        StudyData data = StudyData.load(config);
        ResNet18 net = config.network();
        TrainingSettings settings = config.training().withSeed(seed);
        System.out.printf(Locale.ROOT, "djl: %s; libtorch %s, %s intra-op thread(s); seed %d, eps %s%n",
                net.describe(), Engine.getInstance().getVersion(),
                System.getProperty(DjlEnvironment.THREADS_PROPERTY), seed, eps);
        try (NDManager root = NDManager.newBaseManager()) {
            TrainedModel last = null;
            for (int r = 0; r < repeats; r++) {
                if (last != null) {
                    last.close();
                }
                long t0 = System.nanoTime();
                long cpu0 = processCpuNanos();
                long thread0 = threadCpuNanos();
                last = AdversarialTrainer.train(net, data.train(), eps, settings, root, line -> { });
                System.out.printf(Locale.ROOT, "djl: training run %d/%d: %.2f s wall, %.2f s CPU, of which %.2f s in the "
                        + "training thread (last epoch: adversarial loss %.4f, accuracy %.3f)%n", r + 1, repeats,
                        (System.nanoTime() - t0) / 1e9, (processCpuNanos() - cpu0) / 1e9,
                        (threadCpuNanos() - thread0) / 1e9,
                        last.epochLoss().get(last.epochLoss().size() - 1),
                        last.epochAccuracy().get(last.epochAccuracy().size() - 1));
            }
            if (phases) {
                double[] spent = phases(net, data.train(), eps, settings, root);
                System.out.printf(Locale.ROOT, "djl: phases of one more training run: batch copy %.2f s, attack %.2f s, "
                        + "forward/backward %.2f s, optimiser %.2f s (sum %.2f s)%n", spent[0], spent[1], spent[2],
                        spent[3], Arrays.stream(spent).sum());
            }
            if (hvp) {
                System.out.printf(Locale.ROOT, "djl: one finite-difference HVP on %d images: %.1f ms%n",
                        data.measure().size(), hvpMillis(config, data, last, eps, seed, root));
            }
            if (opCost) {
                System.out.printf(Locale.ROOT, "djl: one small libtorch operation from Java: %.1f us%n",
                        opMicros(root));
                System.out.printf(Locale.ROOT, "djl: one 3x3 convolution of the first stage (50x4x7x7, float64): "
                        + "%.1f us%n", convMicros(root));
                System.out.printf(Locale.ROOT, "djl: one (4x36)(36x49) float64 matrix product (the convolution's GEMM per "
                        + "image): %.2f us%n", gemmMicros(root));
            }
            if (trace != null) {
                TrainingSettings oneEpoch = settings.withEpochs(1);
                JniUtils.startProfile(false, false, false);
                long t0 = System.nanoTime();
                AdversarialTrainer.train(net, data.train(), eps, oneEpoch, root, line -> { }).close();
                double seconds = (System.nanoTime() - t0) / 1e9;
                JniUtils.stopProfile(trace);
                System.out.printf(Locale.ROOT, "djl: one epoch under libtorch's profiler: %.2f s; trace in %s%n",
                        seconds, trace);
            }
            if (last != null) {
                last.close();
            }
        }
    }

    /** CPU time of the calling thread, ns (libtorch on one thread computes in it). */
    private static long threadCpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** CPU time of this process (every thread: libtorch's, the JIT compiler's, the garbage collector's), ns. */
    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * The calls of {@link AdversarialTrainer#train} in its order, with a clock between the phases; returns seconds
     * of batch copy, attack, forward/backward, optimiser step.
     */
    private static double[] phases(ResNet18 net, ExampleSet data, double epsilon, TrainingSettings settings,
                                   NDManager parent) {
        double[] spent = new double[4];
        Engine engine = DjlEnvironment.engine();
        try (NDManager manager = parent.newSubManager()) {
            WeightVector w = net.initialWeights(settings.seed(), settings.dataType(), manager);
            RunningStatistics stats = net.initialStatistics(settings.dataType(), manager);
            WeightVector buffer = w.map(NDArray::zerosLike, manager);
            PgdSettings attack = settings.attackAt(epsilon);
            SplittableRandom random = new SplittableRandom(settings.seed() ^ 0x5DEECE66DL);
            int n = data.size();
            int stepsPerEpoch = (n + settings.batchSize() - 1) / settings.batchSize();
            for (int epoch = 0; epoch < settings.epochs(); epoch++) {
                double lr = settings.learningRateAt(epoch);
                int[] order = AdversarialTrainer.permutation(n, random);
                for (int from = 0, step = 0; from < n; from += settings.batchSize(), step++) {
                    double fraction = settings.rampFraction(epoch, step, stepsPerEpoch);
                    PgdSettings stepAttack = fraction == 1 ? attack : attack.atEpsilon(epsilon * fraction);
                    int[] idx = Arrays.copyOfRange(order, from, Math.min(n, from + settings.batchSize()));
                    try (Scope scope = Scope.open(manager, w, stats, buffer)) {
                        long t0 = System.nanoTime();
                        ExampleSet.Batch batch = data.batch(idx, settings.dataType(), scope.manager());
                        long t1 = System.nanoTime();
                        NDArray x = stepAttack.epsilon() > 0
                                ? L2Pgd.attack(net, w, stats, BatchNormMode.TRAIN_FROZEN_STATS, batch.x(),
                                        batch.oneHot(), stepAttack, random)
                                : batch.x();
                        long t2 = System.nanoTime();
                        WeightVector leaf = w.leafCopy(scope.manager());
                        NDArray logits;
                        NDArray loss;
                        try (GradientCollector collector = engine.newGradientCollector()) {
                            logits = net.logits(leaf, stats, x, BatchNormMode.TRAIN);
                            loss = SoftmaxCrossEntropy.mean(logits, batch.oneHot());
                            collector.backward(loss);
                        }
                        Scalars.value(loss);
                        AdversarialTrainer.countCorrect(logits, batch.labels());
                        long t3 = System.nanoTime();
                        WeightVector g = leaf.gradients(scope.manager());
                        for (int i = 0; i < w.tensors().size(); i++) {
                            NDArray wi = w.tensor(i);
                            NDArray bi = buffer.tensor(i);
                            bi.muli(settings.momentum()).addi(g.tensor(i)).addi(wi.mul(settings.weightDecay()));
                            wi.subi(bi.mul(lr));
                        }
                        long t4 = System.nanoTime();
                        spent[0] += (t1 - t0) / 1e9;
                        spent[1] += (t2 - t1) / 1e9;
                        spent[2] += (t3 - t2) / 1e9;
                        spent[3] += (t4 - t3) / 1e9;
                    }
                }
            }
        }
        return spent;
    }

    /** Milliseconds of one frozen-attack finite-difference product at the trained weights (after a warm-up one). */
    private static double hvpMillis(StudyConfig config, StudyData data, TrainedModel model, double eps, long seed,
                                    NDManager parent) {
        try (NDManager m = parent.newSubManager()) {
            RobustObjective objective = new RobustObjective(model.net(), model.statistics(), data.measure(),
                    config.measureAttack(eps), data.measure().size(), DataType.FLOAT64);
            FiniteDifferenceHvp product = new FiniteDifferenceHvp(objective, model.weights(), false, config.fdStep(), m);
            SplittableRandom random = new SplittableRandom(seed);
            double[] v = new double[Math.toIntExact(model.weights().dimension())];
            for (int i = 0; i < v.length; i++) {
                v[i] = random.nextGaussian();
            }
            WeightVector direction = WeightVector.fromDoubleArray(model.weights().specs(), v, DataType.FLOAT64, m);
            product.apply(direction, m);
            long t0 = System.nanoTime();
            product.apply(direction, m);
            double millis = (System.nanoTime() - t0) / 1e6;
            if (product.kinkRefinements() > 0) {
                System.out.printf(Locale.ROOT, "djl: (the products met %d kink(s) and shrank their step)%n",
                        product.kinkRefinements());
            }
            return millis;
        }
    }

    /**
     * Microseconds per forward 3x3 convolution of the first residual stage (input 50 x 4 x 7 x 7, 4 filters, stride 1,
     * padding 1, float64), CPU time of the calling thread over 2,000 calls after 2,000 warm-up: the kernel that dominates the cell, timed without
     * a profiler.
     */
    private static double convMicros(NDManager parent) {
        try (NDManager m = parent.newSubManager()) {
            NDArray x = m.ones(new Shape(50, 4, 7, 7), DataType.FLOAT64);
            NDArray k = m.ones(new Shape(4, 4, 3, 3), DataType.FLOAT64);
            int calls = 2_000;
            for (int i = 0; i < calls; i++) {
                Conv2d.conv2d(x, k, null, new Shape(1, 1),
                        new Shape(1, 1), new Shape(1, 1), 1)
                        .singletonOrThrow().close();
            }
            long t0 = threadCpuNanos();
            for (int i = 0; i < calls; i++) {
                Conv2d.conv2d(x, k, null, new Shape(1, 1),
                        new Shape(1, 1), new Shape(1, 1), 1)
                        .singletonOrThrow().close();
            }
            return (threadCpuNanos() - t0) / 1e3 / calls;
        }
    }

    /**
     * Microseconds (CPU time of the calling thread) per float64 matrix product (4 x 36)(36 x 49), the GEMM that the
     * first stage's convolution makes for each image (im2col), over 20,000 calls after 20,000 warm-up.
     */
    private static double gemmMicros(NDManager parent) {
        try (NDManager m = parent.newSubManager()) {
            NDArray a = m.ones(new Shape(4, 36), DataType.FLOAT64);
            NDArray b = m.ones(new Shape(36, 49), DataType.FLOAT64);
            int calls = 20_000;
            for (int i = 0; i < calls; i++) {
                a.matMul(b).close();
            }
            long t0 = threadCpuNanos();
            for (int i = 0; i < calls; i++) {
                a.matMul(b).close();
            }
            return (threadCpuNanos() - t0) / 1e3 / calls;
        }
    }

    /** Microseconds (CPU time of the calling thread) per in-place add on a 4-entry float64 tensor, over 20,000 calls after 20,000 warm-up. */
    private static double opMicros(NDManager parent) {
        try (NDManager m = parent.newSubManager()) {
            NDArray a = m.zeros(new Shape(4), DataType.FLOAT64);
            NDArray b = m.ones(new Shape(4), DataType.FLOAT64);
            int calls = 20_000;
            for (int i = 0; i < calls; i++) {
                a.addi(b);
            }
            long t0 = threadCpuNanos();
            for (int i = 0; i < calls; i++) {
                a.addi(b);
            }
            return (threadCpuNanos() - t0) / 1e3 / calls;
        }
    }
}
