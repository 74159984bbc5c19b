package org.advsharp.training;

import org.advsharp.data.Dataset;
import org.advsharp.data.GaussianMixture;

/**
 * Data on which Linf training is smooth at its minimiser: the Linf loss carries eps ||w||_1, which
 * (like a lasso penalty) sets weakly informative components of w* exactly to 0, a kink where Newton
 * cannot converge. Adding y_n * shift * (1, ..., 1) to every row makes every feature informative, so
 * for small eps no component of w* is 0.
 */
final class LinfProblems {
    private LinfProblems() {
    }

    static Dataset everyFeatureInformative(long seed, int n, int d, double shift) {
        Dataset base = GaussianMixture.sample(seed, n, d, 0.0, 1.0);
        double[][] x = base.rows();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] += base.label(i) * shift;
            }
        }
        return Dataset.of(x, base.labels());
    }
}
