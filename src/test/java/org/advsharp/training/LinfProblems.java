package org.advsharp.training;

import java.util.Arrays;
import org.advsharp.data.Dataset;
import org.advsharp.data.GaussianMixture;

/**
 * Data on which Linf training is smooth at its minimiser: the Linf loss carries eps ||w||_1, which
 * (like a lasso penalty) sets weakly informative components of w* exactly to 0, a kink where Newton
 * cannot converge. A class mean along (1, ..., 1) (shift per feature) makes every feature informative,
 * so for small eps no component of w* is 0.
 */
final class LinfProblems {
    private LinfProblems() {
    }

    static Dataset everyFeatureInformative(long seed, int n, int d, double shift) {
        double[] ones = new double[d];
        Arrays.fill(ones, 1.0);
        return GaussianMixture.alongDirection(seed, n, ones, shift * Math.sqrt(d), 1.0);
    }
}
