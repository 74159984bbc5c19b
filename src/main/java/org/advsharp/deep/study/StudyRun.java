package org.advsharp.deep.study;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.advsharp.deep.AdversarialTrainer;
import org.advsharp.deep.BatchNormMode;
import org.advsharp.deep.ExampleSet;
import org.advsharp.deep.FilterNormalizedDirection;
import org.advsharp.deep.FiniteDifferenceHvp;
import org.advsharp.deep.HessianOperator;
import org.advsharp.deep.L2Pgd;
import org.advsharp.deep.PgdSettings;
import org.advsharp.deep.ResNet18;
import org.advsharp.deep.RobustObjective;
import org.advsharp.deep.RunningStatistics;
import org.advsharp.deep.TopEigenvalue;
import org.advsharp.deep.TrainedModel;
import org.advsharp.deep.WeightVector;

/**
 * One run of the study: PGD adversarial training of the study's ResNet18 at one radius from one seed, then the
 * measurements of {@link StudyCell} at the trained weights (BatchNorm on its running statistics, float64):
 *
 * <ol>
 *   <li>clean and robust accuracy on the test images, robust and clean loss and the robust gradient's norm on
 *       the measuring images;</li>
 *   <li>lambda_max of the frozen-attack and of the re-attacked Hessian by Lanczos on finite-difference
 *       products, each with its residual, converged flag and kink counts ({@link HessianOperator});</li>
 *   <li>Hutchinson's trace of the frozen-attack Hessian with its interval;</li>
 *   <li>1-D robust-loss curves along filter-normalised directions, with the directions' norms;</li>
 *   <li>the fit on the training images ({@link StudyCell.Fit}): clean and robust training accuracy and the
 *       adversarial training margins.</li>
 * </ol>
 *
 * <p>How much is measured is a {@link Depth}.
 */
public final class StudyRun {

    private StudyRun() {
    }

    /** How much of a cell is measured. */
    public enum Depth {
        /** Training, test accuracies, losses, gradient norm, frozen-attack lambda_max (the build's rerun). */
        RERUN,
        /** {@link #RERUN} and the fit on the training images (pilots). */
        PILOT,
        /** Everything (a study's cell). */
        FULL
    }

    /**
     * Trains and measures one cell.
     *
     * @param config   the study
     * @param data     training, measuring and test images
     * @param seed     the run's seed
     * @param epsilon  the run's radius
     * @param progress receives the trainer's per-epoch lines and one line per measurement
     */
    public static StudyCell run(StudyConfig config, StudyData data, long seed, double epsilon,
                                Consumer<String> progress) {
        return run(config, data, seed, epsilon, Depth.FULL, progress);
    }

    /** As {@link #run(StudyConfig, StudyData, long, double, Depth, Consumer)}; {@code full = false}: a rerun. */
    public static StudyCell run(StudyConfig config, StudyData data, long seed, double epsilon, boolean full,
                                Consumer<String> progress) {
        return run(config, data, seed, epsilon, full ? Depth.FULL : Depth.RERUN, progress);
    }

    /**
     * As {@link #run(StudyConfig, StudyData, long, double, Consumer)} to the given depth: below {@link Depth#FULL}
     * the re-attacked eigenvalue and the trace are null and there are no curves; at {@link Depth#RERUN} the fit is
     * null too.
     */
    public static StudyCell run(StudyConfig config, StudyData data, long seed, double epsilon, Depth depth,
                                Consumer<String> progress) {
        ResNet18 net = config.network();
        DataType type = DataType.FLOAT64;
        long t0 = System.nanoTime();
        try (NDManager root = NDManager.newBaseManager();
             TrainedModel model = AdversarialTrainer.train(net, data.train(), epsilon, config.training().withSeed(seed),
                     root, progress)) {
            double trainingMillis = (System.nanoTime() - t0) / 1e6;
            long t1 = System.nanoTime();
            WeightVector w = model.weights();
            RunningStatistics stats = model.statistics();
            double clean = accuracy(net, w, stats, data.test(), config.testAttack(0), root);
            double robust = accuracy(net, w, stats, data.test(), config.testAttack(epsilon), root);
            RobustObjective objective = new RobustObjective(net, stats, data.measure(), config.measureAttack(epsilon),
                    data.measure().size(), type);
            double robustLoss = objective.reattackedLoss(w, root);
            double cleanLoss;
            double gradientNorm;
            try (NDManager m = root.newSubManager()) {
                RobustObjective cleanObjective = new RobustObjective(net, stats, data.measure(),
                        config.measureAttack(0), data.measure().size(), type);
                cleanLoss = cleanObjective.reattackedLoss(w, m);
                gradientNorm = objective.reattackedGradient(w, m).norm();
            }
            progress.accept(String.format(Locale.ROOT, "seed %d eps %.3g: test accuracy clean %.3f robust %.3f; "
                    + "robust loss %.4f, gradient norm %.3g", seed, epsilon, clean, robust, robustLoss, gradientNorm));
            StudyCell.Eigen frozen;
            StudyCell.Eigen reattacked;
            StudyCell.Trace trace;
            try (NDManager m = root.newSubManager()) {
                FiniteDifferenceHvp frozenHvp = new FiniteDifferenceHvp(objective, w, false, config.fdStep(), m);
                HessianOperator frozenOp = new HessianOperator(frozenHvp, type, m);
                frozen = eigen(frozenOp.topEigenvalue(config.lanczosSteps(), seed));
                progress.accept(String.format(Locale.ROOT, "seed %d eps %.3g: lambda_max frozen %.4g (residual %.2g%s)",
                        seed, epsilon, frozen.value(), frozen.residual(), frozen.converged() ? "" : ", NOT converged"));
                if (depth != Depth.FULL) {
                    StudyCell.Fit fit = depth == Depth.PILOT ? fit(config, net, w, stats, data.train(), epsilon, seed,
                            root, progress) : null;
                    return new StudyCell(seed, epsilon, model.epochLoss(), model.epochAccuracy(), clean, robust,
                            robustLoss, cleanLoss, gradientNorm, w.norm(), frozen, null, null, new double[0],
                            List.of(), new double[0], trainingMillis, (System.nanoTime() - t1) / 1e6, fit);
                }
                HessianOperator.TraceResult t = frozenOp.trace(config.traceProbes(), seed + 7919L,
                        StudyConfig.TRACE_CONFIDENCE);
                trace = new StudyCell.Trace(t.estimate().mean(), t.estimate().lower(), t.estimate().upper(),
                        t.estimate().standardError(), t.estimate().samples(), t.estimate().confidenceLevel(),
                        t.unresolvedKinks());
            }
            progress.accept(String.format(Locale.ROOT, "seed %d eps %.3g: lambda_max frozen %.4g (residual %.2g%s), "
                    + "trace %.4g [%.4g, %.4g]", seed, epsilon, frozen.value(), frozen.residual(),
                    frozen.converged() ? "" : ", NOT converged", trace.mean(), trace.lower(), trace.upper()));
            if (epsilon == 0) {
                reattacked = frozen;
            } else {
                try (NDManager m = root.newSubManager()) {
                    HessianOperator op = new HessianOperator(
                            new FiniteDifferenceHvp(objective, w, true, config.fdStep(), m), type, m);
                    reattacked = eigen(op.topEigenvalue(config.lanczosSteps(), seed));
                }
            }
            progress.accept(String.format(Locale.ROOT, "seed %d eps %.3g: lambda_max re-attacked %.4g (residual %.2g%s, "
                    + "%d unresolved kinks)", seed, epsilon, reattacked.value(), reattacked.residual(),
                    reattacked.converged() ? "" : ", NOT converged", reattacked.unresolvedKinks()));
            double[] alphas = config.curveAlphas();
            List<double[]> curves = new ArrayList<>();
            double[] directionNorms = new double[config.curveDirections()];
            for (int j = 0; j < config.curveDirections(); j++) {
                double[] row = new double[alphas.length];
                try (NDManager m = root.newSubManager()) {
                    WeightVector d = FilterNormalizedDirection.draw(w, seed * 1000L + j + 1, m);
                    directionNorms[j] = d.norm();
                    for (int k = 0; k < alphas.length; k++) {
                        try (NDManager point = m.newSubManager()) {
                            row[k] = objective.reattackedLoss(w.plus(alphas[k], d, point), point);
                        }
                    }
                }
                curves.add(row);
            }
            StudyCell.Fit fit = fit(config, net, w, stats, data.train(), epsilon, seed, root, progress);
            return new StudyCell(seed, epsilon, model.epochLoss(), model.epochAccuracy(), clean, robust, robustLoss,
                    cleanLoss, gradientNorm, w.norm(), frozen, reattacked, trace, alphas, curves, directionNorms,
                    trainingMillis, (System.nanoTime() - t1) / 1e6, fit);
        }
    }

    /** The fit on the training images at the trained weights (eval mode; the test attack at eps). */
    static StudyCell.Fit fit(StudyConfig config, ResNet18 net, WeightVector w, RunningStatistics stats,
                             ExampleSet train, double epsilon, long seed, NDManager root, Consumer<String> progress) {
        double clean = accuracy(net, w, stats, train, config.testAttack(0), root);
        Attacked attacked = attacked(net, w, stats, train, config.testAttack(epsilon), root);
        StudyCell.Fit fit = StudyCell.Fit.of(clean, attacked.accuracy(), attacked.margins());
        progress.accept(String.format(Locale.ROOT, "seed %d eps %.3g: training accuracy clean %.4f robust %.4f; "
                + "adversarial margins: share positive %.4f, quartiles %.3g / %.3g / %.3g", seed, epsilon, clean,
                fit.robustAccuracy(), fit.positiveMarginShare(), fit.marginLowerQuartile(), fit.marginMedian(),
                fit.marginUpperQuartile()));
        return fit;
    }

    /**
     * What the network does on attacked inputs x'.
     *
     * @param accuracy share of examples whose arg-max logit at x' is the label (as {@link #accuracy})
     * @param margins  z_y(x') - max_{k != y} z_k(x'), one per example
     */
    record Attacked(double accuracy, double[] margins) {
    }

    /** The accuracy and margins at the inputs attacked by {@code attack} (eval mode). */
    static Attacked attacked(ResNet18 net, WeightVector w, RunningStatistics stats, ExampleSet data, PgdSettings attack,
                            NDManager parent) {
        int batch = 100;
        int classes = net.numClasses();
        double[] margins = new double[data.size()];
        int correct = 0;
        for (int from = 0; from < data.size(); from += batch) {
            int count = Math.min(batch, data.size() - from);
            try (NDManager m = parent.newSubManager()) {
                ExampleSet.Batch b = data.range(from, count, DataType.FLOAT64, m);
                NDArray x = L2Pgd.attack(net, w, stats, BatchNormMode.EVAL, b.x(), b.oneHot(), attack);
                NDArray logits = net.logits(w, stats, x, BatchNormMode.EVAL);
                long[] predicted = logits.argMax(1).toLongArray();
                double[] z = logits.toType(DataType.FLOAT64, false).toDoubleArray();
                for (int i = 0; i < count; i++) {
                    int y = b.labels()[i];
                    double other = Double.NEGATIVE_INFINITY;
                    for (int k = 0; k < classes; k++) {
                        if (k != y) {
                            other = Math.max(other, z[i * classes + k]);
                        }
                    }
                    margins[from + i] = z[i * classes + y] - other;
                    correct += predicted[i] == y ? 1 : 0;
                }
            }
        }
        return new Attacked(correct / (double) data.size(), margins);
    }

    private static StudyCell.Eigen eigen(TopEigenvalue t) {
        return new StudyCell.Eigen(t.value(), t.residual(), t.converged(), t.steps(), t.kinkRefinements(),
                t.unresolvedKinks(), t.medianHvpMillis());
    }

    /**
     * Accuracy on {@code data} at the inputs attacked by {@code attack} (eps = 0: the clean inputs): the accuracy of
     * {@link #attacked}, the same attack and the same predictions.
     */
    static double accuracy(ResNet18 net, WeightVector w, RunningStatistics stats, ExampleSet data, PgdSettings attack,
                           NDManager parent) {
        return attacked(net, w, stats, data, attack, parent).accuracy();
    }
}
