package org.advsharp.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.advsharp.deep.engine.DjlEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Li et al. (2018) filter normalisation: every filter of d has the norm of w's filter; BatchNorm untouched. */
class FilterNormalizedDirectionTest {

    @BeforeAll
    static void offline() {
        DjlEnvironment.ensureOffline();
    }

    @Test
    void perFilterNormsEqualTheWeightsAndBatchNormIsLeftAlone() {
        ResNet18 net = new ResNet18(10, 3, ResNetStem.STRIDE2, 0.125);
        try (NDManager m = DjlEnvironment.engine().newBaseManager()) {
            WeightVector w = net.initialWeights(3L, DataType.FLOAT64, m);
            WeightVector d = FilterNormalizedDirection.draw(w, 5L, m);
            int filtersChecked = 0;
            for (int i = 0; i < w.specs().size(); i++) {
                ParameterSpec spec = w.specs().get(i);
                double[] wi = w.tensor(i).toDoubleArray();
                double[] di = d.tensor(i).toDoubleArray();
                if (!spec.role().perturbedByDirections()) {
                    for (double v : di) {
                        assertEquals(0.0, v, spec.name() + " (" + spec.role() + ") must not be perturbed");
                    }
                    continue;
                }
                int filters = Math.toIntExact(spec.shape().get(0));
                int per = wi.length / filters;
                for (int f = 0; f < filters; f++) {
                    double ww = 0;
                    double dd = 0;
                    for (int j = f * per; j < (f + 1) * per; j++) {
                        ww += wi[j] * wi[j];
                        dd += di[j] * di[j];
                    }
                    double rel = Math.abs(Math.sqrt(dd) - Math.sqrt(ww)) / Math.sqrt(ww);
                    assertTrue(rel <= DeepTolerances.FILTER_NORM_MATCH, spec.name() + " filter " + f + ": " + rel);
                    filtersChecked++;
                }
            }
            assertTrue(filtersChecked > 0);
            // a different seed gives a different direction (it is random, not a copy of w)
            WeightVector other = FilterNormalizedDirection.draw(w, 6L, m);
            assertTrue(other.plus(-1, d, m).norm() > 0);
        }
    }
}
