package org.advsharp.training;

import java.util.Optional;
import org.advsharp.data.Dataset;
import org.advsharp.oracle.CriticalRadius;
import org.advsharp.oracle.MarginAdversarialLoss;
import org.advsharp.oracle.MarginLoss;
import org.advsharp.oracle.StationarityResiduals;
import org.advsharp.oracle.WeightDecay;
import org.ejml.data.DMatrixRMaj;

/**
 * F(w) = L_eps(w) + (lambda/2)||w||^2 for a margin loss l (the paper's: logistic) with the oracle's closed forms
 * ({@link MarginAdversarialLoss}): gradient (1/N) sum l'(m_n) y_n x'_n + lambda w (logistic: -(1/N) sum
 * sigma(-m_n) y_n x'_n + lambda w), Hessian A + kappa P + lambda I, residuals from StationarityResiduals
 * (prop:stationarity). The logistic member computes exactly what {@link org.advsharp.oracle.AdversarialLoss}
 * does, since that is the same oracle. The tests check the gradient and Hessian against central differences of
 * the value.
 */
final class AdversarialObjective implements TrainingObjective {
    private final MarginAdversarialLoss loss;
    private final double lambda;

    AdversarialObjective(Dataset data, double epsilon, double lambda) {
        this(data, MarginLoss.logistic(), epsilon, lambda);
    }

    AdversarialObjective(Dataset data, MarginLoss margin, double epsilon, double lambda) {
        this.loss = new MarginAdversarialLoss(data, margin, epsilon);
        this.lambda = WeightDecay.checked(lambda);
    }

    /** The oracle loss without weight decay. */
    MarginAdversarialLoss loss() {
        return loss;
    }

    @Override
    public String description() {
        return "L2 adversarial " + loss.loss().name() + " loss, eps = " + epsilon() + ", lambda = " + lambda();
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
        return WeightDecay.hessian(loss.hessian(w).full(), lambda);
    }

    @Override
    public double[] margins(double[] w) {
        return loss.margins(w);
    }

    /** mean(y x): at w = 0 the steepest descent direction of F for every eps < eps_c and every loss with l'(0) < 0. */
    @Override
    public double[] descentDirectionAtZero() {
        return CriticalRadius.meanSignedInput(data());
    }

    @Override
    public Optional<StationarityResiduals> residuals(double[] w) {
        return Optional.of(StationarityResiduals.at(loss, lambda(), w));
    }
}
