package org.advsharp.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Measures a trained network's sharpness the two ways of docs/theory.md section 6, with BatchNorm on its running
 * statistics, in the measuring type of {@link SharpnessSettings} (float64 by default):
 *
 * <ol>
 *   <li>lambda_max of the Hessian of L_A (attack frozen at w*) and of L_H (attack recomputed), each by
 *       {@link HessianOperator#topEigenvalue} (the project's Lanczos) on {@link FiniteDifferenceHvp} products from
 *       the same seeded start vector, each with its residual and converged flag;</li>
 *   <li>1-D curves L_H(w* + alpha d_j) along filter-normalised directions d_j, attack recomputed.</li>
 * </ol>
 *
 * <p>The same code measures the linear softmax model of the calibration (inst:deep-calibration), the K = 10
 * digits model (exp:softmax-direction-term) and ResNet18 (exp:resnet-paper-scale and its reduced CPU configuration).
 */
public final class SharpnessMeter {

    private SharpnessMeter() {
    }

    /**
     * @param model    the trained network (its training radius is the measuring radius)
     * @param data     the examples the loss is measured on
     * @param settings how to measure
     * @param parent   manager for temporary tensors
     * @param progress receives a line per stage
     */
    public static NetworkSharpness measure(TrainedModel model, ExampleSet data, SharpnessSettings settings, NDManager parent,
                                    Consumer<String> progress) {
        long start = System.nanoTime();
        double eps = model.epsilon();
        try (NDManager m = parent.newSubManager()) {
            WeightVector w = model.weights().toType(settings.dataType(), m);
            RunningStatistics stats = model.statistics().toType(settings.dataType(), m);
            RobustObjective objective = new RobustObjective(model.net(), stats, data, settings.attackAt(eps),
                    settings.batchSize(), settings.dataType());
            double robust = objective.reattackedLoss(w, m);
            double clean = cleanLoss(objective, w, m);
            progress.accept(String.format(Locale.ROOT, "eps %.3g: robust loss %.4f, clean loss %.4f",
                    eps, robust, clean));
            TopEigenvalue frozen = new HessianOperator(new FiniteDifferenceHvp(objective, w, false, settings.fdStep(), m),
                    settings.dataType(), m).topEigenvalue(settings.lanczosSteps(), settings.seed());
            progress.accept(String.format(Locale.ROOT,
                    "eps %.3g: lambda_max frozen attack %.5g (%d Lanczos steps, residual %.2g, %.0f ms per HVP)", eps,
                    frozen.value(), frozen.steps(), frozen.residual(), frozen.medianHvpMillis()));
            TopEigenvalue reattacked = eps == 0 ? frozen : new HessianOperator(
                    new FiniteDifferenceHvp(objective, w, true, settings.fdStep(), m), settings.dataType(), m)
                    .topEigenvalue(settings.lanczosSteps(), settings.seed());
            progress.accept(String.format(Locale.ROOT,
                    "eps %.3g: lambda_max re-attacked %.5g (%d Lanczos steps, residual %.2g, %.0f ms per HVP)", eps,
                    reattacked.value(), reattacked.steps(), reattacked.residual(), reattacked.medianHvpMillis()));
            RobustLossCurves curves = settings.curveDirections() == 0 ? null : curves(objective, w, settings, m);
            if (curves != null) {
                progress.accept(String.format(Locale.ROOT, "eps %.3g: %d loss curves of %d points",
                        eps, settings.curveDirections(), settings.curveAlphas().length));
            }
            return new NetworkSharpness(eps, frozen, reattacked, robust, clean, curves, (System.nanoTime() - start) / 1e6);
        }
    }

    /** L_H(w + alpha d_j) for every direction j and alpha, the attack recomputed at each point. */
    static RobustLossCurves curves(RobustObjective objective, WeightVector w, SharpnessSettings settings, NDManager parent) {
        double[] alphas = settings.curveAlphas();
        List<double[]> rows = new ArrayList<>();
        for (int j = 0; j < settings.curveDirections(); j++) {
            double[] row = new double[alphas.length];
            try (NDManager m = parent.newSubManager()) {
                WeightVector d = FilterNormalizedDirection.draw(w, settings.seed() + 1000L * (j + 1), m);
                for (int k = 0; k < alphas.length; k++) {
                    try (NDManager point = m.newSubManager()) {
                        row[k] = objective.reattackedLoss(w.plus(alphas[k], d, point), point);
                    }
                }
            }
            rows.add(row);
        }
        return new RobustLossCurves(alphas, rows);
    }

    private static double cleanLoss(RobustObjective objective, WeightVector w, NDManager parent) {
        try (NDManager m = parent.newSubManager()) {
            List<NDArray> clean = new ArrayList<>();
            ExampleSet data = objective.data();
            for (int from = 0; from < data.size(); from += objective.batchSize()) {
                int count = Math.min(objective.batchSize(), data.size() - from);
                clean.add(data.range(from, count, objective.dataType(), m).x());
            }
            return objective.loss(w, clean, m);
        }
    }
}
