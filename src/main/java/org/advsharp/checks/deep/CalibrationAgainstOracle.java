package org.advsharp.checks.deep;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.Locale;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.check.SeedRecord;
import org.advsharp.check.Table;
import org.advsharp.deep.AdversarialTrainer;
import org.advsharp.deep.DeepTolerances;
import org.advsharp.deep.LinearSoftmax;
import org.advsharp.deep.NetworkSharpness;
import org.advsharp.deep.PgdSettings;
import org.advsharp.deep.SharpnessMeter;
import org.advsharp.deep.SharpnessSettings;
import org.advsharp.deep.TrainedModel;
import org.advsharp.deep.TrainingSettings;
import org.advsharp.deep.TwoClassData;
import org.advsharp.deep.engine.DjlEnvironment;
import org.advsharp.numerics.EjmlSymmetricEigenSolver;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.oracle.HessianDecomposition;

/**
 * inst:deep-calibration: the whole deep pipeline (adversarial training, then the top eigenvalue of the robust
 * loss's Hessian with the attack recomputed, H, and frozen, A) on the K = 2 linear softmax model reproduces the
 * oracle's lambda_max(H) and lambda_max(A) at the trained weights. With W = (w_1, w_2) and u = w_1 - w_2 = C W,
 * C C^T = 2 I, the nonzero spectrum of the Hessian in W is twice that of the Hessian in u, so the deep values
 * are compared with 2 x oracle within {@link DeepTolerances#CALIBRATION_RELATIVE}.
 */
final class CalibrationAgainstOracle implements Check {
    private static final int DIMENSION = 8;
    private static final int EXAMPLES = 64;
    private static final double EPS = 0.2;
    private static final double MARGIN = 0.3;

    @Override
    public String id() {
        return "deep-calibration-binary-linear";
    }

    @Override
    public String claimId() {
        return "inst:deep-calibration";
    }

    @Override
    public String title() {
        return "the whole deep pipeline on K = 2 linear softmax reproduces the oracle's lambda_max(H), lambda_max(A)";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        long seed = context.seed();
        int d = DIMENSION;
        TwoClassData data = TwoClassData.generate(d, EXAMPLES, 0.08, 0.08, MARGIN, seed);
        LinearSoftmax net = new LinearSoftmax(d, 2, false, 1.0);
        TrainingSettings training = new TrainingSettings(20, 16, 0.5, 0.9, 0.0, new int[] {15}, 0.1, 1,
                PgdSettings.MADRY_STEP_FACTOR, false, seed, DataType.FLOAT64);
        // Lanczos to the full dimension 2d of weight space with no early stop: exact in exact arithmetic
        SharpnessSettings sharpness = SharpnessSettings.eigenvaluesOnly(EXAMPLES, 1, 2 * d, seed);
        double deepH;
        double deepA;
        double[] u = new double[d];
        long start = System.nanoTime();
        try (NDManager m = DjlEnvironment.engine().newBaseManager();
             TrainedModel model = AdversarialTrainer.train(net, data.examples(), EPS, training, m, s -> { })) {
            NetworkSharpness s = SharpnessMeter.measure(model, data.examples(), sharpness, m, line -> { });
            deepH = s.reattacked().value();
            deepA = s.frozen().value();
            evidence.fact("lambda_max(H), lambda_max(A): relative residual, converged, unresolved kinks",
                    String.format(Locale.ROOT, "%.1e, %s, %d; %.1e, %s, %d", s.reattacked().residual(),
                            s.reattacked().converged(), s.reattacked().unresolvedKinks(), s.frozen().residual(),
                            s.frozen().converged(), s.frozen().unresolvedKinks()));
            double[] flat = model.weights().toDoubleArray();
            for (int j = 0; j < d; j++) {
                u[j] = flat[j] - flat[d + j];
            }
        }
        double millis = (System.nanoTime() - start) / 1e6;
        HessianDecomposition oracle = new AdversarialLoss(data.oracle(), EPS).hessian(u);
        EjmlSymmetricEigenSolver solver = new EjmlSymmetricEigenSolver();
        double oracleH = solver.decompose(oracle.full()).eigenvalues()[0];
        double oracleA = solver.decompose(oracle.fixedInputPart()).eigenvalues()[0];
        double errH = Math.abs(deepH - 2 * oracleH) / (2 * oracleH);
        double errA = Math.abs(deepA - 2 * oracleA) / (2 * oracleA);
        evidence.seed(new SeedRecord("two-class data, initial weights and Lanczos start", seed,
                context.replayCommand()));
        evidence.fact("d, N, eps", d + ", " + EXAMPLES + ", " + EPS);
        evidence.fact("||u|| at the trained weights", Vectors.norm(u));
        evidence.fact("kappa at the trained weights", oracle.kappa());
        evidence.cost("pipeline time (training + measurement), ms", Math.round(millis));
        evidence.table(new Table("deep pipeline (weights W in R^{2 x d}) against the oracle (u = w_1 - w_2)",
                List.of("quantity", "deep", "2 x oracle", "relative error"), List.of(
                List.of("lambda_max(H), attack recomputed", DeepFormat.sci(deepH), DeepFormat.sci(2 * oracleH),
                        DeepFormat.sci(errH)),
                List.of("lambda_max(A), attack frozen", DeepFormat.sci(deepA), DeepFormat.sci(2 * oracleA),
                        DeepFormat.sci(errA)))));
        evidence.measure(Measurement.atMost("|lambda_max(H) deep - 2 oracle| / (2 oracle)", errH,
                DeepTolerances.CALIBRATION_RELATIVE, "DeepTolerances.CALIBRATION_RELATIVE"));
        evidence.measure(Measurement.atMost("|lambda_max(A) deep - 2 oracle| / (2 oracle)", errA,
                DeepTolerances.CALIBRATION_RELATIVE, "DeepTolerances.CALIBRATION_RELATIVE"));
        return String.format(Locale.ROOT, "The deep pipeline gave lambda_max(H) = %.6g and lambda_max(A) = %.6g against "
                + "2 x oracle %.6g and %.6g (relative errors %.1e, %.1e).", deepH, deepA, 2 * oracleH, 2 * oracleA,
                errH, errA);
    }
}
