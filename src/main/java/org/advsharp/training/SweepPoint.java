package org.advsharp.training;

/**
 * One radius of a sweep.
 *
 * @param epsilon   the radius eps
 * @param ratio     eps / eps_c, always reported (prop:critical-radius)
 * @param objective the objective trained at this radius
 * @param result    the training result (weights, trace, residuals)
 */
public record SweepPoint(double epsilon, double ratio, TrainingObjective objective, TrainingResult result) {
}
