package org.advsharp.oracle;

import java.util.SplittableRandom;
import org.advsharp.data.Dataset;

/** Small seeded problems for the oracle unit tests. */
final class OracleFixtures {
    private OracleFixtures() {
    }

    /** N rows of dimension d, Gaussian features shifted by y * 0.5 along the first axis, labels alternating. */
    static Dataset gaussian(long seed, int n, int d) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2 == 0 ? 1.0 : -1.0;
            for (int j = 0; j < d; j++) {
                rows[i][j] = gaussian(random) + (j == 0 ? 0.5 * y[i] : 0.0);
            }
        }
        return Dataset.of(rows, y);
    }

    static double[] vector(long seed, int d, double scale) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] w = new double[d];
        for (int j = 0; j < d; j++) {
            w[j] = scale * gaussian(random);
        }
        return w;
    }

    static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log1p(-u)) * Math.cos(2.0 * Math.PI * v);
    }
}
