package org.advsharp.training;

import org.advsharp.data.Dataset;
import org.advsharp.numerics.Lanczos;
import org.advsharp.numerics.LanczosResult;
import org.advsharp.numerics.LinearOperator;
import org.advsharp.numerics.SymmetricEigenSolvers;
import org.advsharp.numerics.SymmetricSpectrum;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.oracle.HessianDecomposition;
import org.advsharp.oracle.MarginAdversarialLoss;
import org.advsharp.oracle.MarginLoss;
import org.ejml.data.DMatrixRMaj;

/**
 * The sharpness of the mean L2 adversarial LOSS (no weight decay) at one trained w, as a sweep reports
 * it, by either solver.
 *
 * @param lambdaMaxH         lambda_max(H), H = A + kappa P
 * @param residualH          ||H v - lambda_max v|| for the computed unit eigenvector v: an eigenvalue of H lies
 *                           within it of lambda_max (recomputed with the operator, not Lanczos' estimate)
 * @param lambdaMaxA         lambda_max(A), the fixed-input part
 * @param residualA          the same residual for A
 * @param traceH             trace H = trace A + kappa (d - 1), exact
 * @param traceA             trace A = (1/N) sum s_n ||x'_n||^2, exact
 * @param kappa              kappa = (eps/||w||) (1/N) sum sigma(-m_n), exact
 * @param weightNorm         ||w||
 * @param solver             which path measured it
 * @param hessianProducts    Hessian-vector products the Lanczos runs used (0 for dense)
 */
public record PointSharpness(double lambdaMaxH, double residualH, double lambdaMaxA, double residualA, double traceH,
                             double traceA, double kappa, double weightNorm, Solver solver, int hessianProducts) {

    /**
     * Lanczos steps allowed per eigenvalue. The top eigenvalue of these Hessians is well separated (the
     * data's mean direction), so Lanczos converges in a few dozen steps; 300 is a generous cap.
     */
    public static final int LANCZOS_MAX_STEPS = 300;
    /** Seed of Lanczos' start vector (the result does not depend on it beyond the residual). */
    public static final long LANCZOS_SEED = 20210205L;

    /** Dense: the oracle's H and A, all eigenvalues by the standard symmetric solver. */
    public static PointSharpness dense(Dataset data, double epsilon, double[] w) {
        return dense(new AdversarialLoss(data, epsilon).hessian(w));
    }

    /** Dense, for the margin loss l: the oracle's H and A of {@link MarginAdversarialLoss}. */
    public static PointSharpness dense(Dataset data, MarginLoss loss, double epsilon, double[] w) {
        return dense(new MarginAdversarialLoss(data, loss, epsilon).hessian(w));
    }

    private static PointSharpness dense(HessianDecomposition h) {
        DMatrixRMaj full = h.full();
        DMatrixRMaj fixed = h.fixedInputPart();
        SymmetricSpectrum sh = SymmetricEigenSolvers.standard().decompose(full);
        SymmetricSpectrum sa = SymmetricEigenSolvers.standard().decompose(fixed);
        return new PointSharpness(sh.largest(), topResidual(full, sh), sa.largest(), topResidual(fixed, sa), sh.trace(),
                sa.trace(), h.kappa(), h.weightNorm(), Solver.DENSE, 0);
    }

    /** Matrix-free: Lanczos on Hessian-vector products for lambda_max of H and of A; trace and kappa exact. */
    public static PointSharpness matrixFree(AdversarialKernel kernel, double[] w) {
        AdversarialKernel.Curvature c = kernel.curvature(w);
        int d = w.length;
        int steps = Math.min(LANCZOS_MAX_STEPS, d);
        LanczosResult h = Lanczos.topK(c.hessian(), 1, steps, LANCZOS_SEED);
        LanczosResult a = Lanczos.topK(c.fixedInputPart(), 1, steps, LANCZOS_SEED);
        return new PointSharpness(h.eigenvalues()[0], h.residualNorms()[0], a.eigenvalues()[0], a.residualNorms()[0],
                c.traceH(), c.traceA(), c.kappa(), c.weightNorm(), Solver.MATRIX_FREE,
                h.iterations() + a.iterations() + 2);
    }

    /** Either path. */
    public static PointSharpness of(Solver solver, AdversarialKernel kernel, Dataset data, double epsilon,
                                    double[] w) {
        return solver == Solver.DENSE ? dense(data, epsilon, w) : matrixFree(kernel.atEpsilon(epsilon), w);
    }

    private static double topResidual(DMatrixRMaj m, SymmetricSpectrum s) {
        double[] v = s.eigenvector(0);
        double[] mv = new double[v.length];
        LinearOperator.of(m).apply(v, mv);
        double sum = 0;
        for (int j = 0; j < v.length; j++) {
            double r = mv[j] - s.largest() * v[j];
            sum += r * r;
        }
        return Math.sqrt(sum);
    }
}
