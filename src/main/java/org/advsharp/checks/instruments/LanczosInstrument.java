package org.advsharp.checks.instruments;

import java.util.Locale;
import java.util.SplittableRandom;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.check.SeedRecord;
import org.advsharp.checks.CheckTolerances;
import org.advsharp.numerics.EjmlSymmetricEigenSolver;
import org.advsharp.numerics.Lanczos;
import org.advsharp.numerics.LanczosResult;
import org.advsharp.numerics.LinearOperator;
import org.advsharp.numerics.PowerIteration;
import org.advsharp.numerics.PowerResult;
import org.advsharp.numerics.Tolerances;
import org.ejml.data.DMatrixRMaj;

/**
 * inst:lanczos: on {@value #OPERATOR_PROBLEMS} adversarial Hessians of random Gaussian problems, given as
 * operators, Lanczos's top {@value #LANCZOS_K} eigenvalues and their residuals and power iteration's top
 * eigenvalue match the dense spectrum.
 */
final class LanczosInstrument implements Check {
    private static final int OPERATOR_PROBLEMS = 40;
    private static final int LANCZOS_K = 3;

    @Override
    public String id() {
        return "lanczos-and-power-match-dense";
    }

    @Override
    public String claimId() {
        return "inst:lanczos";
    }

    @Override
    public String title() {
        return "Lanczos top-3 and power iteration on adversarial Hessians match the dense spectrum";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        long seed = context.seed("lanczos-problems");
        SplittableRandom random = new SplittableRandom(seed);
        EjmlSymmetricEigenSolver dense = new EjmlSymmetricEigenSolver();
        double worstLanczos = 0.0;
        double worstResidual = 0.0;
        double worstPower = 0.0;
        int problems = context.tries(OPERATOR_PROBLEMS);
        for (int t = 0; t < problems; t++) {
            int d = 4 + random.nextInt(40);
            DMatrixRMaj h = RandomMatrices.adversarialHessian(random, 60 + random.nextInt(100), d);
            double[] exact = dense.decompose(h).eigenvalues();
            double scale = Math.max(exact[0], Double.MIN_NORMAL);
            LinearOperator op = LinearOperator.of(h);
            LanczosResult result = Lanczos.topK(op, LANCZOS_K, d, random.nextLong());
            for (int i = 0; i < LANCZOS_K; i++) {
                worstLanczos = Math.max(worstLanczos, Math.abs(result.eigenvalues()[i] - exact[i]) / scale);
                worstResidual = Math.max(worstResidual, result.residualNorms()[i] / scale);
            }
            PowerResult power = PowerIteration.top(op, 5_000, Tolerances.POWER_ITERATION_RESIDUAL, random.nextLong());
            worstPower = Math.max(worstPower, Math.abs(power.value() - exact[0]) / scale);
        }
        evidence.seed(new SeedRecord(problems + " adversarial Hessians as operators", seed,
                context.replayCommand()));
        evidence.measure(Measurement.atMost("max |Lanczos top-3 - dense| / lambda_max", worstLanczos,
                CheckTolerances.LANCZOS_RESIDUAL));
        evidence.measure(Measurement.atMost("max Lanczos residual ||H v - theta v|| / lambda_max", worstResidual,
                CheckTolerances.LANCZOS_RESIDUAL));
        evidence.measure(Measurement.atMost("max |power iteration - dense| / lambda_max", worstPower,
                CheckTolerances.POWER_ITERATION_RESIDUAL));
        return String.format(Locale.ROOT, "On %d adversarial Hessians Lanczos matched the dense top-3 to %.1e and "
                + "power iteration the top eigenvalue to %.1e (relative).", problems, worstLanczos,
                worstPower);
    }
}
