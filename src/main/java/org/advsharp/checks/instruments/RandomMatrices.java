package org.advsharp.checks.instruments;

import java.util.SplittableRandom;
import org.advsharp.data.Dataset;
import org.advsharp.oracle.AdversarialLoss;
import org.ejml.data.DMatrixRMaj;

/** The random test matrices of the instrument checks, drawn from the caller's seeded stream. */
final class RandomMatrices {
    private RandomMatrices() {
    }

    /** An adversarial Hessian of a random Gaussian problem with N rows and d features. */
    static DMatrixRMaj adversarialHessian(SplittableRandom random, int n, int d) {
        double[][] rows = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2 == 0 ? 1 : -1;
            for (int j = 0; j < d; j++) {
                rows[i][j] = gaussian(random) + (j == 0 ? y[i] : 0);
            }
        }
        double[] w = new double[d];
        for (int j = 0; j < d; j++) {
            w[j] = gaussian(random);
        }
        return new AdversarialLoss(Dataset.of(rows, y), 0.3 * random.nextDouble()).hessian(w).full();
    }

    /** A standard normal draw by the Box-Muller transform (two uniforms per draw). */
    static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2.0 * Math.log1p(-random.nextDouble())) * Math.cos(2.0 * Math.PI * random.nextDouble());
    }
}
