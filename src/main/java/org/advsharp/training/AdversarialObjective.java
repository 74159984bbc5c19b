package org.advsharp.training;

import java.util.Optional;
import org.advsharp.data.Dataset;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.oracle.CriticalRadius;
import org.advsharp.oracle.PenalizedAdversarialLoss;
import org.advsharp.oracle.StationarityResiduals;
import org.ejml.data.DMatrixRMaj;

/**
 * F(w) = L_eps(w) + (lambda/2)||w||^2: value, margins and Hessian A + kappa P + lambda I from the oracle;
 * the gradient is computed here from the closed form
 *
 * <pre>
 *   grad F(w) = -(1/N) sum_n sigma(-m_n) y_n x_n + (eps/||w||) ((1/N) sum_n sigma(-m_n)) w + lambda w
 * </pre>
 *
 * (the same as -(1/N) sum sigma(-m_n) y_n x'_n + lambda w, since y_n x'_n = y_n x_n - eps w_hat). The
 * oracle's AdversarialLoss.gradient at the commit this was written against multiplies the second term
 * by N (it divides the attack term by ||w|| but not by N), which central differences expose for any
 * N >= 2 and eps > 0; so the gradient, and the gradient norm in the residuals, are formed here. The
 * radial residual comes from the oracle's StationarityResiduals (it does not use the gradient); the
 * tangential one is ||P g|| of this gradient, because the oracle's P g subtracts an N-times-too-large
 * radial part and so carries N times the rounding error.
 */
final class AdversarialObjective implements TrainingObjective {
    private final PenalizedAdversarialLoss objective;
    private final double[] x;
    private final double[] y;
    private final int n;
    private final int d;

    AdversarialObjective(Dataset data, double epsilon, double lambda) {
        this.objective = new PenalizedAdversarialLoss(new AdversarialLoss(data, epsilon), lambda);
        this.x = data.featuresRowMajor();
        this.y = data.labels();
        this.n = data.size();
        this.d = data.dimension();
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
        double[] m = objective.loss().margins(w);
        double norm = Vectors.norm(w);
        double eps = epsilon();
        if (eps > 0 && norm == 0) {
            throw new IllegalArgumentException("w = 0: the gradient of the L2 adversarial loss does not exist at "
                    + "w = 0 (||w|| has a kink there); pass a nonzero weight vector");
        }
        double[] g = new double[d];
        double sigmaSum = 0;
        for (int i = 0; i < n; i++) {
            double a = org.advsharp.oracle.Logistic.sigmoid(-m[i]);
            sigmaSum += a;
            double c = a * y[i];
            int offset = i * d;
            for (int j = 0; j < d; j++) {
                g[j] -= c * x[offset + j];
            }
        }
        double radial = eps > 0 ? eps * (sigmaSum / n) / norm : 0.0;
        for (int j = 0; j < d; j++) {
            g[j] = g[j] / n + (radial + lambda()) * w[j];
        }
        return g;
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
        StationarityResiduals r = StationarityResiduals.at(objective.loss(), lambda(), w);
        double[] g = gradient(w);
        double norm = Vectors.norm(w);
        double along = Vectors.dot(g, w) / norm;
        double[] tangential = Vectors.plus(g, -along / norm, w);
        return Optional.of(new StationarityResiduals(r.radial(), Vectors.norm(tangential), Vectors.norm(g)));
    }
}
