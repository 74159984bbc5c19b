package org.advsharp.training;

/**
 * One radius of a sweep.
 *
 * @param epsilon   the radius eps
 * @param ratio     eps / eps_c, always reported (prop:critical-radius)
 * @param objective the objective trained at this radius
 * @param result    the training result (weights, trace, residuals)
 * @param sharpness the sharpness of the loss at the trained weights, or null when the sweep does not measure it
 */
public record SweepPoint(double epsilon, double ratio, TrainingObjective objective, TrainingResult result,
                         PointSharpness sharpness) implements MeasuredRadius {

    /** A point without a sharpness measurement. */
    public SweepPoint(double epsilon, double ratio, TrainingObjective objective, TrainingResult result) {
        this(epsilon, ratio, objective, result, null);
    }
}
