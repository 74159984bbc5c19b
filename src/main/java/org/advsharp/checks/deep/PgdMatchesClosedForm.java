package org.advsharp.checks.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.check.SeedRecord;
import org.advsharp.check.Table;
import org.advsharp.checks.Figures;
import org.advsharp.deep.BatchNormMode;
import org.advsharp.deep.DeepTolerances;
import org.advsharp.deep.ExampleSet;
import org.advsharp.deep.L2Pgd;
import org.advsharp.deep.LinearSoftmax;
import org.advsharp.deep.PgdSettings;
import org.advsharp.deep.RunningStatistics;
import org.advsharp.deep.TwoClassData;
import org.advsharp.deep.WeightVector;
import org.advsharp.deep.engine.DjlEnvironment;
import org.advsharp.oracle.L2Attack;

/**
 * inst:deep-pgd: on {@value #PROBLEMS} binary linear problems with d, N, eps and the number of steps drawn, DJL's
 * L2 PGD on the K = 2 linear softmax model moves every example by the closed-form worst-case attack
 * delta* = -eps y u / ||u|| of the oracle, u = w_1 - w_2, to {@link DeepTolerances#PGD_VS_CLOSED_FORM} of eps.
 */
final class PgdMatchesClosedForm implements Check {
    private static final int PROBLEMS = 12;
    /** Problems shown in the evidence's table. */
    private static final int SHOWN = 4;

    @Override
    public String id() {
        return "deep-pgd-matches-closed-form";
    }

    @Override
    public String claimId() {
        return "inst:deep-pgd";
    }

    @Override
    public String title() {
        return "DJL L2 PGD on the binary linear model equals the closed-form worst-case attack";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        long seed = context.seed();
        SplittableRandom random = new SplittableRandom(seed);
        double worst = 0;
        int attacks = 0;
        List<List<String>> rows = new ArrayList<>();
        int problems = context.tries(PROBLEMS);
        for (int p = 0; p < problems; p++) {
            int d = 2 + random.nextInt(15);
            int n = 4 + random.nextInt(30);
            double margin = 0.1 + 0.3 * random.nextDouble();
            double eps = margin * (0.1 + 0.9 * random.nextDouble());
            int steps = 1 + random.nextInt(10);
            long problemSeed = random.nextLong();
            TwoClassData data = TwoClassData.generate(d, n, 0.1, 0.1, margin, problemSeed);
            LinearSoftmax net = new LinearSoftmax(d, 2, false, 1.0);
            double err = deviation(net, data, eps, steps, problemSeed) / eps;
            worst = Math.max(worst, err);
            attacks += n;
            if (p < SHOWN) {
                rows.add(List.of(Integer.toString(d), Integer.toString(n), Figures.fourDigits(eps), Integer.toString(steps),
                        String.format(Locale.ROOT, "%.2e", err)));
            }
        }
        evidence.seed(new SeedRecord(problems + " binary linear problems (d, N, eps, steps drawn)", seed,
                context.replayCommand()));
        evidence.fact("attacked examples", attacks);
        evidence.table(new Table("first problems: PGD against -eps y u/||u||", List.of("d", "N", "eps", "steps",
                "max error / eps"), rows));
        evidence.measure(Measurement.atMost("max |delta_PGD - delta*| / eps over all examples and coordinates", worst,
                DeepTolerances.PGD_VS_CLOSED_FORM, "DeepTolerances.PGD_VS_CLOSED_FORM"));
        return String.format(Locale.ROOT, "On %d problems (%d examples) PGD reproduced the closed-form attack to "
                + "%.1e of eps.", problems, attacks, worst);
    }

    /** max over examples i and coordinates j of |(x_adv - x)_ij - delta*_ij| for one problem. */
    private static double deviation(LinearSoftmax net, TwoClassData data, double eps, int steps, long seed) {
        int d = Math.toIntExact(net.exampleShape().get(0));
        int n = data.examples().size();
        try (NDManager m = DjlEnvironment.engine().newBaseManager()) {
            WeightVector w = net.initialWeights(seed, DataType.FLOAT64, m);
            double[] flat = w.toDoubleArray();
            double[] u = new double[d];
            for (int j = 0; j < d; j++) {
                u[j] = flat[j] - flat[d + j];
            }
            ExampleSet.Batch b = data.examples().range(0, n, DataType.FLOAT64, m);
            PgdSettings settings = new PgdSettings(eps, steps, PgdSettings.MADRY_STEP_FACTOR * eps / steps, false, true);
            NDArray adv = L2Pgd.attack(net, w, RunningStatistics.none(), BatchNormMode.EVAL, b.x(), b.oneHot(),
                    settings, new SplittableRandom(seed));
            double[] x = b.x().toDoubleArray();
            double[] xa = adv.toDoubleArray();
            double worst = 0;
            for (int i = 0; i < n; i++) {
                double[] eta = L2Attack.worstCase(u, data.oracle().label(i), eps);
                for (int j = 0; j < d; j++) {
                    worst = Math.max(worst, Math.abs((xa[i * d + j] - x[i * d + j]) - eta[j]));
                }
            }
            return worst;
        }
    }
}
