package org.advsharp.training;

import static org.advsharp.numerics.Vectors.norm;

import java.util.SplittableRandom;
import org.advsharp.data.Dataset;
import org.advsharp.numerics.Vectors;

/**
 * Random-noise training, the control for adversarial training (prop:random-noise): each sample gets a
 * noise vector of norm exactly eps that does NOT depend on w.
 *
 * <p>Stated choice: the noise is FIXED PER SAMPLE. Sample n gets a direction v_n drawn uniformly on the
 * unit sphere (normalised standard Gaussian, seeded) once, and is trained on x_n + eps v_n throughout.
 * The same directions are used at every eps of a sweep (only the length changes), so differences across
 * radii are not sampling noise.
 */
public final class RandomNoise {
    private RandomNoise() {
    }

    /** N unit vectors in R^d, uniform on the sphere, from {@code seed}. */
    public static double[][] unitDirections(long seed, int n, int d) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] v = new double[n][d];
        for (int i = 0; i < n; i++) {
            double norm;
            do {
                for (int j = 0; j < d; j++) {
                    v[i][j] = rng.nextGaussian();
                }
                norm = norm(v[i]);
            } while (norm == 0);
            for (int j = 0; j < d; j++) {
                v[i][j] /= norm;
            }
        }
        return v;
    }

    /** eps v_n for each direction v_n. */
    public static double[][] noise(double[][] directions, double epsilon) {
        if (!(epsilon >= 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("noise radius eps is " + epsilon + "; it must be a finite number >= 0");
        }
        double[][] out = new double[directions.length][];
        for (int i = 0; i < directions.length; i++) {
            out[i] = Vectors.scaled(epsilon, directions[i]);
        }
        return out;
    }

    /** The random-noise objective at radius eps with the directions of {@code seed}, plus weight decay. */
    public static TrainingObjective objective(Dataset data, double epsilon, double lambda, long seed) {
        return TrainingObjective.randomNoise(data,
                noise(unitDirections(seed, data.size(), data.dimension()), epsilon), epsilon, lambda);
    }
}
