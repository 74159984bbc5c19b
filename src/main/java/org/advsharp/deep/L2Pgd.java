package org.advsharp.deep;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.advsharp.deep.engine.DjlEnvironment;

/**
 * L2 projected gradient ascent on the inputs (the attack of the deep tier; docs/theory.md section 2):
 *
 * <pre>
 *   delta_0     = 0, or uniform in the ball {||delta|| <= eps} (random start)
 *   g_t         = grad_x sum_n l(w; x_n + delta_n, t_n)                       (per example)
 *   delta_{t+1} = clip( Proj_eps( delta_t + alpha g_t / ||g_t|| ) )
 *   Proj_eps(d) = d min(1, eps / ||d||)     per example;   clip(d) = min(max(x + d, 0), 1) - x
 * </pre>
 *
 * <p>Clipping only shrinks |delta_j| entrywise, so every iterate lies in the ball and the box. On a linear
 * binary model the input gradient of example n is parallel to -y_n u (u = w_1 - w_2), so one step from 0
 * with alpha >= eps lands exactly on the closed-form worst case -eps y_n u/||u|| when clipping is inactive
 * (lem:worst-case-l2, checked in L2PgdTest).
 */
public final class L2Pgd {
    /** Floor on gradient norms, so an example with a zero input gradient does not move (no 0/0). */
    static final double GRADIENT_NORM_FLOOR = 1e-30;

    private L2Pgd() {
    }

    /**
     * {@link #attack(Classifier, WeightVector, RunningStatistics, BatchNormMode, NDArray, NDArray, PgdSettings,
     * SplittableRandom)} for an attack without a random start: a function of the weights and inputs, no generator.
     */
    public static NDArray attack(Classifier net, WeightVector w, RunningStatistics stats, BatchNormMode mode,
                                 NDArray x, NDArray oneHot, PgdSettings settings) {
        return attack(net, w, stats, mode, x, oneHot, settings, null);
    }

    /**
     * Adversarial inputs x + delta for one batch, detached and owned by the manager of {@code x}.
     *
     * @param net      the classifier
     * @param w        its weights (must not require gradients)
     * @param stats    its BatchNorm statistics
     * @param mode     how BatchNorm normalises during the attack (never {@link BatchNormMode#TRAIN})
     * @param x        clean inputs (N, ...)
     * @param oneHot   one-hot labels (N, K)
     * @param settings the attack
     * @param random   drives the random start (unused without it, and may then be null)
     */
    public static NDArray attack(Classifier net, WeightVector w, RunningStatistics stats, BatchNormMode mode,
                                 NDArray x, NDArray oneHot, PgdSettings settings, SplittableRandom random) {
        if (settings.randomStart() && random == null) {
            throw new IllegalArgumentException("PGD: a random start needs a generator, and none was given");
        }
        if (mode == BatchNormMode.TRAIN) {
            throw new IllegalArgumentException("PGD: BatchNorm mode TRAIN would update the running statistics "
                    + "with attack iterates; use TRAIN_FROZEN_STATS or EVAL");
        }
        NDManager owner = x.getManager();
        if (settings.epsilon() == 0) {
            return x.duplicate();
        }
        NDArray result;
        try (Scope scope = Scope.open(owner, w, stats, Scope.array(x), Scope.array(oneHot))) {
            long n = x.getShape().get(0);
            NDArray delta = settings.randomStart() ? randomStart(x, settings.epsilon(), random, scope.manager())
                    : x.zerosLike();
            if (settings.clipToBox()) {
                delta = x.add(delta).clip(0, 1).sub(x);
            }
            Engine engine = DjlEnvironment.engine();
            for (int t = 0; t < settings.steps(); t++) {
                NDArray next;
                // each step in its own scope: the activations of its forward pass are freed at once
                try (Scope step = Scope.open(scope.manager(), w, stats, Scope.array(x), Scope.array(oneHot), Scope.array(delta))) {
                    NDArray point = x.add(delta);
                    point.setRequiresGradient(true);
                    try (GradientCollector collector = engine.newGradientCollector()) {
                        NDArray loss = SoftmaxCrossEntropy.sum(net.logits(w, stats, point, mode), oneHot);
                        collector.backward(loss);
                    }
                    NDArray g = point.getGradient();
                    NDArray unit = g.div(perExampleNorm(g, n).maximum(GRADIENT_NORM_FLOOR));
                    next = project(delta.add(unit.mul(settings.stepSize())), settings.epsilon(), n);
                    if (settings.clipToBox()) {
                        next = x.add(next).clip(0, 1).sub(x);
                    }
                    next = Scope.keep(next, scope.manager());
                }
                delta.close();
                delta = next;
            }
            result = Scope.keep(x.add(delta), owner);
        }
        return result;
    }

    /** Per-example L2 norms, shaped (N, 1, ..., 1) so that they broadcast against (N, ...). */
    static NDArray perExampleNorm(NDArray v, long n) {
        Shape s = v.getShape();
        long[] dims = new long[s.dimension()];
        Arrays.fill(dims, 1);
        dims[0] = n;
        return v.reshape(n, -1).square().sum(new int[] {1}).sqrt().reshape(new Shape(dims));
    }

    /** Per-example projection onto the L2 ball of radius eps. */
    static NDArray project(NDArray delta, double eps, long n) {
        NDArray norms = perExampleNorm(delta, n);
        NDArray factor = norms.maximum(GRADIENT_NORM_FLOOR).pow(-1).mul(eps).minimum(1.0);
        return delta.mul(factor);
    }

    private static NDArray randomStart(NDArray x, double eps, SplittableRandom random, NDManager scope) {
        Shape s = x.getShape();
        int n = Math.toIntExact(s.get(0));
        int dim = Math.toIntExact(s.size() / n);
        float[] values = new float[n * dim];
        for (int i = 0; i < n; i++) {
            double sq = 0;
            for (int j = 0; j < dim; j++) {
                double z = random.nextGaussian();
                values[i * dim + j] = (float) z;
                sq += z * z;
            }
            double radius = eps * Math.pow(random.nextDouble(), 1.0 / dim) / Math.sqrt(sq);
            for (int j = 0; j < dim; j++) {
                values[i * dim + j] *= (float) radius;
            }
        }
        return Tensors.owned(scope.create(values, s), x.getDataType());
    }
}
