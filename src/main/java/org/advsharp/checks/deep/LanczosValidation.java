package org.advsharp.checks.deep;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.check.SeedRecord;
import org.advsharp.check.Table;
import org.advsharp.deep.AdversarialTrainer;
import org.advsharp.deep.ExampleSet;
import org.advsharp.deep.FiniteDifferenceHvp;
import org.advsharp.deep.HessianOperator;
import org.advsharp.deep.PgdSettings;
import org.advsharp.deep.ResNet18;
import org.advsharp.deep.ResNetStem;
import org.advsharp.deep.RobustObjective;
import org.advsharp.deep.TopEigenvalue;
import org.advsharp.deep.TrainedModel;
import org.advsharp.deep.TrainingSettings;
import org.advsharp.deep.data.DigitsImages;
import org.advsharp.numerics.SymmetricEigenSolvers;
import org.advsharp.numerics.SymmetricSpectrum;
import org.ejml.data.DMatrixRMaj;

/**
 * inst:deep-lanczos: truncated Lanczos at the step counts the deep tiers use, against the dense spectrum of a
 * ResNet18 small enough to form its Hessian column by column. The network is the study's code at width x1/128
 * (widths 1-1-2-4) on the bundled 8x8 digits, adversarially trained for a few epochs; its frozen-attack Hessian on
 * {@value #MEASURE} images is formed from one finite-difference product per unit vector, symmetrised, and
 * decomposed densely.
 */
final class LanczosValidation implements Check {
    /** Step counts of the tiers: 8 (the reduced ResNet configuration of {@code advsharp resnet}), 20 (study, paper). */
    static final int[] STEPS = {8, 20};
    private static final int MEASURE = 16;
    private static final int TRAIN = 256;
    private static final double EPS = 0.5;
    /**
     * Largest relative asymmetry ||F - F^T||_F / ||F||_F of the matrix F of finite-difference columns: 1e-5. The
     * products agree with exact ones to about 1e-7 relative (inst:deep-hvp), which bounds the asymmetry at a few
     * times that; a wrong scale or sign in the products shows as asymmetry of order 1.
     */
    static final double ASYMMETRY = 1e-5;
    /**
     * Largest relative error of the 20-step Lanczos value against the dense lambda_max: 1e-3. The top eigenvalue of
     * a network Hessian is an outlier and Lanczos converges to it geometrically; measured errors are far below.
     */
    static final double TOP_RELATIVE = 1e-3;
    /**
     * Slack on Bauer-Fike (|theta - nearest eigenvalue| &lt;= residual) for the rounding of the dense solver and the
     * finite differences: 1e-6 times lambda_max.
     */
    static final double CERTIFICATE_SLACK = 1e-6;

    @Override
    public String id() {
        return "deep-lanczos-vs-dense-spectrum";
    }

    @Override
    public String claimId() {
        return "inst:deep-lanczos";
    }

    @Override
    public String title() {
        return "truncated Lanczos at the tiers' step counts against the dense spectrum of a tiny ResNet18";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        long seed = context.seed();
        evidence.seed(new SeedRecord("initial weights, shuffling, random starts, Lanczos start", seed,
                context.replayCommand()));
        ExampleSet all = DigitsImages.flat();
        float[] f = new float[TRAIN * 64];
        int[] y = new int[TRAIN];
        for (int i = 0; i < TRAIN; i++) {
            System.arraycopy(all.example(i), 0, f, i * 64, 64);
            y[i] = all.label(i);
        }
        ExampleSet train = new ExampleSet("digits 8x8 as 1x8x8 images (first " + TRAIN + ")", new Shape(1, 8, 8), 10, f,
                y);
        ResNet18 net = new ResNet18(10, 1, 8, ResNetStem.STRIDE2, 1.0 / 128);
        TrainingSettings training = new TrainingSettings(3, 32, 0.05, 0.9, 5e-4, new int[] {2}, 0.1, 2,
                PgdSettings.MADRY_STEP_FACTOR, true, seed, DataType.FLOAT64, 1);
        try (NDManager m = NDManager.newBaseManager();
             TrainedModel model = AdversarialTrainer.train(net, train, EPS, training, m, line -> { })) {
            RobustObjective objective = new RobustObjective(net, model.statistics(), train.head(MEASURE),
                    PgdSettings.standard(EPS, 5, false), MEASURE, DataType.FLOAT64);
            FiniteDifferenceHvp hvp = new FiniteDifferenceHvp(objective, model.weights(), false, 1e-7, m);
            HessianOperator op = new HessianOperator(hvp, DataType.FLOAT64, m);
            int n = op.dimension();
            evidence.fact("network", net.describe());
            DMatrixRMaj columns = new DMatrixRMaj(n, n);
            double[] e = new double[n];
            double[] col = new double[n];
            for (int j = 0; j < n; j++) {
                e[j] = 1;
                op.apply(e, col);
                e[j] = 0;
                for (int i = 0; i < n; i++) {
                    columns.set(i, j, col[i]);
                }
            }
            int denseKinks = hvp.unresolvedKinks();
            double asym = 0;
            double norm = 0;
            DMatrixRMaj sym = new DMatrixRMaj(n, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double a = columns.get(i, j);
                    double b = columns.get(j, i);
                    asym += (a - b) * (a - b);
                    norm += a * a;
                    sym.set(i, j, 0.5 * (a + b));
                }
            }
            double asymmetry = Math.sqrt(asym / norm);
            SymmetricSpectrum dense = SymmetricEigenSolvers.standard().decompose(sym);
            double top = dense.largest();
            double[] eig = dense.eigenvalues();
            evidence.fact("dimension (products to form the Hessian)", n);
            evidence.fact("dense spectrum: three largest eigenvalues", String.format(Locale.ROOT, "%.6g, %.6g, %.6g",
                    eig[0], eig[1], eig[2]));
            evidence.measure(Measurement.atMost("products on an unresolved kink while forming the Hessian", denseKinks,
                    0, "0"));
            evidence.measure(Measurement.atMost("relative asymmetry of the finite-difference Hessian", asymmetry,
                    ASYMMETRY, "LanczosValidation.ASYMMETRY"));
            List<List<String>> rows = new ArrayList<>();
            String line = "";
            for (int steps : STEPS) {
                TopEigenvalue t = op.topEigenvalue(steps, seed);
                double nearest = Double.POSITIVE_INFINITY;
                for (double v : eig) {
                    nearest = Math.min(nearest, Math.abs(v - t.value()));
                }
                double error = Math.abs(t.value() - top) / Math.abs(top);
                rows.add(List.of(Integer.toString(steps), DeepFormat.sci(t.value()), DeepFormat.sci(error),
                        DeepFormat.sci(t.residual()), Boolean.toString(t.converged()),
                        Integer.toString(t.unresolvedKinks())));
                evidence.measure(Measurement.atMost(steps + " steps: distance of the Ritz value to the dense spectrum "
                        + "minus its residual bound |theta| * residual (Bauer-Fike)", nearest
                        - t.residual() * Math.abs(t.value()), CERTIFICATE_SLACK * Math.abs(top),
                        "LanczosValidation.CERTIFICATE_SLACK * lambda_max"));
                evidence.measure(Measurement.atMost(steps + " steps: Ritz value above the dense lambda_max (relative)",
                        (t.value() - top) / Math.abs(top), CERTIFICATE_SLACK, "LanczosValidation.CERTIFICATE_SLACK"));
                evidence.measure(Measurement.atMost(steps + " steps: unresolved kinks", t.unresolvedKinks(), 0, "0"));
                if (steps == STEPS[STEPS.length - 1]) {
                    evidence.measure(Measurement.atMost(steps + " steps: relative error against the dense lambda_max",
                            error, TOP_RELATIVE, "LanczosValidation.TOP_RELATIVE"));
                }
                line += String.format(Locale.ROOT, "%s%d steps: %.6g (relative error %.1e, residual %.1e)",
                        line.isEmpty() ? "" : "; ", steps, t.value(), error, t.residual());
            }
            evidence.table(new Table("Truncated Lanczos (finite-difference products, seeded start) against the dense "
                    + "lambda_max = " + DeepFormat.sci(top) + " of the " + n + "-parameter network",
                    List.of("steps", "Ritz value", "relative error", "relative residual", "converged", "unresolved kinks"),
                    rows));
            return String.format(Locale.ROOT, "Dense lambda_max %.6g of a %d-parameter ResNet18; Lanczos %s.", top, n,
                    line);
        }
    }
}
