package org.advsharp.landscape;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.advsharp.data.Dataset;
import org.advsharp.numerics.LinearOperator;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.oracle.LinfAdversarialLoss;
import org.advsharp.oracle.PenalizedAdversarialLoss;
import org.ejml.data.DMatrixRMaj;

/**
 * {@link LossSurface}s of the linear logistic model, all with weight decay (lambda/2)||w||^2:
 *
 * <ul>
 *   <li>{@link #adversarial}: the L2 adversarial loss. value(w) is max over ||eta|| <= eps of the loss,
 *       that is the closed form at the worst case eta* = -eps y w/||w|| OF THE POINT w
 *       (lem:closed-form-loss): the attack is recomputed at every w. Hessian H + lambda I, matrix-free.</li>
 *   <li>{@link #frozenAttack}: the clean loss on the adversarial inputs x'_n(w0) of one point w0, held
 *       fixed (what a detached PGD attack gives). Its Hessian at w0 is A + lambda I.</li>
 *   <li>{@link #clean}: the clean loss on given inputs (for random-noise training: x_n + noise_n).</li>
 *   <li>{@link #linf}: the Linf adversarial loss (dense Hessian from the oracle; no direction term).</li>
 * </ul>
 */
public final class LinearModelSurface implements LossSurface {
    private final String description;
    private final ToDoubleFunction<double[]> value;
    private final Function<double[], double[]> gradient;
    private final Function<double[], LinearOperator> hessian;
    private final int dimension;

    private LinearModelSurface(String description, int dimension, ToDoubleFunction<double[]> value,
                               Function<double[], double[]> gradient, Function<double[], LinearOperator> hessian) {
        this.description = description;
        this.dimension = dimension;
        this.value = value;
        this.gradient = gradient;
        this.hessian = hessian;
    }

    /** L_eps(w) + (lambda/2)||w||^2, attack recomputed at every w. */
    public static LinearModelSurface adversarial(Dataset data, double epsilon, double lambda) {
        PenalizedAdversarialLoss f = new PenalizedAdversarialLoss(new AdversarialLoss(data, epsilon), lambda);
        return new LinearModelSurface("L2 adversarial loss (attack recomputed at each w), eps = " + epsilon
                + ", lambda = " + lambda, data.dimension(), f::value, f::gradient,
                w -> new LinearHessianOperator(data, epsilon, lambda, w, true));
    }

    /** The clean loss on x'_n(w0) = x_n - eps y_n w0/||w0||, held fixed, plus (lambda/2)||w||^2. */
    public static LinearModelSurface frozenAttack(Dataset data, double epsilon, double lambda, double[] w0) {
        Dataset frozen = Dataset.of(new AdversarialLoss(data, epsilon).adversarialInputs(w0), data.labels());
        LinearModelSurface c = clean(frozen, lambda);
        return new LinearModelSurface("clean loss on the adversarial inputs of one w, held fixed, eps = " + epsilon
                + ", lambda = " + lambda, data.dimension(), c.value, c.gradient, c.hessian);
    }

    /** The clean loss on the given inputs plus (lambda/2)||w||^2 (random-noise training: inputs x + noise). */
    public static LinearModelSurface clean(Dataset inputs, double lambda) {
        PenalizedAdversarialLoss f = new PenalizedAdversarialLoss(new AdversarialLoss(inputs, 0.0), lambda);
        return new LinearModelSurface("clean loss, lambda = " + lambda, inputs.dimension(), f::value, f::gradient,
                w -> new LinearHessianOperator(inputs, 0.0, lambda, w, false));
    }

    /** The Linf adversarial loss plus (lambda/2)||w||^2 (Hessian dense, defined off the kinks w_j = 0). */
    public static LinearModelSurface linf(Dataset data, double epsilon, double lambda) {
        LinfAdversarialLoss f = new LinfAdversarialLoss(data, epsilon);
        return new LinearModelSurface("Linf adversarial loss, eps = " + epsilon + ", lambda = " + lambda,
                data.dimension(), w -> f.value(w) + 0.5 * lambda * Vectors.dot(w, w), w -> {
                    double[] g = f.gradient(w);
                    for (int j = 0; j < g.length; j++) {
                        g[j] += lambda * w[j];
                    }
                    return g;
                }, w -> {
                    DMatrixRMaj h = f.hessian(w);
                    for (int j = 0; j < h.numRows; j++) {
                        h.add(j, j, lambda);
                    }
                    return LinearOperator.of(h);
                });
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public double value(double[] w) {
        return value.applyAsDouble(w);
    }

    @Override
    public double[] gradient(double[] w) {
        return gradient.apply(w);
    }

    @Override
    public LinearOperator hessianAt(double[] w) {
        return hessian.apply(w);
    }

    @Override
    public String description() {
        return description;
    }
}
