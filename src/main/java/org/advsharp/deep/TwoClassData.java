package org.advsharp.deep;

import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.advsharp.data.Dataset;

/**
 * A seeded two-class Gaussian problem inside the unit box, seen two ways: as an {@link ExampleSet} for the
 * deep tier (class 0 / class 1) and as an oracle {@link Dataset} (y = +1 for class 0, y = -1 for class 1),
 * with exactly the same numbers (features are rounded to float once, then used by both).
 *
 * <pre>
 *   x_n = clamp(0.5 + y_n delta s + sigma z_n, lo, 1 - lo),   s in {-1, +1}^d random,  z_n ~ N(0, I)
 * </pre>
 *
 * <p>With every entry in [lo, 1 - lo] an L2 attack of radius eps <= lo moves no entry by more than eps,
 * so clipping to [0, 1] is inactive and PGD must reproduce the closed-form attack (inst:deep-calibration).
 *
 * @param examples the deep view
 * @param oracle   the oracle view
 * @param margin   lo: the distance of every entry from the box faces
 */
public record TwoClassData(ExampleSet examples, Dataset oracle, double margin) {

    /**
     * @param d     dimension
     * @param n     number of examples (alternating classes)
     * @param delta half the distance between the class means per coordinate
     * @param sigma noise standard deviation
     * @param lo    entries are clamped to [lo, 1 - lo]
     * @param seed  seed
     */
    public static TwoClassData generate(int d, int n, double delta, double sigma, double lo, long seed) {
        if (d < 1 || n < 2) {
            throw new IllegalArgumentException("two-class data: need d >= 1 and n >= 2, got d = " + d + ", n = " + n);
        }
        if (!(lo >= 0 && lo < 0.5)) {
            throw new IllegalArgumentException("two-class data: margin lo = " + lo + " must be in [0, 0.5)");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] s = new double[d];
        for (int j = 0; j < d; j++) {
            s[j] = random.nextBoolean() ? 1 : -1;
        }
        float[] features = new float[n * d];
        int[] labels = new int[n];
        double[][] rows = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            y[i] = labels[i] == 0 ? 1 : -1;
            for (int j = 0; j < d; j++) {
                double v = 0.5 + y[i] * delta * s[j] + sigma * random.nextGaussian();
                float f = (float) Math.min(1 - lo, Math.max(lo, v));
                features[i * d + j] = f;
                rows[i][j] = f;
            }
        }
        ExampleSet examples = new ExampleSet("two Gaussian classes, d = " + d + ", seed " + seed, new Shape(d), 2,
                features, labels);
        return new TwoClassData(examples, Dataset.of(rows, y), lo);
    }
}
