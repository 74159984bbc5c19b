package org.advsharp.landscape;

/** Named tolerances of the landscape tests, each with its reason. */
final class LandscapeTolerances {
    private LandscapeTolerances() {
    }

    /**
     * Two evaluations of the same formula in different orders (matrix-free product against the dense
     * oracle matrix, closed-form loss against the explicitly attacked loss) on O(1) data with N <= 200
     * terms: each sum carries a relative error of at most about N u = 4e-14; 1e-12 (relative to the
     * size of the quantity) leaves a factor 25 and is far below any dropped term.
     */
    static final double SAME_FORMULA = 1e-12;

    /**
     * Gauss quadrature from m Lanczos steps with full reorthogonalisation reproduces v^T A^p v for
     * p <= 2m - 1 up to the rounding of the Lanczos vectors (orthogonal to about m u ||A||) raised to the
     * p-th power: for ||A|| <= 10, p <= 7, d <= 30, relative 1e-9 covers it and catches any wrong
     * weight (a missing square or normalisation changes moments by O(1)).
     */
    static final double QUADRATURE_EXACTNESS = 1e-9;

    /**
     * Lanczos' top eigenvalue against the dense EJML value: numerics accepts a Ritz pair when its
     * residual is at most 1e-10 ||A|| (Tolerances.LANCZOS_RESIDUAL), and for a symmetric operator the
     * eigenvalue error is bounded by the residual; 1e-9 relative leaves a factor 10.
     */
    static final double LANCZOS_VS_DENSE = 1e-9;
}
