package org.advsharp.checks.instruments;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.check.SeedRecord;
import org.advsharp.checks.CheckTolerances;
import org.advsharp.numerics.CommonsMathSymmetricEigenSolver;
import org.advsharp.numerics.EjmlSymmetricEigenSolver;
import org.advsharp.numerics.SymmetricSpectrum;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * inst:eigen-solvers: EJML and Commons Math recover planted spectra and agree with each other, on
 * {@value #PLANTED_MATRICES} matrices Q diag(lambda) Q^T of sizes 1 to {@value #MAX_PLANTED_DIMENSION}, every third
 * with repeated eigenvalues, negative ones included (as in Hessian differences).
 */
final class EigenSolversInstrument implements Check {
    private static final int PLANTED_MATRICES = 100;
    private static final int MAX_PLANTED_DIMENSION = 30;

    @Override
    public String id() {
        return "eigen-solvers-agree-and-recover-planted-spectra";
    }

    @Override
    public String claimId() {
        return "inst:eigen-solvers";
    }

    @Override
    public String title() {
        return "EJML and Commons Math recover planted spectra and agree with each other";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        long seed = context.seed("planted-spectra");
        SplittableRandom random = new SplittableRandom(seed);
        EjmlSymmetricEigenSolver ejml = new EjmlSymmetricEigenSolver();
        CommonsMathSymmetricEigenSolver commons = new CommonsMathSymmetricEigenSolver();
        double worstPlanted = 0.0;
        double worstAgreement = 0.0;
        int matrices = context.tries(PLANTED_MATRICES);
        for (int t = 0; t < matrices; t++) {
            int n = 1 + random.nextInt(MAX_PLANTED_DIMENSION);
            double[] planted = new double[n];
            for (int i = 0; i < n; i++) {
                // Every third matrix repeats eigenvalues, and negative ones occur, as in Hessian differences.
                planted[i] = t % 3 == 0 ? Math.floor(4 * random.nextDouble()) - 1 : 10 * random.nextDouble() - 3;
            }
            DMatrixRMaj m = plant(planted, random);
            double[] sorted = planted.clone();
            Arrays.sort(sorted);
            double scale = Math.max(Math.abs(sorted[0]), Math.abs(sorted[n - 1]));
            SymmetricSpectrum a = ejml.decompose(m);
            SymmetricSpectrum b = commons.decompose(m);
            for (int i = 0; i < n; i++) {
                double expected = sorted[n - 1 - i];
                worstPlanted = Math.max(worstPlanted, Math.max(Math.abs(a.eigenvalues()[i] - expected),
                        Math.abs(b.eigenvalues()[i] - expected)) / Math.max(scale, Double.MIN_NORMAL));
                worstAgreement = Math.max(worstAgreement, Math.abs(a.eigenvalues()[i] - b.eigenvalues()[i])
                        / Math.max(scale, Double.MIN_NORMAL));
            }
        }
        evidence.seed(new SeedRecord(matrices + " planted spectra", seed, context.replayCommand()));
        evidence.fact("planted matrices", matrices);
        evidence.measure(Measurement.atMost("max |computed - planted| / ||M||, both solvers", worstPlanted,
                CheckTolerances.PLANTED_SPECTRUM_RECOVERY));
        evidence.measure(Measurement.atMost("max |EJML - Commons Math| / ||M||", worstAgreement,
                CheckTolerances.EIGEN_SOLVER_AGREEMENT));
        return String.format(Locale.ROOT, "On %d planted spectra (sizes 1-%d, repeated and negative eigenvalues) both "
                + "solvers recovered the spectrum to %.1e and agreed to %.1e of ||M||.", matrices,
                MAX_PLANTED_DIMENSION, worstPlanted, worstAgreement);
    }

    /** Q diag(eigenvalues) Q^T with Q a product of d random Householder reflections. */
    private static DMatrixRMaj plant(double[] eigenvalues, SplittableRandom random) {
        int n = eigenvalues.length;
        DMatrixRMaj q = CommonOps_DDRM.identity(n);
        for (int k = 0; k < n; k++) {
            double[] v = new double[n];
            double vv = 0.0;
            for (int i = 0; i < n; i++) {
                v[i] = RandomMatrices.gaussian(random);
                vv += v[i] * v[i];
            }
            DMatrixRMaj reflector = CommonOps_DDRM.identity(n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    reflector.add(i, j, -2 * v[i] * v[j] / vv);
                }
            }
            DMatrixRMaj next = new DMatrixRMaj(n, n);
            CommonOps_DDRM.mult(q, reflector, next);
            q = next;
        }
        DMatrixRMaj qd = q.copy();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                qd.set(i, j, q.get(i, j) * eigenvalues[j]);
            }
        }
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(qd, q, m);
        return m;
    }
}
