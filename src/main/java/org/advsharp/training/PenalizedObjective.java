package org.advsharp.training;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.advsharp.data.Dataset;
import org.advsharp.oracle.WeightDecay;
import org.ejml.data.DMatrixRMaj;

/**
 * F(w) = L(w) + (lambda/2) ||w||^2 for a loss L of the oracle given by its value, gradient and Hessian:
 * the data, radius and weight decay of a training objective, and the weight decay added by
 * {@link WeightDecay}. Subclasses name the loss and the way down from w = 0.
 */
abstract class PenalizedObjective implements TrainingObjective {
    private final Dataset data;
    private final double epsilon;
    private final double lambda;
    private final Loss loss;

    /**
     * A loss L of the oracle by its functions.
     *
     * @param value    L(w)
     * @param gradient grad L(w), a fresh array
     * @param hessian  the Hessian of L at w, a fresh matrix
     * @param margins  the margins of {@link TrainingObjective#margins}
     */
    record Loss(ToDoubleFunction<double[]> value, Function<double[], double[]> gradient,
                Function<double[], DMatrixRMaj> hessian, Function<double[], double[]> margins) {
    }

    /** @throws IllegalArgumentException when lambda is not a finite number >= 0 */
    PenalizedObjective(Dataset data, double epsilon, double lambda, Loss loss) {
        this.lambda = WeightDecay.checked(lambda);
        this.data = data;
        this.epsilon = epsilon;
        this.loss = loss;
    }

    @Override
    public final Dataset data() {
        return data;
    }

    @Override
    public final double epsilon() {
        return epsilon;
    }

    @Override
    public final double lambda() {
        return lambda;
    }

    @Override
    public final double value(double[] w) {
        return WeightDecay.value(loss.value().applyAsDouble(w), w, lambda);
    }

    @Override
    public final double[] gradient(double[] w) {
        return WeightDecay.gradient(loss.gradient().apply(w), w, lambda);
    }

    @Override
    public final DMatrixRMaj hessian(double[] w) {
        return WeightDecay.hessian(loss.hessian().apply(w), lambda);
    }

    @Override
    public final double[] margins(double[] w) {
        return loss.margins().apply(w);
    }
}
