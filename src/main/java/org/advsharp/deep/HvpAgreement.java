package org.advsharp.deep;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * The comparison behind inst:deep-hvp, in one place for the check and the unit tests: two Hessian-vector
 * products of the same objective at the same weights, applied to seeded Gaussian probes v, and the worst
 * relative disagreement
 *
 * <pre>
 *   max_p || H_other v_p - H_ref v_p || / || H_ref v_p ||,   v_p = gaussian(w, seed + p), p = 0 .. probes-1
 * </pre>
 */
public final class HvpAgreement {

    private HvpAgreement() {
    }

    /**
     * The robust objective whose Hessian the deep instruments compare: PGD-3 at radius {@code eps} with the
     * attack frozen (no random start), on all of {@code data} in one batch, float64.
     */
    public static RobustObjective frozenPgd3(Classifier net, RunningStatistics stats, ExampleSet data, double eps) {
        PgdSettings attack = new PgdSettings(eps, 3, PgdSettings.MADRY_STEP_FACTOR * eps / 3, false, true);
        return new RobustObjective(net, stats, data, attack, data.size(), DataType.FLOAT64);
    }

    /**
     * The worst relative disagreement of {@code other} from {@code reference} over {@code probes} seeded probes
     * at {@code reference.at()}.
     */
    public static double worstRelativeDisagreement(HessianVectorProduct reference, HessianVectorProduct other,
            long seed, int probes, NDManager manager) {
        WeightVector w = reference.at();
        double worst = 0;
        for (int p = 0; p < probes; p++) {
            try (NDManager probe = manager.newSubManager()) {
                WeightVector v = HessianOperator.gaussian(w, seed + p, DataType.FLOAT64, probe);
                WeightVector a = reference.apply(v, probe);
                WeightVector b = other.apply(v, probe);
                worst = Math.max(worst, b.plus(-1, a, probe).norm() / a.norm());
            }
        }
        return worst;
    }
}
