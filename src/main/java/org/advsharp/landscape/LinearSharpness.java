package org.advsharp.landscape;

import org.advsharp.data.Dataset;
import org.advsharp.numerics.SymmetricEigenSolvers;
import org.advsharp.numerics.SymmetricSpectrum;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.oracle.HessianDecomposition;
import org.advsharp.oracle.LinfAdversarialLoss;
import org.advsharp.oracle.RandomNoiseLoss;

/**
 * Exact (dense) sharpness of the linear model's LOSS at w, without weight decay (weight decay adds
 * lambda to every eigenvalue and d lambda to the trace, and changes no trend): eigenvalues of
 * H = A + kappa P and of its fixed-input part A from the oracle's decomposition (prop:decomposition),
 * by the EJML symmetric solver. Used by the experiment checks for moderate d.
 *
 * @param lambdaMaxH      lambda_max(H)
 * @param lambdaMaxA      lambda_max(A)
 * @param traceH          trace(H) = trace(A) + (d - 1) kappa
 * @param traceA          trace(A)
 * @param kappa           kappa = (eps/||w||) (1/N) sum sigma(-m_n) (0 for losses with no direction term)
 * @param curvatureAlongW w_hat^T H w_hat = (1/N) sum s(m_n) m_n^2 / ||w||^2 (NaN for non-L2 losses)
 * @param weightNorm      ||w||
 */
public record LinearSharpness(double lambdaMaxH, double lambdaMaxA, double traceH, double traceA, double kappa,
                              double curvatureAlongW, double weightNorm) {

    /** The L2 adversarial loss at radius eps. */
    public static LinearSharpness adversarial(Dataset data, double epsilon, double[] w) {
        HessianDecomposition h = new AdversarialLoss(data, epsilon).hessian(w);
        SymmetricSpectrum full = SymmetricEigenSolvers.standard().decompose(h.full());
        SymmetricSpectrum fixed = SymmetricEigenSolvers.standard().decompose(h.fixedInputPart());
        return new LinearSharpness(full.largest(), fixed.largest(), full.trace(), fixed.trace(), h.kappa(),
                h.curvatureAlongWeight(), h.weightNorm());
    }

    /** The clean loss on fixed noisy inputs (no direction term: H = A). */
    public static LinearSharpness randomNoise(Dataset data, double[][] noise, double[] w) {
        SymmetricSpectrum s = SymmetricEigenSolvers.standard().decompose(new RandomNoiseLoss(data, noise).hessian(w));
        return new LinearSharpness(s.largest(), s.largest(), s.trace(), s.trace(), 0.0, Double.NaN, Vectors.norm(w));
    }

    /** The Linf adversarial loss (no direction term: H = A, defined off the kinks). */
    public static LinearSharpness linf(Dataset data, double epsilon, double[] w) {
        SymmetricSpectrum s = SymmetricEigenSolvers.standard().decompose(new LinfAdversarialLoss(data, epsilon).hessian(w));
        return new LinearSharpness(s.largest(), s.largest(), s.trace(), s.trace(), 0.0, Double.NaN, Vectors.norm(w));
    }
}
