package org.advsharp.checks.training;

/**
 * The grids of eps/eps_c on which the headline, its conjectures and the experiments sweep: the full grid
 * and its two halves, which meet at eps_c / 2.
 */
final class RatioGrids {
    /** The sweep grid of eps/eps_c. */
    static final double[] FULL = {0.0, 0.1, 0.25, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95};
    /** Its lower part, eps <= eps_c / 2: the range of the pre-registered trend test. */
    static final double[] LOWER = {0.0, 0.1, 0.25, 0.4, 0.5};
    /** Its upper part, eps >= eps_c / 2. */
    static final double[] UPPER = {0.5, 0.6, 0.7, 0.8, 0.9, 0.95};

    private RatioGrids() {
    }
}
