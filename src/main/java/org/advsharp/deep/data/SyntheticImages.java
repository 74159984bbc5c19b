package org.advsharp.deep.data;

import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.advsharp.deep.ExampleSet;

/**
 * A seeded synthetic CIFAR-shaped image set (3x32x32 in [0, 1], K classes), for the GPU tier when no
 * CIFAR-10 files are given and for tests. Each class c has a smooth template T_c, a sum of a few random
 * low-frequency cosines per channel; an image of class c is
 *
 * <pre>
 *   x = clamp(0.5 + 0.2 T_c(shifted by a random offset of up to 2 pixels) + 0.1 z, 0, 1),   z ~ N(0, I)
 * </pre>
 *
 * <p>so the classes are learnable but not trivially separable, and the images fill the box like
 * natural images (mean about 0.5).
 */
public final class SyntheticImages {
    private static final int SIDE = 32;
    private static final int CHANNELS = 3;
    private static final int WAVES = 4;

    private SyntheticImages() {
    }

    /**
     * @param n          number of images
     * @param numClasses K
     * @param seed       seed
     */
    public static ExampleSet cifarShaped(int n, int numClasses, long seed) {
        if (n < 1 || numClasses < 2) {
            throw new IllegalArgumentException("synthetic images: need n >= 1 and numClasses >= 2, got n = " + n
                    + ", numClasses = " + numClasses);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][][] freq = new double[numClasses][CHANNELS * WAVES][4];
        for (double[][] cls : freq) {
            for (double[] wave : cls) {
                wave[0] = random.nextInt(1, 4) * Math.PI / SIDE;
                wave[1] = random.nextInt(0, 4) * Math.PI / SIDE;
                wave[2] = random.nextDouble(2 * Math.PI);
                wave[3] = random.nextDouble(0.5, 1.0) * (random.nextBoolean() ? 1 : -1);
            }
        }
        int plane = SIDE * SIDE;
        float[] f = new float[n * CHANNELS * plane];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % numClasses;
            labels[i] = c;
            int dr = random.nextInt(-2, 3);
            int dc = random.nextInt(-2, 3);
            for (int ch = 0; ch < CHANNELS; ch++) {
                for (int r = 0; r < SIDE; r++) {
                    for (int col = 0; col < SIDE; col++) {
                        double t = 0;
                        for (int k = 0; k < WAVES; k++) {
                            double[] wave = freq[c][ch * WAVES + k];
                            t += wave[3] * Math.cos(wave[0] * (r + dr) + wave[1] * (col + dc) + wave[2]);
                        }
                        double v = 0.5 + 0.2 * t / Math.sqrt(WAVES) + 0.1 * random.nextGaussian();
                        f[(i * CHANNELS + ch) * plane + r * SIDE + col] = (float) Math.min(1, Math.max(0, v));
                    }
                }
            }
        }
        return new ExampleSet("synthetic CIFAR-shaped images (" + n + ", " + numClasses + " classes, seed " + seed
                + ")", new Shape(CHANNELS, SIDE, SIDE), numClasses, f, labels);
    }
}
