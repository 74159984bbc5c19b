package org.advsharp.training;

import java.util.List;

/**
 * The result of an eps sweep.
 *
 * @param kind           which objective was swept ("L2 adversarial", "random noise", "Linf adversarial")
 * @param criticalRadius eps_c = ||mean(y x)|| of the data (the axis eps/eps_c uses the L2 eps_c for every kind)
 * @param lambda         weight decay
 * @param trainer        the trainer's name
 * @param startRule      how the first radius was started and how the others were warm-started
 * @param points         one point per radius, in increasing eps
 */
public record SweepResult(String kind, double criticalRadius, double lambda, String trainer, String startRule,
                          List<SweepPoint> points) {

    public SweepResult {
        points = List.copyOf(points);
    }

    /** The largest final gradient norm over the sweep. */
    public double maxGradientNorm() {
        return points.stream().mapToDouble(p -> p.result().gradientNorm()).max().orElse(0);
    }

    /** Whether every radius converged to the trainer's tolerance. */
    public boolean allConverged() {
        return points.stream().allMatch(p -> p.result().converged());
    }

    /** eps / eps_c per point. */
    public double[] ratios() {
        return points.stream().mapToDouble(SweepPoint::ratio).toArray();
    }

    /** eps per point. */
    public double[] epsilons() {
        return points.stream().mapToDouble(SweepPoint::epsilon).toArray();
    }
}
