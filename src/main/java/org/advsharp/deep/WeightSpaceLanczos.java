package org.advsharp.deep;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The top eigenvalue of a symmetric operator given only by products v -> H v, by the Lanczos process with
 * full re-orthogonalisation (claim exp:resnet-paper-scale and its reduced CPU configuration, inst:deep-calibration):
 *
 * <pre>
 *   q_1 = random unit vector;  r = H q_j - beta_{j-1} q_{j-1};  alpha_j = q_j . r;  r -= alpha_j q_j;
 *   r -= sum_i (q_i . r) q_i (twice);  beta_j = ||r||;  q_{j+1} = r / beta_j
 *   T_j = tridiag(beta, alpha, beta);  theta_j = lambda_max(T_j)
 * </pre>
 *
 * <p>theta_j rises to lambda_max(H) (Kaniel-Paige); the iteration stops when |theta_j - theta_{j-1}| <=
 * relTol |theta_j| (after at least {@link #MIN_STEPS} steps), when beta_j vanishes (an invariant subspace:
 * theta_j is then exact) or after maxSteps. The start vector is seeded.
 */
public final class WeightSpaceLanczos {
    /** Fewest steps before the stopping rule is consulted (one step gives only a Rayleigh quotient). */
    public static final int MIN_STEPS = 3;
    /** beta below this times |alpha| means an invariant subspace was found. */
    private static final double BREAKDOWN = 1e-10;

    private WeightSpaceLanczos() {
    }

    /**
     * @param hvp      the operator
     * @param maxSteps most Hessian-vector products, >= 1
     * @param relTol   relative change of the top Ritz value that ends the iteration, >= 0
     * @param seed     seeds the Gaussian start vector
     * @param type     tensor type of the Lanczos vectors
     * @param parent   a manager for the Lanczos vectors (freed before returning)
     */
    public static TopEigenvalue topEigenvalue(HessianVectorProduct hvp, int maxSteps, double relTol, long seed,
                                              DataType type, NDManager parent) {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("Lanczos: maxSteps = " + maxSteps + " must be >= 1");
        }
        if (!(relTol >= 0)) {
            throw new IllegalArgumentException("Lanczos: relTol = " + relTol + " must be >= 0");
        }
        List<Double> alphas = new ArrayList<>();
        List<Double> betas = new ArrayList<>();
        List<Double> history = new ArrayList<>();
        List<Double> millis = new ArrayList<>();
        boolean converged = false;
        try (NDManager m = parent.newSubManager()) {
            WeightVector g = gaussian(hvp.at(), seed, type, m);
            WeightVector q = replace(g, g.times(1 / g.norm(), m));
            List<WeightVector> basis = new ArrayList<>();
            basis.add(q);
            double theta = Double.NaN;
            for (int j = 0; j < maxSteps; j++) {
                long t0 = System.nanoTime();
                WeightVector r = hvp.apply(basis.get(j), m);
                millis.add((System.nanoTime() - t0) / 1e6);
                if (j > 0) {
                    r = replace(r, r.plus(-betas.get(j - 1), basis.get(j - 1), m));
                }
                double alpha = basis.get(j).dot(r);
                alphas.add(alpha);
                r = replace(r, r.plus(-alpha, basis.get(j), m));
                for (int pass = 0; pass < 2; pass++) {
                    for (WeightVector qi : basis) {
                        r = replace(r, r.plus(-qi.dot(r), qi, m));
                    }
                }
                double previous = theta;
                theta = largestRitzValue(alphas, betas);
                history.add(theta);
                double beta = r.norm();
                if (j + 1 >= MIN_STEPS && Math.abs(theta - previous) <= relTol * Math.abs(theta)) {
                    converged = true;
                    break;
                }
                if (beta <= BREAKDOWN * Math.max(Math.abs(alpha), Double.MIN_NORMAL)) {
                    converged = true;
                    break;
                }
                betas.add(beta);
                basis.add(replace(r, r.times(1 / beta, m)));
            }
            return new TopEigenvalue(theta, history.size(), history, millis, converged, hvp.method());
        }
    }

    /** Frees {@code old} (an intermediate) and returns {@code next}. */
    private static WeightVector replace(WeightVector old, WeightVector next) {
        old.close();
        return next;
    }

    /** The largest eigenvalue of the symmetric tridiagonal matrix with the given diagonals. */
    static double largestRitzValue(List<Double> alphas, List<Double> betas) {
        int k = alphas.size();
        if (k == 1) {
            return alphas.get(0);
        }
        double[] main = new double[k];
        double[] off = new double[k - 1];
        for (int i = 0; i < k; i++) {
            main[i] = alphas.get(i);
        }
        for (int i = 0; i < k - 1; i++) {
            off[i] = betas.get(i);
        }
        double[] eig = new EigenDecomposition(main, off).getRealEigenvalues();
        double max = Double.NEGATIVE_INFINITY;
        for (double e : eig) {
            max = Math.max(max, e);
        }
        return max;
    }

    /** A seeded standard Gaussian vector with the layout of {@code like}. */
    public static WeightVector gaussian(WeightVector like, long seed, DataType type, NDManager into) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[Math.toIntExact(like.dimension())];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        return WeightVector.fromDoubleArray(like.specs(), values, type, into);
    }
}
