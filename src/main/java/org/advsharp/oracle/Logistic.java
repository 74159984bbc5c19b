package org.advsharp.oracle;

/**
 * The scalar functions of logistic regression, evaluated without overflow for any finite argument.
 *
 * <ul>
 *   <li>sigma(z) = 1 / (1 + e^{-z})</li>
 *   <li>softplus(z) = log(1 + e^{z}), so the clean loss is softplus(-y w^T x)</li>
 *   <li>s(m) = sigma(m) sigma(-m) = softplus''(m), the curvature weight of a sample with margin m</li>
 * </ul>
 */
public final class Logistic {
    private Logistic() {
    }

    /** sigma(z) = 1 / (1 + e^{-z}), computed so that neither branch overflows. */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    /** softplus(z) = log(1 + e^{z}) = max(z, 0) + log1p(e^{-|z|}). */
    public static double softplus(double z) {
        return Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    /** s(m) = sigma(m) sigma(-m) = e^{-|m|} / (1 + e^{-|m|})^2, in (0, 1/4], symmetric, maximal at m = 0. */
    public static double curvature(double m) {
        double e = Math.exp(-Math.abs(m));
        double denominator = 1.0 + e;
        return e / (denominator * denominator);
    }
}
