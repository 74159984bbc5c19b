package org.advsharp.numerics;

/**
 * The top-k Ritz pairs found by {@link Lanczos#topK}.
 *
 * @param eigenvalues   the k largest Ritz values, descending
 * @param eigenvectors  eigenvectors[i] is the unit Ritz vector of eigenvalues[i], canonical sign (largest
 *                      |entry| positive, lowest index on ties)
 * @param residualNorms residualNorms[i] = ||A y_i - theta_i y_i||_2 recomputed with the operator (not the
 *                      cheap Lanczos estimate); an eigenvalue of A lies within it of theta_i
 * @param iterations    the Lanczos steps taken, that is the dimension of the search space built
 *                      (including restarts after an invariant subspace was found)
 * @param converged     whether every residual estimate met the stopping rule or the space was exhausted
 */
public record LanczosResult(double[] eigenvalues, double[][] eigenvectors, double[] residualNorms,
                            int iterations, boolean converged) {

    /** Copies the arrays. */
    public LanczosResult {
        eigenvalues = eigenvalues.clone();
        residualNorms = residualNorms.clone();
        eigenvectors = deepCopy(eigenvectors);
    }

    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    @Override
    public double[][] eigenvectors() {
        return deepCopy(eigenvectors);
    }

    @Override
    public double[] residualNorms() {
        return residualNorms.clone();
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
