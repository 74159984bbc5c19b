package org.advsharp.oracle;

import org.advsharp.data.Dataset;

/**
 * The critical radius eps_c = ||(1/N) sum_n y_n x_n||_2 (claim prop:critical-radius).
 *
 * <p>At w = 0 every sigma(-m_n) equals 1/2, so the subdifferential of L_eps + (lambda/2)||w||^2 at 0 is
 * -(1/2) mean(y x) + (eps/2) B (B the unit ball); it contains 0 exactly when eps >= eps_c, for every
 * lambda >= 0. Hence w*(eps) = 0 exactly when eps >= eps_c.
 */
public final class CriticalRadius {
    private CriticalRadius() {
    }

    /** eps_c = ||(1/N) sum_n y_n x_n||_2. */
    public static double of(Dataset data) {
        return Require.norm(meanSignedInput(data));
    }

    /** (1/N) sum_n y_n x_n. */
    public static double[] meanSignedInput(Dataset data) {
        if (data == null) {
            throw new IllegalArgumentException("data set is missing (null)");
        }
        int n = data.size();
        int d = data.dimension();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            double yi = data.label(i);
            for (int j = 0; j < d; j++) {
                mean[j] += yi * data.feature(i, j);
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        return mean;
    }
}
