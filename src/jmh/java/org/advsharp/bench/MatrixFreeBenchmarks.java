package org.advsharp.bench;

import java.util.concurrent.TimeUnit;
import org.advsharp.data.Dataset;
import org.advsharp.data.FashionMnist;
import org.advsharp.numerics.Lanczos;
import org.advsharp.numerics.LanczosResult;
import org.advsharp.numerics.Tolerances;
import org.advsharp.training.AdversarialKernel;
import org.advsharp.training.EpsilonSweep;
import org.advsharp.training.PointSharpness;
import org.advsharp.training.Solver;
import org.advsharp.training.SweepResult;
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
 * The matrix-free path on the problem: Fashion-MNIST sneaker vs ankle boot, all 12,000 training
 * images of the two classes (N = 12,000, d = 784, pixels in [0, 1]), lambda = 1e-3 (needs Debian's
 * dataset-fashion-mnist).
 *
 * <ul>
 *   <li>{@link #lambdaMaxAtHalfCritical}: lambda_max(H) at w*(eps_c / 2) by Lanczos on Hessian-vector
 *       products, residual checked against Tolerances.LANCZOS_RESIDUAL (the curvature pass at w included);</li>
 *   <li>{@link #matrixFreeSweepOfTenRadii}: the sweep eps/eps_c = 0, 0.1, ..., 0.9 by the matrix-free solver
 *       (training and measuring lambda_max of H and A, trace and kappa at every radius).</li>
 * </ul>
 * {@code threads} is the thread count of the row blocks (the numbers do not depend on it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MatrixFreeBenchmarks {
    @Param({"1", "2"})
    public int threads;

    Dataset data;
    AdversarialKernel kernel;
    double[] w;

    @Setup(Level.Trial)
    public void setUp() {
        data = FashionMnist.pair(7, 9, 6000);
        double epsilon = BenchProblem.halfCritical(data);
        SweepResult s = EpsilonSweep.measured(data, BenchProblem.LAMBDA, EpsilonSweep.Grid.ofRatios(0.0, 0.5),
                Solver.MATRIX_FREE, threads, EpsilonSweep.Progress.NONE, false);
        w = s.points().get(1).result().w();
        kernel = new AdversarialKernel(data, epsilon, BenchProblem.LAMBDA, threads);
    }

    @Benchmark
    public LanczosResult lambdaMaxAtHalfCritical() {
        LanczosResult r = Lanczos.topK(kernel.curvature(w).hessian(), 1, PointSharpness.LANCZOS_MAX_STEPS,
                PointSharpness.LANCZOS_SEED);
        if (!(r.residualNorms()[0] <= Tolerances.LANCZOS_RESIDUAL * r.eigenvalues()[0])) {
            throw new IllegalStateException("Lanczos residual " + r.residualNorms()[0] + " not certified");
        }
        return r;
    }

    @Benchmark
    public SweepResult matrixFreeSweepOfTenRadii() {
        return BenchProblem.converged(EpsilonSweep.measured(data, BenchProblem.LAMBDA,
                EpsilonSweep.Grid.ofRatios(BenchProblem.TEN_RATIOS), Solver.MATRIX_FREE, threads,
                EpsilonSweep.Progress.NONE, false), "not every radius converged");
    }
}
