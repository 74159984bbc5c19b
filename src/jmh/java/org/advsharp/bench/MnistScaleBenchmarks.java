package org.advsharp.bench;

import java.util.concurrent.TimeUnit;
import org.advsharp.data.Dataset;
import org.advsharp.data.GaussianMixture;
import org.advsharp.landscape.LinearHessianOperator;
import org.advsharp.numerics.Lanczos;
import org.advsharp.numerics.LanczosResult;
import org.advsharp.numerics.SymmetricEigenSolvers;
import org.advsharp.numerics.SymmetricSpectrum;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.oracle.CriticalRadius;
import org.advsharp.training.EpsilonSweep;
import org.advsharp.training.NewtonTrainer;
import org.advsharp.training.SweepResult;
import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The sharpness pipeline at MNIST scale on synthetic data: N = 12,000 samples, d = 784 features (a
 * seeded Gaussian mixture, class means at distance 1 along a random direction, noise sd 0.05 per
 * feature, so ||x|| is about 1.7 as for scaled images), radius eps = eps_c / 2, weight decay 1e-3.
 *
 * <ul>
 *   <li>{@link #formHessian}: H = A + kappa P of the mean adversarial loss (dense, N d^2 multiply-adds
 *       through EJML's multi-threaded multInner above a work threshold);</li>
 *   <li>{@link #formHessianAndFullSpectrum}: the same plus all 784 eigenvalues (EJML symmetric QR);</li>
 *   <li>{@link #lanczosTopEigenvalue}: lambda_max(H) matrix-free (Hessian-vector products, 2 N d each);</li>
 *   <li>{@link #newtonSweepOfTenRadii}: Newton with warm starts at 10 radii eps/eps_c = 0 ... 0.9.</li>
 * </ul>
 *
 * {@code threads} caps EJML's worker pool (EjmlConcurrency.setMaxThreads); 1 is the sequential baseline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MnistScaleBenchmarks {
    static final int N = 12_000;
    static final int D = 784;
    static final long SEED = 20210205L;

    @Param({"1", "2"})
    public int threads;

    Dataset data;
    double epsilon;
    double[] w;

    @Setup(Level.Trial)
    public void setUp() {
        EjmlConcurrency.setMaxThreads(threads);
        data = GaussianMixture.sample(SEED, N, D, 1.0, 0.05);
        epsilon = BenchProblem.halfCritical(data);
        // A fixed nonzero weight vector: mean(y x), scaled to norm 5 (trained weights have norm of this order).
        w = CriticalRadius.meanSignedInput(data);
        double norm = 0;
        for (double v : w) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        for (int j = 0; j < w.length; j++) {
            w[j] *= 5 / norm;
        }
    }

    @Benchmark
    public DMatrixRMaj formHessian() {
        return new AdversarialLoss(data, epsilon).hessian(w).full();
    }

    @Benchmark
    public SymmetricSpectrum formHessianAndFullSpectrum() {
        return SymmetricEigenSolvers.standard().decompose(new AdversarialLoss(data, epsilon).hessian(w).full());
    }

    @Benchmark
    public LanczosResult lanczosTopEigenvalue() {
        return Lanczos.topK(new LinearHessianOperator(data, epsilon, BenchProblem.LAMBDA, w, true), 1, 300, SEED);
    }

    @Benchmark
    public SweepResult newtonSweepOfTenRadii() {
        return BenchProblem.converged(EpsilonSweep.adversarial(data, BenchProblem.LAMBDA, BenchProblem.TEN_RATIOS,
                new NewtonTrainer()), "Newton did not converge at every radius");
    }
}
