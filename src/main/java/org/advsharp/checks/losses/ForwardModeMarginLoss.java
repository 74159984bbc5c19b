package org.advsharp.checks.losses;

import org.advsharp.data.Dataset;
import org.advsharp.numerics.Derivatives;
import org.advsharp.oracle.MarginLoss;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.special.Erf;

/**
 * Value, gradient and Hessian of the L2 adversarial mean margin loss (1/N) sum_n l(y_n w^T x_n - eps ||w||)
 * by forward-mode automatic differentiation of order 2 (Commons Math DerivativeStructure), written from
 * the definition: ||w|| = sqrt(sum w_i^2), the margin, then l. It uses none of the closed forms of
 * prop:margin-loss-hessian (no x'_n, no A, no kappa, no P), which it checks.
 *
 * <p>The scalar loss l is applied to the margin as follows:
 * <ul>
 *   <li>logistic: the naive formula log1p(e^{-m}) (or -m + log1p(e^{m}) for m &lt; 0), differentiated by
 *       the autodiff itself;</li>
 *   <li>exponential: exp(-m), differentiated by the autodiff itself;</li>
 *   <li>probit: -log Phi(m), with Phi entered as a univariate function of value Phi(m), derivative phi(m)
 *       and second derivative -m phi(m) (the textbook facts phi = Phi', phi' = -m phi), then log and
 *       negation by the autodiff; for m &gt;= 0 as -log1p(-Phi(-m)), so the right tail keeps its digits.
 *       For m &lt; 0 the autodiff forms l'' = r (m + r), r = phi/Phi, whose factor m + r cancels: at m = -15
 *       it is 0.066 against r = 15.07, which multiplies erfc's relative error (about 1e-13 there) beyond
 *       the tolerance. So this naive formula is used only for m &gt;= {@link #PROBIT_NAIVE_FLOOR}; below it
 *       the oracle's l, l', l'' enter instead (checked on their own by lem:margin-losses and against
 *       50-digit values in the unit tests), and only the chain rule is independent there.</li>
 * </ul>
 */
final class ForwardModeMarginLoss {

    private static final int ORDER = 2;
    /**
     * Lowest margin at which the naive -log Phi is used: at m = -5 the cancellation in m + r costs a factor
     * r / (m + r) = 28, and erfc(3.5) is accurate to a few ulps, so the autodiff's l'' is good to about 1e-14.
     */
    static final double PROBIT_NAIVE_FLOOR = -5.0;
    private static final double INV_SQRT_TWO_PI = 1.0 / Math.sqrt(2.0 * Math.PI);

    private ForwardModeMarginLoss() {
    }

    /** Derivatives of the mean adversarial margin loss at w (w != 0 when eps &gt; 0). */
    static Derivatives evaluate(Dataset data, MarginLoss loss, double epsilon, double[] w) {
        int d = w.length;
        DerivativeStructure[] vars = new DerivativeStructure[d];
        for (int i = 0; i < d; i++) {
            vars[i] = new DerivativeStructure(d, ORDER, i, w[i]);
        }
        DerivativeStructure squared = new DerivativeStructure(d, ORDER, 0.0);
        for (DerivativeStructure wi : vars) {
            squared = squared.add(wi.multiply(wi));
        }
        DerivativeStructure penalty = squared.sqrt().multiply(epsilon);
        DerivativeStructure total = new DerivativeStructure(d, ORDER, 0.0);
        for (int row = 0; row < data.size(); row++) {
            DerivativeStructure score = new DerivativeStructure(d, ORDER, 0.0);
            for (int j = 0; j < d; j++) {
                score = score.add(vars[j].multiply(data.feature(row, j)));
            }
            total = total.add(lossOf(loss, score.multiply(data.label(row)).subtract(penalty)));
        }
        return Derivatives.of(total.divide(data.size()));
    }

    private static DerivativeStructure lossOf(MarginLoss loss, DerivativeStructure m) {
        double v = m.getValue();
        switch (loss.name()) {
            case "logistic":
                return v >= 0 ? m.negate().exp().log1p() : m.negate().add(m.exp().log1p());
            case "exponential":
                return m.negate().exp();
            case "probit":
                if (v >= 0) {
                    // -log Phi(m) = -log1p(-q), q(m) = Phi(-m) = erfc(m / sqrt 2) / 2, q' = -phi, q'' = m phi.
                    double density = Math.exp(-0.5 * v * v) * INV_SQRT_TWO_PI;
                    return m.compose(0.5 * Erf.erfc(v / Math.sqrt(2.0)), -density, v * density).negate().log1p().negate();
                }
                if (v >= PROBIT_NAIVE_FLOOR) {
                    double density = Math.exp(-0.5 * v * v) * INV_SQRT_TWO_PI;
                    return m.compose(0.5 * Erf.erfc(-v / Math.sqrt(2.0)), density, -v * density).log().negate();
                }
                return m.compose(loss.value(v), loss.slope(v), loss.curvature(v));
            default:
                throw new IllegalArgumentException("no autodiff formula for the loss '" + loss.name() + "'");
        }
    }
}
