package org.advsharp.checks.instruments;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.FunctionalCheck;
import org.advsharp.check.Measurement;
import org.advsharp.check.SeedRecord;
import org.advsharp.checks.CheckTolerances;
import org.advsharp.data.Dataset;
import org.advsharp.numerics.CommonsMathSymmetricEigenSolver;
import org.advsharp.numerics.Derivatives;
import org.advsharp.numerics.EjmlSymmetricEigenSolver;
import org.advsharp.numerics.FiniteDifferences;
import org.advsharp.numerics.ForwardModeAdversarialLoss;
import org.advsharp.numerics.HutchinsonTrace;
import org.advsharp.numerics.Lanczos;
import org.advsharp.numerics.LanczosResult;
import org.advsharp.numerics.LinearOperator;
import org.advsharp.numerics.PowerIteration;
import org.advsharp.numerics.PowerResult;
import org.advsharp.numerics.SymmetricSpectrum;
import org.advsharp.numerics.Tolerances;
import org.advsharp.numerics.TraceEstimate;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.oracle.Logistic;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Checks of the suite's own instruments (claims inst:eigen-solvers, inst:lanczos, inst:hutchinson,
 * inst:derivatives): every other verdict rests on them.
 */
public final class InstrumentChecks {
    private static final int PLANTED_MATRICES = 100;
    private static final int MAX_PLANTED_DIMENSION = 30;
    private static final int OPERATOR_PROBLEMS = 40;
    /**
     * Repetitions of the coverage test: with 40,000 and the allowance
     * {@link Tolerances#HUTCHINSON_CHECK_COVERAGE_SLACK} = 0.005 the acceptance region for the 90% interval is
     * about [0.088, 0.112] of misses, so an interval 5 % too narrow (miss rate 0.1175) fails with power 0.999
     * (recorded with each run), and a 95% or an 80% interval in place of a 90% one fails for sure.
     */
    private static final int HUTCHINSON_REPETITIONS = 40_000;
    /** The interval the power is stated against: half-widths this fraction of the correct ones. */
    private static final double NARROWER_INTERVAL = 0.95;
    private static final int HUTCHINSON_PROBES = 30;
    private static final double HUTCHINSON_LEVEL = 0.9;
    private static final int LANCZOS_K = 3;

    private InstrumentChecks() {
    }

    public static List<Check> checks() {
        return List.of(
                new FunctionalCheck("eigen-solvers-agree-and-recover-planted-spectra", "inst:eigen-solvers",
                        "EJML and Commons Math recover planted spectra and agree with each other",
                        InstrumentChecks::eigenSolvers),
                new FunctionalCheck("lanczos-and-power-match-dense", "inst:lanczos",
                        "Lanczos top-3 and power iteration on adversarial Hessians match the dense spectrum",
                        InstrumentChecks::lanczos),
                new FunctionalCheck("hutchinson-interval-coverage", "inst:hutchinson",
                        "Hutchinson's estimate is unbiased (z-test against the known variance) and its 90% interval "
                                + "covers trace(H) at about its nominal rate, neither too rarely nor too often",
                        InstrumentChecks::hutchinson),
                new FunctionalCheck("derivative-instruments-on-known-functions", "inst:derivatives",
                        "finite differences and forward-mode autodiff on a loss with hand-derived derivatives",
                        InstrumentChecks::derivatives));
    }

    private static String eigenSolvers(CheckContext context, Evidence evidence) {
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

    private static String lanczos(CheckContext context, Evidence evidence) {
        long seed = context.seed("lanczos-problems");
        SplittableRandom random = new SplittableRandom(seed);
        EjmlSymmetricEigenSolver dense = new EjmlSymmetricEigenSolver();
        double worstLanczos = 0.0;
        double worstResidual = 0.0;
        double worstPower = 0.0;
        int problems = context.tries(OPERATOR_PROBLEMS);
        for (int t = 0; t < problems; t++) {
            int d = 4 + random.nextInt(40);
            DMatrixRMaj h = randomHessian(random, 60 + random.nextInt(100), d);
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
        return String.format(Locale.ROOT, "On %d adversarial Hessians Lanczos matched the dense top-3 to %.1e and power "
                + "iteration the top eigenvalue to %.1e (relative).", OPERATOR_PROBLEMS, worstLanczos, worstPower);
    }

    private static String hutchinson(CheckContext context, Evidence evidence) {
        long seed = context.seed("hutchinson-repetitions");
        SplittableRandom random = new SplittableRandom(seed);
        DMatrixRMaj h = randomHessian(random, 80, 12);
        double trace = CommonOps_DDRM.trace(h);
        // Var of one probe z^T H z with Rademacher z: 2 sum_{i != j} H_ij^2 (inst:hutchinson).
        double probeVariance = 0;
        for (int i = 0; i < h.numRows; i++) {
            for (int j = 0; j < h.numCols; j++) {
                probeVariance += i == j ? 0 : 2 * h.get(i, j) * h.get(i, j);
            }
        }
        int repetitions = context.tries(HUTCHINSON_REPETITIONS);
        int misses = 0;
        double sumOfMeans = 0;
        for (int r = 0; r < repetitions; r++) {
            TraceEstimate estimate = HutchinsonTrace.estimate(LinearOperator.of(h), HUTCHINSON_PROBES,
                    random.nextLong(), HUTCHINSON_LEVEL);
            sumOfMeans += estimate.mean();
            if (!estimate.covers(trace)) {
                misses++;
            }
        }
        double grandMean = sumOfMeans / repetitions;
        double standardError = Math.sqrt(probeVariance / ((double) repetitions * HUTCHINSON_PROBES));
        double z = (grandMean - trace) / standardError;
        double zLimit = new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
                .inverseCumulativeProbability(1 - Tolerances.COVERAGE_FALSE_ALARM / 2);
        double missRate = misses / (double) repetitions;
        double slack = Tolerances.HUTCHINSON_CHECK_COVERAGE_SLACK;
        double allowed = Tolerances.binomialUpperMissRate(1 - HUTCHINSON_LEVEL, slack, repetitions);
        double required = Tolerances.binomialLowerMissRate(1 - HUTCHINSON_LEVEL, slack, repetitions);
        // the miss rate of half-widths NARROWER_INTERVAL of the correct ones, by the t law of the interval
        org.apache.commons.math3.distribution.TDistribution t = new org.apache.commons.math3.distribution
                .TDistribution(null, HUTCHINSON_PROBES - 1);
        double narrowMiss = 2 * (1 - t.cumulativeProbability(NARROWER_INTERVAL
                * t.inverseCumulativeProbability(0.5 * (1 + HUTCHINSON_LEVEL))));
        evidence.fact("power of the coverage test against an interval " + Math.round(100 * (1 - NARROWER_INTERVAL))
                + " % too narrow (miss rate " + String.format(Locale.ROOT, "%.4f", narrowMiss) + ")",
                String.format(Locale.ROOT, "%.4f", Tolerances.coveragePower(narrowMiss, allowed,
                        repetitions)));
        evidence.seed(new SeedRecord(repetitions + " repetitions of " + HUTCHINSON_PROBES + " probes", seed,
                context.replayCommand()));
        evidence.fact("nominal miss rate", 1 - HUTCHINSON_LEVEL);
        evidence.fact("true trace, mean of the " + repetitions * HUTCHINSON_PROBES + " probes",
                trace + ", " + grandMean);
        evidence.fact("smallest bias the unbiasedness test detects with power 0.95 (relative to the trace)",
                String.format(Locale.ROOT, "%.2e", (zLimit + 1.645) * standardError / Math.abs(trace)));
        evidence.measure(Measurement.atMost("|mean of all probes - trace| / its standard error (known variance)",
                Math.abs(z), zLimit, "two-sided normal quantile at Tolerances.COVERAGE_FALSE_ALARM"));
        // A miss-rate test whose acceptance range reaches 0 or 1 cannot reject any interval: too few repetitions.
        if (required > 0 && allowed < 1) {
            evidence.measure(Measurement.atMost("observed miss rate of the " + (int) (100 * HUTCHINSON_LEVEL)
                    + "% interval (too narrow if above)", missRate, allowed, "Tolerances.binomialUpperMissRate(0.1, "
                    + "HUTCHINSON_CHECK_COVERAGE_SLACK, " + repetitions + ")"));
            evidence.measure(Measurement.atLeast("observed miss rate of the " + (int) (100 * HUTCHINSON_LEVEL)
                    + "% interval (too wide if below)", missRate, required, "Tolerances.binomialLowerMissRate(0.1, "
                    + "HUTCHINSON_CHECK_COVERAGE_SLACK, " + repetitions + ")"));
        } else {
            evidence.tooFewCases(repetitions + " repetitions cannot decide the coverage: the accepted miss rates ["
                    + required + ", " + allowed + "] reach 0 or 1");
        }
        return String.format(Locale.ROOT, "The mean of %d probes was %.2f standard errors from the true trace; the "
                + "90%% interval missed it in %d of %d repetitions (%.3f; accepted [%.3f, %.3f]).",
                repetitions * HUTCHINSON_PROBES, z, misses, repetitions, missRate, required,
                allowed);
    }

    /**
     * One sample x = 2, y = +1 in d = 1: for w > 0 the adversarial loss is softplus(-(2 - eps) w), whose
     * derivatives are written by hand here, independent of every oracle.
     */
    private static String derivatives(CheckContext context, Evidence evidence) {
        Dataset one = Dataset.of(new double[][] {{2.0}}, new double[] {1.0});
        double worstFd = 0.0;
        double worstAd = 0.0;
        for (double eps : new double[] {0.0, 0.4, 1.5}) {
            for (double w : new double[] {0.1, 0.5, 2.0, 7.0}) {
                double c = 2.0 - eps;
                double value = Logistic.softplus(-c * w);
                double first = -c * Logistic.sigmoid(-c * w);
                double second = c * c * Logistic.curvature(c * w);
                AdversarialLoss loss = new AdversarialLoss(one, eps);
                double fdFirst = FiniteDifferences.gradient(loss::value, new double[] {w})[0];
                double fdSecond = FiniteDifferences.hessianFromValues(loss::value, new double[] {w}).get(0, 0);
                worstFd = Math.max(worstFd, Math.max(Math.abs(fdFirst - first) / Math.abs(first),
                        Math.abs(fdSecond - second) / Math.abs(second)));
                Derivatives ad = ForwardModeAdversarialLoss.evaluate(one, eps, new double[] {w});
                worstAd = Math.max(worstAd, Math.max(Math.abs(ad.value() - value) / value,
                        Math.max(Math.abs(ad.gradient()[0] - first) / Math.abs(first),
                                Math.abs(ad.hessian().get(0, 0) - second) / Math.abs(second))));
            }
        }
        evidence.measure(Measurement.atMost("max relative error of second differences on the 1-D loss", worstFd,
                CheckTolerances.FD_HESSIAN_FROM_VALUES));
        evidence.measure(Measurement.atMost("max relative error of forward-mode autodiff on the 1-D loss", worstAd,
                CheckTolerances.AUTODIFF_VS_CLOSED_FORM));
        return String.format(Locale.ROOT, "On a loss with hand-derived derivatives, finite differences erred by at most "
                + "%.1e and autodiff by %.1e (relative).", worstFd, worstAd);
    }

    /** An adversarial Hessian of a random Gaussian problem with N rows and d features. */
    static DMatrixRMaj randomHessian(SplittableRandom random, int n, int d) {
        double[][] rows = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2 == 0 ? 1 : -1;
            for (int j = 0; j < d; j++) {
                rows[i][j] = gaussian(random) + (j == 0 ? y[i] : 0);
            }
        }
        double[] w = new double[d];
        for (int j = 0; j < d; j++) {
            w[j] = gaussian(random);
        }
        return new AdversarialLoss(Dataset.of(rows, y), 0.3 * random.nextDouble()).hessian(w).full();
    }

    /** Q diag(eigenvalues) Q^T with Q a product of d random Householder reflections. */
    static DMatrixRMaj plant(double[] eigenvalues, SplittableRandom random) {
        int n = eigenvalues.length;
        DMatrixRMaj q = CommonOps_DDRM.identity(n);
        for (int k = 0; k < n; k++) {
            double[] v = new double[n];
            double vv = 0.0;
            for (int i = 0; i < n; i++) {
                v[i] = gaussian(random);
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

    static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2.0 * Math.log1p(-random.nextDouble())) * Math.cos(2.0 * Math.PI * random.nextDouble());
    }
}
