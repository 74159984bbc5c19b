package org.advsharp.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random directions in weight space with per-filter normalisation (Li, Xu, Taylor, Studer, Goldstein,
 * "Visualizing the Loss Landscape of Neural Nets", 2018), used for the 1-D robust-loss curves of claim
 * exp:resnet-paper-scale and its reduced CPU configuration:
 *
 * <pre>
 *   d_{i,f} = z_{i,f} ||w_{i,f}|| / ||z_{i,f}||,   z ~ N(0, I)
 * </pre>
 *
 * for every filter f (first axis) of every convolution kernel and every output row of a dense weight;
 * biases and BatchNorm scales and shifts get d = 0 (left unperturbed). The curve L(w + alpha d) is then
 * comparable between networks whose weights differ in scale.
 */
public final class FilterNormalizedDirection {

    private FilterNormalizedDirection() {
    }

    /** A seeded filter-normalised direction for the weights {@code w}, owned by {@code into}. */
    public static WeightVector draw(WeightVector w, long seed, NDManager into) {
        SplittableRandom random = new SplittableRandom(seed);
        List<NDArray> out = new ArrayList<>();
        for (int i = 0; i < w.specs().size(); i++) {
            ParameterSpec spec = w.specs().get(i);
            NDArray wi = w.tensor(i);
            int n = Math.toIntExact(spec.size());
            double[] d = new double[n];
            if (spec.role().perturbedByDirections()) {
                double[] weights = flat(wi);
                int filters = Math.toIntExact(spec.shape().get(0));
                int per = n / filters;
                for (int f = 0; f < filters; f++) {
                    double zz = 0;
                    double ww = 0;
                    for (int j = f * per; j < (f + 1) * per; j++) {
                        d[j] = random.nextGaussian();
                        zz += d[j] * d[j];
                        ww += weights[j] * weights[j];
                    }
                    double scale = zz > 0 ? Math.sqrt(ww / zz) : 0;
                    for (int j = f * per; j < (f + 1) * per; j++) {
                        d[j] *= scale;
                    }
                }
            }
            NDArray t = Tensors.owned(into.create(d, spec.shape()), wi.getDataType());
            out.add(t);
        }
        return new WeightVector(w.specs(), out);
    }

    private static double[] flat(NDArray t) {
        try (NDArray wide = t.toType(DataType.FLOAT64, true)) {
            return wide.toDoubleArray();
        }
    }
}
