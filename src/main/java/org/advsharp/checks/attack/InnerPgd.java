package org.advsharp.checks.attack;

import java.util.function.UnaryOperator;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.Logistic;

/**
 * Projected gradient ascent on the inner problem max_{||eta|| <= eps} phi(eta), phi(eta) =
 * softplus(-y w^T (x + eta)), the only attack the deep tier has (claim prop:pgd-reaches-worst-case).
 *
 * <p>The ascent knows nothing of the closed-form answer: at every iterate it evaluates the gradient of
 * the loss with respect to the input, g_k = grad phi(eta_k) (given as a function, so a check can hand it
 * the chain-rule gradient or a finite-difference one), and steps along it, either normalised,
 * eta_{k+1} = Proj(eta_k + alpha g_k / ||g_k||), or unnormalised, eta_{k+1} = Proj(eta_k + alpha g_k), with
 * Proj the Euclidean projection onto the L2 ball of radius eps. A zero gradient (sigma(-m) underflows
 * once the margin exceeds about 745) stops the ascent where it is.
 */
final class InnerPgd {
    /** PGD from a random start: alpha = eps, enough steps for the angle to the optimum to reach rounding. */
    static final int STEPS = 80;
    /** The label of a problem with nothing to attack (see {@link #hasAttack}). */
    static final String NOTHING_TO_ATTACK = "skipped: eps = 0 or w = 0";

    private InnerPgd() {
    }

    /** Whether there is an attack to find: eps > 0 and w != 0 (else the loss is the same at every eta). */
    static boolean hasAttack(double[] w, double eps) {
        return eps > 0 && Vectors.norm(w) > 0;
    }

    /** Whether steps are divided by the gradient's norm. */
    enum Step { NORMALISED, UNNORMALISED }

    /**
     * @param gradient eta -> grad phi(eta), the loss gradient with respect to the input perturbation
     * @param eps      radius
     * @param start    the starting perturbation (projected onto the ball first)
     * @param alpha    step length (normalised) or step size (unnormalised)
     * @param steps    number of steps
     * @param step     normalised or unnormalised
     * @return every iterate, eta_0 (projected start) to eta_steps
     */
    static double[][] iterates(UnaryOperator<double[]> gradient, double eps, double[] start, double alpha, int steps,
                               Step step) {
        double[][] out = new double[steps + 1][];
        double[] eta = project(start.clone(), eps);
        out[0] = eta.clone();
        for (int k = 0; k < steps; k++) {
            double[] g = gradient.apply(eta.clone());
            double scale = alpha;
            if (step == Step.NORMALISED) {
                double norm = Vectors.norm(g);
                scale = norm == 0.0 ? 0.0 : alpha / norm;
            }
            for (int j = 0; j < eta.length; j++) {
                eta[j] += scale * g[j];
            }
            project(eta, eps);
            out[k + 1] = eta.clone();
        }
        return out;
    }

    /** The last iterate of {@link #iterates}. */
    static double[] run(UnaryOperator<double[]> gradient, double eps, double[] start, double alpha, int steps,
                        Step step) {
        double[][] all = iterates(gradient, eps, start, alpha, steps, step);
        return all[all.length - 1];
    }

    /**
     * The gradient of phi with respect to eta by the chain rule: with z = -y w^T (x + eta),
     * d softplus(z)/dz = sigma(z) and dz/d eta = -y w, so grad phi = sigma(z) (-y w).
     */
    static UnaryOperator<double[]> inputGradient(double[] x, double y, double[] w) {
        return eta -> {
            double z = -y * Vectors.dot(w, shifted(x, eta));
            double[] g = new double[w.length];
            Vectors.axpy(-y * Logistic.sigmoid(z), w, g);
            return g;
        };
    }

    /**
     * The smallest sigma(-m) over the ball, at m = |w^T x| + eps ||w||; the loss gradient has at least this
     * factor everywhere in the ball.
     */
    static double smallestSigma(double[] x, double[] w, double eps) {
        return Logistic.sigmoid(-Math.abs(Vectors.dot(w, x)) - eps * Vectors.norm(w));
    }

    /**
     * Whether PGD can move everywhere in the ball in doubles: sigma(-m) underflows to 0 below e^-745, so
     * where the margin can exceed about 700 the gradient may be exactly 0 and the ascent stops. The
     * proposition assumes exact arithmetic; checks skip such samples and count them.
     */
    static boolean gradientRepresentable(double[] x, double[] w, double eps) {
        return smallestSigma(x, w, eps) >= SIGMA_FLOOR;
    }

    /** e^-700: sigma above it has a representable product with any O(1) weight. */
    static final double SIGMA_FLOOR = Math.exp(-700);

    /** The inner objective softplus(-y w^T (x + eta)). */
    static double objective(double[] x, double y, double[] w, double[] eta) {
        return Logistic.softplus(-y * Vectors.dot(w, shifted(x, eta)));
    }

    private static double[] shifted(double[] x, double[] eta) {
        double[] out = x.clone();
        Vectors.axpy(1.0, eta, out);
        return out;
    }

    /** The Euclidean projection onto the ball of radius eps, in place. */
    static double[] project(double[] eta, double eps) {
        double norm = Vectors.norm(eta);
        if (norm > eps) {
            for (int j = 0; j < eta.length; j++) {
                eta[j] *= eps / norm;
            }
        }
        return eta;
    }
}
