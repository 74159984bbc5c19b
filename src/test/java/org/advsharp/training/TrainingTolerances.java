package org.advsharp.training;

/** Named tolerances of the training tests, each with the reason for its value. */
final class TrainingTolerances {
    private TrainingTolerances() {
    }

    /** Finite-difference step for gradients and Hessians of O(1) objectives. */
    static final double FD_STEP = 1e-5;

    /**
     * Central differences with step h = 1e-5 on objectives whose third derivatives are O(1) (the data
     * are O(1), the logistic derivatives bounded) have truncation error about h^2 = 1e-10 and rounding
     * error about 1e-16 / h = 1e-11; 1e-8 is two orders above both and far below the O(1e-2) size of a
     * dropped or mis-scaled term.
     */
    static final double FD_AGREEMENT = 1e-8;

    /** The reference trainer's own stopping tolerance: what every trained point must reach. */
    static final double TRAINED_GRADIENT = NewtonTrainer.DEFAULT_GRADIENT_TOLERANCE;

    /**
     * Stationarity residuals at a point with gradient norm <= 1e-12: the radial residual is -w^T g,
     * so |radial| <= ||w|| ||g||; with ||w|| <= 100 in these tests, 1e-10 bounds it.
     */
    static final double TRAINED_RESIDUAL = 1e-10;

    /**
     * Rounding of sums of N <= 1000 products of O(1) numbers (a few 1e-16 each): for identities that
     * hold exactly in real arithmetic.
     */
    static final double ROUNDING = 1e-12;
}
