package org.advsharp.oracle;

/**
 * The worst-case Linf perturbation of one sample (claim prop:linf-no-direction-term):
 *
 * <pre>
 *   argmax_{||eta||_inf <= eps} softplus(-y w^T (x + eta)) = -eps y sign(w)
 * </pre>
 *
 * <p>min over the box of y w^T eta = -eps ||w||_1, attained at eta_j = -eps y sign(w_j) (any value in
 * [-eps, eps] where w_j = 0; this oracle returns 0 there). The direction sign(w) is piecewise constant in
 * w, which is why the Linf loss has no direction term in its Hessian off the kinks.
 */
public final class LinfAttack {
    private LinfAttack() {
    }

    /**
     * @param w   weights
     * @param y   label, -1 or +1
     * @param eps radius, >= 0
     * @return eta* = -eps y sign(w)
     */
    public static double[] worstCase(double[] w, double y, double eps) {
        Require.attack(w, y, eps);
        double[] eta = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            eta[j] = -eps * y * Math.signum(w[j]);
        }
        return eta;
    }
}
