package org.advsharp.oracle;

import org.advsharp.data.Dataset;

/**
 * What the L2 and the Linf adversarial losses share: the data (features row-major, copied once, and labels in
 * {-1, +1}), the margin loss l, the radius eps, and the value from the adversarial margins m_n:
 *
 * <pre>
 *   L(w) = (1/N) sum_n l(m_n)     (logistic: l(m) = softplus(-m))
 * </pre>
 *
 * Each loss defines its margins (L2: y_n w^T x_n - eps ||w||, Linf: y_n w^T x_n - eps ||w||_1).
 */
abstract class AttackedLoss {
    final Dataset data;
    final MarginLoss loss;
    final double epsilon;
    final int n;
    final int d;
    final double[] x;
    final double[] y;

    /**
     * @param data    the samples, labels in {-1, +1}
     * @param loss    the margin loss l
     * @param epsilon the attack radius, finite and >= 0
     */
    AttackedLoss(Dataset data, MarginLoss loss, double epsilon) {
        if (data == null) {
            throw new IllegalArgumentException("data set is missing (null)");
        }
        if (loss == null) {
            throw new IllegalArgumentException("margin loss is missing (null)");
        }
        this.data = data;
        this.loss = loss;
        this.epsilon = Require.epsilon(epsilon);
        this.n = data.size();
        this.d = data.dimension();
        this.x = data.featuresRowMajor();
        this.y = data.labels();
    }

    public Dataset data() {
        return data;
    }

    public double epsilon() {
        return epsilon;
    }

    /** The adversarial margins m_n at w. */
    public abstract double[] margins(double[] w);

    /** L(w) = (1/N) sum_n l(m_n). */
    public double value(double[] w) {
        double sum = 0.0;
        for (double mi : margins(w)) {
            sum += loss.value(mi);
        }
        return sum / n;
    }
}
