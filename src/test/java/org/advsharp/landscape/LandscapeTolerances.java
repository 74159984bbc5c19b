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
}
