package org.advsharp.training;

/** One trained radius of a sweep, whichever the ball: what every row has (the ball adds its measurement). */
public interface MeasuredRadius {
    /** The radius eps. */
    double epsilon();

    /** eps / eps_c, with the ball's own critical radius. */
    double ratio();

    /** The training run (for Linf its gradient norm is the least-norm subgradient's). */
    TrainingResult result();
}
