package org.advsharp.training;

import java.util.Optional;
import org.advsharp.data.Dataset;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.oracle.CriticalRadius;
import org.advsharp.oracle.PenalizedAdversarialLoss;
import org.advsharp.oracle.StationarityResiduals;
import org.ejml.data.DMatrixRMaj;

/**
 * F(w) = L_eps(w) + (lambda/2)||w||^2 with the oracle's closed forms: gradient
 * -(1/N) sum sigma(-m_n) y_n x'_n + lambda w, Hessian A + kappa P + lambda I, residuals from
 * StationarityResiduals (prop:stationarity). The tests check the gradient and Hessian against central
 * differences of the value.
 */
final class AdversarialObjective implements TrainingObjective {
    private final PenalizedAdversarialLoss objective;

    AdversarialObjective(Dataset data, double epsilon, double lambda) {
        this.objective = new PenalizedAdversarialLoss(new AdversarialLoss(data, epsilon), lambda);
    }

    /** The oracle loss without weight decay. */
    AdversarialLoss loss() {
        return objective.loss();
    }

    @Override
    public String description() {
        return "L2 adversarial logistic loss, eps = " + epsilon() + ", lambda = " + lambda();
    }

    @Override
    public Dataset data() {
        return objective.loss().data();
    }

    @Override
    public double epsilon() {
        return objective.loss().epsilon();
    }

    @Override
    public double lambda() {
        return objective.lambda();
    }

    @Override
    public double value(double[] w) {
        return objective.value(w);
    }

    @Override
    public double[] gradient(double[] w) {
        return objective.gradient(w);
    }

    @Override
    public DMatrixRMaj hessian(double[] w) {
        return objective.hessian(w);
    }

    @Override
    public double[] margins(double[] w) {
        return objective.loss().margins(w);
    }

    /** mean(y x): at w = 0 the steepest descent direction of F for every eps < eps_c. */
    @Override
    public double[] descentDirectionAtZero() {
        return CriticalRadius.meanSignedInput(data());
    }

    @Override
    public Optional<StationarityResiduals> residuals(double[] w) {
        return Optional.of(StationarityResiduals.at(objective.loss(), lambda(), w));
    }
}
