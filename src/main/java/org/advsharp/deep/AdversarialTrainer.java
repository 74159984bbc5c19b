package org.advsharp.deep;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.advsharp.deep.engine.DjlEnvironment;

/**
 * PGD adversarial training (Madry et al. 2018) of a {@link Classifier} at one radius eps, as specified
 * by {@link TrainingSettings}: the network is trained on x' = PGD_eps(w, x) and, at eps = 0, on the clean
 * inputs. Seeded: the same settings, data and seed give the same weights on the same engine and device.
 */
public final class AdversarialTrainer {

    private AdversarialTrainer() {
    }

    /**
     * Trains from the seeded initial weights.
     *
     * @param net      the classifier
     * @param data     the training set (labels in 0..K-1)
     * @param epsilon  the training radius (0: standard training)
     * @param settings optimiser, schedule, attack and seed
     * @param parent   the manager under which the model's tensors are created
     * @param progress receives one line per epoch
     * @return the trained model (close it to free its tensors)
     */
    public static TrainedModel train(Classifier net, ExampleSet data, double epsilon, TrainingSettings settings,
                                     NDManager parent, Consumer<String> progress) {
        if (!data.exampleShape().equals(net.exampleShape()) && data.exampleShape().size() != net.exampleShape().size()) {
            throw new IllegalArgumentException("training: examples of shape " + data.exampleShape()
                    + " do not fit " + net.describe() + " (expects " + net.exampleShape() + ")");
        }
        if (data.numClasses() != net.numClasses()) {
            throw new IllegalArgumentException("training: data have " + data.numClasses() + " classes but the "
                    + "network has " + net.numClasses());
        }
        NDManager manager = parent.newSubManager();
        WeightVector w = net.initialWeights(settings.seed(), settings.dataType(), manager);
        RunningStatistics stats = net.initialStatistics(settings.dataType(), manager);
        WeightVector buffer = w.map(NDArray::zerosLike, manager);
        PgdSettings attack = settings.attackAt(epsilon);
        SplittableRandom random = new SplittableRandom(settings.seed() ^ 0x5DEECE66DL);
        Engine engine = DjlEnvironment.engine();
        List<Double> epochLoss = new ArrayList<>();
        List<Double> epochAcc = new ArrayList<>();
        List<Double> stepMillis = new ArrayList<>();
        int n = data.size();
        int stepsPerEpoch = (n + settings.batchSize() - 1) / settings.batchSize();
        long start = System.nanoTime();
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            double lr = settings.learningRateAt(epoch);
            int[] order = permutation(n, random);
            double lossSum = 0;
            int correct = 0;
            for (int from = 0, step = 0; from < n; from += settings.batchSize(), step++) {
                long t0 = System.nanoTime();
                double fraction = settings.rampFraction(epoch, step, stepsPerEpoch);
                PgdSettings stepAttack = fraction == 1 ? attack : attack.atEpsilon(epsilon * fraction);
                int size = Math.min(settings.batchSize(), n - from);
                int[] idx = Arrays.copyOfRange(order, from, from + size);
                try (Scope scope = Scope.open(manager, w, stats, buffer)) {
                    ExampleSet.Batch batch = data.batch(idx, settings.dataType(), scope.manager());
                    NDArray x = stepAttack.epsilon() > 0
                            ? L2Pgd.attack(net, w, stats, BatchNormMode.TRAIN_FROZEN_STATS, batch.x(),
                                    batch.oneHot(), stepAttack, random)
                            : batch.x();
                    WeightVector leaf = w.leafCopy(scope.manager());
                    NDArray logits;
                    NDArray loss;
                    try (GradientCollector collector = engine.newGradientCollector()) {
                        logits = net.logits(leaf, stats, x, BatchNormMode.TRAIN);
                        loss = SoftmaxCrossEntropy.mean(logits, batch.oneHot());
                        collector.backward(loss);
                    }
                    double batchLoss = Scalars.value(loss);
                    if (!Double.isFinite(batchLoss)) {
                        throw new IllegalStateException(String.format(Locale.ROOT,
                                "training diverged: loss %s at eps %.3g, epoch %d, step starting at example %d "
                                        + "(learning rate %.3g); lower the learning rate", batchLoss, epsilon,
                                epoch + 1, from, lr));
                    }
                    lossSum += batchLoss * size;
                    correct += countCorrect(logits, batch.labels());
                    WeightVector g = leaf.gradients(scope.manager());
                    for (int i = 0; i < w.tensors().size(); i++) {
                        NDArray wi = w.tensor(i);
                        NDArray bi = buffer.tensor(i);
                        bi.muli(settings.momentum()).addi(g.tensor(i)).addi(wi.mul(settings.weightDecay()));
                        wi.subi(bi.mul(lr));
                    }
                }
                stepMillis.add((System.nanoTime() - t0) / 1e6);
            }
            epochLoss.add(lossSum / n);
            epochAcc.add(correct / (double) n);
            double elapsed = (System.nanoTime() - start) / 1e9;
            double left = elapsed / (epoch + 1) * (settings.epochs() - epoch - 1);
            progress.accept(String.format(Locale.ROOT,
                    "eps %.3g: epoch %d/%d, lr %.3g, adversarial loss %.4f, accuracy %.3f, %.1f s elapsed, about %.0f s left",
                    epsilon, epoch + 1, settings.epochs(), lr, lossSum / n, correct / (double) n, elapsed, left));
        }
        buffer.close();
        return new TrainedModel(net, w, stats, epsilon, epochLoss, epochAcc, stepMillis, manager);
    }

    /** Number of rows whose arg-max logit is the label. */
    static int countCorrect(NDArray logits, int[] labels) {
        long[] predicted = logits.argMax(1).toLongArray();
        int c = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted[i] == labels[i]) {
                c++;
            }
        }
        return c;
    }

    /** A seeded uniform permutation of 0..n-1 (Fisher-Yates). */
    public static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
