package org.advsharp.landscape;

import java.util.SplittableRandom;
import org.advsharp.numerics.LinearOperator;
import org.advsharp.numerics.SymmetricEigenSolvers;
import org.advsharp.numerics.SymmetricSpectrum;
import org.advsharp.numerics.Vectors;
import org.ejml.data.DMatrixRMaj;

/**
 * Stochastic Lanczos quadrature (SLQ; Golub and Meurant; used for neural-network Hessians by Ghorbani
 * et al. 2019) for the spectral density of a symmetric operator A known through products.
 *
 * <p>For a unit probe v, v^T f(A) v = sum_i (v^T u_i)^2 f(lambda_i) is an integral of f against the
 * measure mu_v = sum_i (v^T u_i)^2 delta_{lambda_i}; m Lanczos steps from v give the m-point Gauss rule of
 * mu_v: nodes theta_k = eigenvalues of T_m, weights tau_k = (first component of the k-th eigenvector of
 * T_m)^2, exact for polynomials of degree <= 2m - 1. For v with independent Rademacher entries divided
 * by sqrt(d), E[(v^T u_i)^2] = 1/d, so mu_v is an unbiased estimate of the spectral density
 * (1/d) sum_i delta_{lambda_i}; averaging over probes reduces the variance.
 */
public final class StochasticLanczosQuadrature {
    private StochasticLanczosQuadrature() {
    }

    /**
     * @param op     symmetric operator of dimension d
     * @param steps  Lanczos steps per probe, 1 <= steps (capped at d)
     * @param probes number of Rademacher probes, >= 1
     * @param seed   seed of the probes
     */
    public static SpectralDensity estimate(LinearOperator op, int steps, int probes, long seed) {
        if (op == null) {
            throw new IllegalArgumentException("SLQ: operator is missing (null)");
        }
        if (steps < 1 || probes < 1) {
            throw new IllegalArgumentException("SLQ: steps = " + steps + " and probes = " + probes
                    + " must both be at least 1");
        }
        int d = op.dimension();
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] vectors = new double[probes][d];
        double inv = 1.0 / Math.sqrt(d);
        for (int p = 0; p < probes; p++) {
            for (int i = 0; i < d; i++) {
                vectors[p][i] = rng.nextBoolean() ? inv : -inv;
            }
        }
        return estimate(op, steps, vectors);
    }

    /**
     * SLQ with the given probe vectors (each is normalised to unit length first); the Gauss rule of
     * probe v reproduces v^T A^p v / (v^T v) exactly for p <= 2 steps - 1.
     */
    public static SpectralDensity estimate(LinearOperator op, int steps, double[][] probeVectors) {
        if (op == null || probeVectors == null || probeVectors.length == 0) {
            throw new IllegalArgumentException("SLQ: need an operator and at least one probe vector");
        }
        if (steps < 1) {
            throw new IllegalArgumentException("SLQ: steps = " + steps + " must be at least 1");
        }
        int d = op.dimension();
        int probes = probeVectors.length;
        double[][] nodes = new double[probes][];
        double[][] weights = new double[probes][];
        int total = 0;
        for (int p = 0; p < probes; p++) {
            if (probeVectors[p] == null || probeVectors[p].length != d) {
                throw new IllegalArgumentException("SLQ: probe " + p + " must have " + d + " entries");
            }
            double len = Vectors.norm(probeVectors[p]);
            if (!(len > 0) || !Double.isFinite(len)) {
                throw new IllegalArgumentException("SLQ: probe " + p + " has norm " + len + "; it must be finite, nonzero");
            }
            double[] v = probeVectors[p].clone();
            for (int i = 0; i < d; i++) {
                v[i] /= len;
            }
            LanczosTridiagonal.Tridiagonal t = LanczosTridiagonal.run(op, v, steps);
            int k = t.size();
            DMatrixRMaj tm = new DMatrixRMaj(k, k);
            for (int i = 0; i < k; i++) {
                tm.set(i, i, t.alpha()[i]);
                if (i + 1 < k) {
                    tm.set(i, i + 1, t.beta()[i]);
                    tm.set(i + 1, i, t.beta()[i]);
                }
            }
            SymmetricSpectrum s = SymmetricEigenSolvers.standard().decompose(tm);
            nodes[p] = s.eigenvalues();
            weights[p] = new double[k];
            for (int i = 0; i < k; i++) {
                double first = s.eigenvector(i)[0];
                weights[p][i] = first * first / probes;
            }
            total += k;
        }
        double[] allNodes = new double[total];
        double[] allWeights = new double[total];
        int at = 0;
        for (int p = 0; p < probes; p++) {
            System.arraycopy(nodes[p], 0, allNodes, at, nodes[p].length);
            System.arraycopy(weights[p], 0, allWeights, at, weights[p].length);
            at += nodes[p].length;
        }
        return new SpectralDensity(allNodes, allWeights, d, probes, steps);
    }
}
