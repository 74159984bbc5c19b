package org.advsharp.deep;

import java.util.Arrays;
import java.util.List;

/**
 * 1-D robust-loss curves L_H(w + alpha d_j) along several filter-normalised directions d_j, the attack
 * recomputed at every point (exp:resnet-paper-scale and its reduced CPU configuration).
 *
 * @param alphas the step sizes alpha (including 0)
 * @param losses losses.get(j)[k] = L_H(w + alphas[k] d_j)
 */
public record RobustLossCurves(double[] alphas, List<double[]> losses) {

    public RobustLossCurves {
        alphas = alphas.clone();
        losses = losses.stream().map(double[]::clone).toList();
        for (double[] row : losses) {
            if (row.length != alphas.length) {
                throw new IllegalArgumentException("loss curves: a curve has " + row.length + " points but there are "
                        + alphas.length + " alphas");
            }
        }
    }

    @Override
    public double[] alphas() {
        return alphas.clone();
    }

    /** Mean over directions at each alpha. */
    public double[] mean() {
        double[] m = new double[alphas.length];
        for (double[] row : losses) {
            for (int k = 0; k < m.length; k++) {
                m[k] += row[k] / losses.size();
            }
        }
        return m;
    }

    /** Minimum over directions at each alpha. */
    public double[] min() {
        double[] m = new double[alphas.length];
        Arrays.fill(m, Double.POSITIVE_INFINITY);
        for (double[] row : losses) {
            for (int k = 0; k < m.length; k++) {
                m[k] = Math.min(m[k], row[k]);
            }
        }
        return m;
    }

    /** Maximum over directions at each alpha. */
    public double[] max() {
        double[] m = new double[alphas.length];
        Arrays.fill(m, Double.NEGATIVE_INFINITY);
        for (double[] row : losses) {
            for (int k = 0; k < m.length; k++) {
                m[k] = Math.max(m[k], row[k]);
            }
        }
        return m;
    }

    /**
     * Per direction, the mean rise of the curve over its value at alpha = 0, averaged over the non-zero
     * alphas: a scalar "flatness" of the curve (larger = sharper). Returns one value per direction.
     */
    public double[] meanRise() {
        int zero = -1;
        for (int k = 0; k < alphas.length; k++) {
            if (alphas[k] == 0) {
                zero = k;
            }
        }
        if (zero < 0) {
            throw new IllegalStateException("loss curves: alpha = 0 is not among the points");
        }
        double[] out = new double[losses.size()];
        for (int j = 0; j < out.length; j++) {
            double[] row = losses.get(j);
            double s = 0;
            for (int k = 0; k < alphas.length; k++) {
                if (k != zero) {
                    s += row[k] - row[zero];
                }
            }
            out[j] = s / (alphas.length - 1);
        }
        return out;
    }
}
