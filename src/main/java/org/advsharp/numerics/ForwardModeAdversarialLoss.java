package org.advsharp.numerics;

import org.advsharp.data.Dataset;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;

/**
 * An independent second-derivative oracle for the adversarial logistic losses: the loss is written
 * straight from its definition in Commons Math DerivativeStructure arithmetic (forward-mode automatic
 * differentiation of order 2 in the d weights), so value, gradient and Hessian come out exact up to
 * rounding without any hand-derived derivative. It deliberately shares no code with the closed-form
 * oracle (package org.advsharp.oracle), which it checks: lem:closed-form-loss, prop:hessian,
 * prop:decomposition (L2) and prop:linf-no-direction-term (Linf).
 *
 * <p>L2: L(w) = (1/N) sum_n softplus(-(y_n w^T x_n - eps ||w||_2)), ||w||_2 = sqrt(sum_i w_i^2).
 * <br>Linf: L(w) = (1/N) sum_n softplus(-(y_n w^T x_n - eps ||w||_1)), ||w||_1 = sum_i |w_i|.
 * <br>softplus(z) = log(1 + e^z), evaluated stably: z + log1p(e^-z) for z &gt; 0, log1p(e^z) otherwise.
 *
 * <p>Cost grows like N d^2 times the size of a DerivativeStructure, (d+1)(d+2)/2 numbers: keep d small
 * (up to about 10).
 */
public final class ForwardModeAdversarialLoss {
    private static final int ORDER = 2;

    private ForwardModeAdversarialLoss() {
    }

    /**
     * Value, gradient and Hessian of the L2 adversarial mean logistic loss (no weight decay).
     *
     * @throws IllegalArgumentException if data or w is null, w has the wrong length or a non-finite
     *         entry, eps is negative or not finite, or w = 0 while eps &gt; 0 (||w|| has a kink there)
     */
    public static Derivatives evaluate(Dataset data, double epsilon, double[] w) {
        int d = validate(data, epsilon, w);
        if (epsilon > 0.0 && Vectors.norm(w) == 0.0) {
            throw new IllegalArgumentException("weights w are the zero vector while eps = " + epsilon
                    + " > 0; the L2 adversarial loss is not differentiable at w = 0 (||w|| has a kink)");
        }
        DerivativeStructure[] vars = variables(w);
        DerivativeStructure penalty = new DerivativeStructure(d, ORDER, 0.0);
        if (epsilon > 0.0) {
            DerivativeStructure squared = new DerivativeStructure(d, ORDER, 0.0);
            for (DerivativeStructure wi : vars) {
                squared = squared.add(wi.multiply(wi));
            }
            penalty = squared.sqrt().multiply(epsilon);
        }
        return meanLoss(data, vars, penalty);
    }

    /**
     * Value, gradient and Hessian of the Linf adversarial mean logistic loss (eps ||w||_1), with |w_i|
     * differentiated off its kink: d|w_i|/dw_i = sign(w_i), second derivative 0.
     *
     * @throws IllegalArgumentException as {@link #evaluate}, and if some w_i = 0 while eps &gt; 0
     */
    public static Derivatives evaluateLinf(Dataset data, double epsilon, double[] w) {
        int d = validate(data, epsilon, w);
        DerivativeStructure[] vars = variables(w);
        DerivativeStructure penalty = new DerivativeStructure(d, ORDER, 0.0);
        if (epsilon > 0.0) {
            for (int i = 0; i < d; i++) {
                if (w[i] == 0.0) {
                    throw new IllegalArgumentException("weight w[" + i + "] is 0 while eps = " + epsilon
                            + " > 0; the Linf adversarial loss is not differentiable where a weight is 0");
                }
                penalty = penalty.add(w[i] > 0.0 ? vars[i] : vars[i].negate());
            }
            penalty = penalty.multiply(epsilon);
        }
        return meanLoss(data, vars, penalty);
    }

    /** (1/N) sum_n softplus(penalty - y_n w^T x_n), read out as value, gradient and Hessian. */
    private static Derivatives meanLoss(Dataset data, DerivativeStructure[] vars, DerivativeStructure penalty) {
        int d = vars.length;
        int n = data.size();
        DerivativeStructure total = new DerivativeStructure(d, ORDER, 0.0);
        for (int row = 0; row < n; row++) {
            DerivativeStructure score = new DerivativeStructure(d, ORDER, 0.0);
            for (int j = 0; j < d; j++) {
                score = score.add(vars[j].multiply(data.feature(row, j)));
            }
            DerivativeStructure margin = score.multiply(data.label(row)).subtract(penalty);
            total = total.add(softplus(margin.negate()));
        }
        return Derivatives.of(total.divide(n));
    }

    /** softplus(z) = log(1 + e^z) without overflow: z + log1p(e^-z) for z &gt; 0, else log1p(e^z). */
    static DerivativeStructure softplus(DerivativeStructure z) {
        if (z.getValue() > 0.0) {
            return z.add(z.negate().exp().log1p());
        }
        return z.exp().log1p();
    }

    private static DerivativeStructure[] variables(double[] w) {
        int d = w.length;
        DerivativeStructure[] vars = new DerivativeStructure[d];
        for (int i = 0; i < d; i++) {
            vars[i] = new DerivativeStructure(d, ORDER, i, w[i]);
        }
        return vars;
    }

    private static int validate(Dataset data, double epsilon, double[] w) {
        if (data == null) {
            throw new IllegalArgumentException("data set must not be null");
        }
        if (!Double.isFinite(epsilon) || epsilon < 0.0) {
            throw new IllegalArgumentException("eps = " + epsilon + "; the attack radius must be finite and >= 0");
        }
        Vectors.requireFinite("weights w", w);
        if (w.length != data.dimension()) {
            throw new IllegalArgumentException("weights w have length " + w.length + " but the data set has d = "
                    + data.dimension() + " features");
        }
        return w.length;
    }
}
