package org.advsharp.training;

import org.advsharp.data.Dataset;
import org.advsharp.oracle.CriticalRadius;
import org.advsharp.oracle.LinfAdversarialLoss;
import org.ejml.data.DMatrixRMaj;

/**
 * F(w) = (1/N) sum softplus(-(y_n w^T x_n - eps ||w||_1)) + (lambda/2)||w||^2. Smooth only where no
 * component of w is 0; its Hessian there is the clean Hessian at the Linf adversarial inputs, with no
 * direction term (prop:linf-no-direction-term).
 */
final class LinfObjective implements TrainingObjective {
    private final LinfAdversarialLoss loss;
    private final double lambda;

    LinfObjective(Dataset data, double epsilon, double lambda) {
        if (!Double.isFinite(lambda) || lambda < 0) {
            throw new IllegalArgumentException("weight decay lambda is " + lambda + "; it must be a finite number >= 0");
        }
        this.loss = new LinfAdversarialLoss(data, epsilon);
        this.lambda = lambda;
    }

    @Override
    public String description() {
        return "Linf adversarial logistic loss, eps = " + epsilon() + ", lambda = " + lambda;
    }

    @Override
    public Dataset data() {
        return loss.data();
    }

    @Override
    public double epsilon() {
        return loss.epsilon();
    }

    @Override
    public double lambda() {
        return lambda;
    }

    @Override
    public double value(double[] w) {
        return WeightDecay.value(loss.value(w), w, lambda);
    }

    @Override
    public double[] gradient(double[] w) {
        return WeightDecay.gradient(loss.gradient(w), w, lambda);
    }

    @Override
    public DMatrixRMaj hessian(double[] w) {
        return WeightDecay.hessian(loss.hessian(w), lambda);
    }

    @Override
    public double[] margins(double[] w) {
        return loss.margins(w);
    }

    /** mean(y x); its zero components would start on a kink, so Linf training needs them nonzero. */
    @Override
    public double[] descentDirectionAtZero() {
        return CriticalRadius.meanSignedInput(data());
    }
}
