package org.advsharp.checks.training;

import org.advsharp.data.Dataset;
import org.advsharp.oracle.LinfAdversarialLoss;
import org.advsharp.oracle.Logistic;
import org.advsharp.training.NewtonTrainer;

/**
 * The optimality (KKT) conditions of the Linf objective F(w) = L_inf(w) + (lambda/2) ||w||^2 at a trained w,
 * recomputed from the oracle ({@link LinfAdversarialLoss#margins}) and not taken from the trainer, whose own
 * stopping quantity applies its own kink rule and so cannot certify it:
 *
 * <pre>
 *   m_n = y_n w^T x_n - eps ||w||_1                      (the oracle's margins)
 *   a_j = -(1/N) sum_n sigma(-m_n) y_n x_nj              (the smooth part of dF/dw_j)
 *   b   = (eps/N) sum_n sigma(-m_n)                      (half the jump of dF/dw_j across w_j = 0)
 *   w_j != 0:  r_j = a_j + b sign(w_j) + lambda w_j      must be 0          (stationarity on the face)
 *   w_j  = 0:  slack_j = b - |a_j|                        must be >= 0       (0 lies in [a_j - b, a_j + b])
 *   dist(0, dF(w))^2 = sum_{w_j != 0} r_j^2 + sum_{w_j = 0} max(0, -slack_j)^2
 * </pre>
 *
 * <p>w is the minimiser exactly when dist(0, dF(w)) = 0 (F is convex); with lambda &gt; 0 it is
 * lambda-strongly convex and ||w - w*|| &lt;= dist(0, dF(w)) / lambda. A negative slack is a coordinate held at
 * 0 where F decreases off the kink at the rate -slack_j: the point is not a minimiser.
 *
 * @param distance       dist(0, dF(w)), the norm of the minimum-norm subgradient, recomputed
 * @param faceResidual   the largest |r_j| over the face S = {j : w_j != 0}
 * @param smallestSlack  the smallest b - |a_j| over the coordinates at 0 (+infinity if there are none)
 * @param relativeSlack  that slack divided by b (+infinity if there are no coordinates at 0; NaN if b = 0)
 * @param faceSize       |S|
 */
public record LinfCertificate(double distance, double faceResidual, double smallestSlack, double relativeSlack,
                              int faceSize) {

    /**
     * The certificate's tolerance on dist(0, dF(w)) and on -slack: the trainer stops at
     * {@link NewtonTrainer#DEFAULT_GRADIENT_TOLERANCE} = 1e-12 in its own order of summation; recomputing a_j
     * and b in the oracle's order changes them by rounding of order u max_n |x_nj| (about 2e-16 on pixels in
     * [0, 1]), so twice the trainer's tolerance leaves ample room for that and none for a wrong kink rule, which
     * moves a slack by a fraction of b (b = eps mean sigma, of order 1e-3 to 1e-1 on the data of the suite).
     */
    public static final double TOLERANCE = 2 * NewtonTrainer.DEFAULT_GRADIENT_TOLERANCE;

    /** The certificate of w for the Linf objective with radius {@code epsilon} and weight decay {@code lambda}. */
    public static LinfCertificate at(Dataset data, double epsilon, double lambda, double[] w) {
        double[] m = new LinfAdversarialLoss(data, epsilon).margins(w);
        double[] y = data.labels();
        int n = data.size();
        int d = data.dimension();
        double[] a = new double[d];
        double sigmaSum = 0;
        for (int i = 0; i < n; i++) {
            double sigma = Logistic.sigmoid(-m[i]);
            sigmaSum += sigma;
            double[] x = data.row(i);
            for (int j = 0; j < d; j++) {
                a[j] -= sigma * y[i] * x[j];
            }
        }
        double b = epsilon * sigmaSum / n;
        double squared = 0;
        double faceResidual = 0;
        double smallestSlack = Double.POSITIVE_INFINITY;
        int face = 0;
        for (int j = 0; j < d; j++) {
            double aj = a[j] / n;
            if (w[j] != 0) {
                double r = aj + b * Math.signum(w[j]) + lambda * w[j];
                squared += r * r;
                faceResidual = Math.max(faceResidual, Math.abs(r));
                face++;
            } else {
                double slack = b - Math.abs(aj);
                smallestSlack = Math.min(smallestSlack, slack);
                if (slack < 0) {
                    squared += slack * slack;
                }
            }
        }
        double relative = Double.isInfinite(smallestSlack) ? smallestSlack : smallestSlack / b;
        return new LinfCertificate(Math.sqrt(squared), faceResidual, smallestSlack, relative, face);
    }

    /** Whether w is certified: dist(0, dF(w)) and every negative slack within {@link #TOLERANCE}. */
    public boolean certified() {
        return distance <= TOLERANCE && !(smallestSlack < -TOLERANCE);
    }
}
