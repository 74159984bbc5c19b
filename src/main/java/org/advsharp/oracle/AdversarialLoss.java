package org.advsharp.oracle;

import org.advsharp.data.Dataset;

/**
 * The L2 adversarial mean logistic loss of a linear model (claims lem:closed-form-loss, prop:hessian):
 *
 * <pre>
 *   L_eps(w) = (1/N) sum_n max_{||eta|| <= eps} softplus(-y_n w^T (x_n + eta))
 *            = (1/N) sum_n softplus(-m_n),      m_n = y_n w^T x_n - eps ||w||
 * </pre>
 *
 * <p>The inner maximum is attained at eta*_n = -eps y_n w/||w|| (lem:worst-case-l2), so the adversarial
 * input is x'_n = x_n - eps y_n w_hat. Gradient and Hessian (prop:hessian, prop:decomposition):
 *
 * <pre>
 *   grad L_eps = -(1/N) sum_n sigma(-m_n) y_n x'_n
 *   H = A + kappa P,  A = (1/N) sum_n s(m_n) x'_n x'_n^T,  kappa = (eps/||w||) (1/N) sum_n sigma(-m_n),
 *   P = I - w_hat w_hat^T
 * </pre>
 *
 * <p>It is the logistic member of {@link MarginAdversarialLoss}, which computes these formulas for any margin
 * loss with l = softplus(-m), -l' = sigma(-m) and l'' = s(m) evaluated by {@link Logistic}. No weight decay
 * here; see {@link PenalizedAdversarialLoss}. Immutable; the data are copied once.
 */
public final class AdversarialLoss {
    private final MarginAdversarialLoss logistic;

    /**
     * @param data    the samples, labels in {-1, +1}
     * @param epsilon the L2 attack radius, finite and >= 0
     */
    public AdversarialLoss(Dataset data, double epsilon) {
        this.logistic = new MarginAdversarialLoss(data, MarginLoss.logistic(), epsilon);
    }

    public Dataset data() {
        return logistic.data();
    }

    public double epsilon() {
        return logistic.epsilon();
    }

    /** The same data at another radius. */
    public AdversarialLoss atEpsilon(double otherEpsilon) {
        return new AdversarialLoss(data(), otherEpsilon);
    }

    /** Adversarial margins m_n = y_n w^T x_n - eps ||w||; defined at w = 0 too. */
    public double[] margins(double[] w) {
        return logistic.margins(w);
    }

    /** L_eps(w) = (1/N) sum_n softplus(-m_n); at w = 0 it equals log 2. */
    public double value(double[] w) {
        return logistic.value(w);
    }

    /**
     * grad L_eps(w) = -(1/N) sum_n sigma(-m_n) y_n x'_n. At eps = 0 this is the clean gradient and exists
     * everywhere; for eps > 0, w = 0 is a kink and is rejected.
     */
    public double[] gradient(double[] w) {
        return logistic.gradient(w);
    }

    /** The Hessian H = A + kappa P with its parts; w = 0 is rejected (w_hat does not exist there). */
    public HessianDecomposition hessian(double[] w) {
        return logistic.hessian(w);
    }

    /** Adversarial inputs x'_n = x_n - eps y_n w/||w|| as rows (w = 0 allowed only at eps = 0). */
    public double[][] adversarialInputs(double[] w) {
        return logistic.adversarialInputs(w);
    }
}
