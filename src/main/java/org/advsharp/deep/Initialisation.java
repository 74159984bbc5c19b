package org.advsharp.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded initial weights drawn in Java (java.util.SplittableRandom), so that a seed gives the same
 * network on every engine and device:
 *
 * <ul>
 *   <li>{@link ParameterRole#FILTER}: He normal, N(0, 2 / fan_in) (He et al. 2015, for ReLU networks);</li>
 *   <li>{@link ParameterRole#DENSE} and {@link ParameterRole#BIAS}: uniform on [-1/sqrt(fan_in),
 *       1/sqrt(fan_in)] (the usual dense-layer default; fan_in of a bias is that of its layer's weight,
 *       passed as {@code denseFanIn});</li>
 *   <li>{@link ParameterRole#BN_SCALE}: 1; {@link ParameterRole#BN_SHIFT}: 0.</li>
 * </ul>
 */
final class Initialisation {

    private Initialisation() {
    }

    /**
     * @param specs      the tensors to initialise, in order
     * @param denseFanIn fan-in used for biases (the input width of the dense layer)
     * @param scale      multiplies the dense weights and biases (1 for the usual default)
     */
    static WeightVector draw(List<ParameterSpec> specs, long denseFanIn, double scale, long seed,
                             DataType type, NDManager manager) {
        SplittableRandom random = new SplittableRandom(seed);
        List<NDArray> tensors = new ArrayList<>(specs.size());
        for (ParameterSpec spec : specs) {
            int n = Math.toIntExact(spec.size());
            float[] values = new float[n];
            switch (spec.role()) {
                case FILTER -> {
                    double sd = Math.sqrt(2.0 / spec.fanIn());
                    for (int i = 0; i < n; i++) {
                        values[i] = (float) (sd * random.nextGaussian());
                    }
                }
                case DENSE, BIAS -> {
                    long fanIn = spec.role() == ParameterRole.DENSE ? spec.fanIn() : denseFanIn;
                    double bound = scale / Math.sqrt(fanIn);
                    for (int i = 0; i < n; i++) {
                        values[i] = (float) (bound * (2 * random.nextDouble() - 1));
                    }
                }
                case BN_SCALE -> Arrays.fill(values, 1f);
                case BN_SHIFT -> Arrays.fill(values, 0f);
                default -> throw new IllegalStateException("unknown role " + spec.role());
            }
            NDArray t = Tensors.owned(manager.create(values, spec.shape()), type);
            tensors.add(t);
        }
        return new WeightVector(specs, tensors);
    }
}
