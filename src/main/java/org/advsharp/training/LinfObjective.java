package org.advsharp.training;

import org.advsharp.data.Dataset;
import org.advsharp.oracle.CriticalRadius;
import org.advsharp.oracle.LinfAdversarialLoss;

/**
 * F(w) = (1/N) sum softplus(-(y_n w^T x_n - eps ||w||_1)) + (lambda/2)||w||^2. Smooth only where no
 * component of w is 0; its Hessian there is the clean Hessian at the Linf adversarial inputs, with no
 * direction term (prop:linf-no-direction-term).
 */
final class LinfObjective extends PenalizedObjective {
    LinfObjective(Dataset data, double epsilon, double lambda) {
        this(data, epsilon, lambda, new LinfAdversarialLoss(data, epsilon));
    }

    private LinfObjective(Dataset data, double epsilon, double lambda, LinfAdversarialLoss loss) {
        super(data, epsilon, lambda, new Loss(loss::value, loss::gradient, loss::hessian, loss::margins));
    }

    @Override
    public String description() {
        return "Linf adversarial logistic loss, eps = " + epsilon() + ", lambda = " + lambda();
    }

    /** mean(y x); its zero components would start on a kink, so Linf training needs them nonzero. */
    @Override
    public double[] descentDirectionAtZero() {
        return CriticalRadius.meanSignedInput(data());
    }
}
