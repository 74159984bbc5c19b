package org.advsharp.oracle;

/**
 * The worst-case L2 perturbation of one sample (claim lem:worst-case-l2):
 *
 * <pre>
 *   argmax_{||eta||_2 <= eps} softplus(-y w^T (x + eta)) = -eps y w/||w||   (w != 0)
 * </pre>
 *
 * <p>softplus is increasing, so the maximiser minimises y w^T eta over the ball; by Cauchy-Schwarz that
 * minimum is -eps ||w||, attained only at eta = -eps y w_hat. Magnitude eps; direction -y w_hat, which
 * depends on w.
 */
public final class L2Attack {
    private L2Attack() {
    }

    /**
     * @param w   weights; must be nonzero when eps > 0 (the direction is undefined at w = 0)
     * @param y   label, -1 or +1
     * @param eps radius, >= 0
     * @return eta* = -eps y w/||w|| (the zero vector when eps = 0)
     */
    public static double[] worstCase(double[] w, double y, double eps) {
        Require.attack(w, y, eps);
        double[] eta = new double[w.length];
        if (eps == 0.0) {
            return eta;
        }
        double norm = Require.nonZeroNorm(w, "the worst-case L2 perturbation");
        for (int j = 0; j < w.length; j++) {
            eta[j] = -eps * y * w[j] / norm;
        }
        return eta;
    }
}
