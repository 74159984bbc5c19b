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
 * @param points         one point per radius trained, in increasing eps
 * @param solver         the solver that trained and measured it (null for a sweep run with a given trainer)
 * @param failure        the radius that failed, when the sweep kept the rows before it; null if none failed
 */
public record SweepResult(String kind, double criticalRadius, double lambda, String trainer, String startRule,
                          List<SweepPoint> points, Solver solver, Failure failure) {

    /**
     * A radius that could not be trained or measured.
     *
     * @param index   its position in the grid (0-based)
     * @param epsilon the radius
     * @param ratio   eps / eps_c
     * @param cause   what failed (a {@link NoFiniteMinimiserException} when the objective has no minimiser)
     */
    public record Failure(int index, double epsilon, double ratio, RuntimeException cause) {
        /** What failed, in words. */
        public String message() {
            return String.valueOf(cause.getMessage());
        }

        /** Whether the radius failed because its objective has no finite minimiser (weight decay would give one). */
        public boolean noFiniteMinimiser() {
            return cause instanceof NoFiniteMinimiserException;
        }
    }

    public SweepResult {
        points = List.copyOf(points);
    }

    /** A complete sweep run with a given trainer and no measurement. */
    public SweepResult(String kind, double criticalRadius, double lambda, String trainer, String startRule,
                       List<SweepPoint> points) {
        this(kind, criticalRadius, lambda, trainer, startRule, points, null, null);
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

    /** lambda_max(H) per point (measured sweeps only). */
    public double[] lambdaMaxH() {
        return points.stream().mapToDouble(p -> p.sharpness().lambdaMaxH()).toArray();
    }

    /** lambda_max(A) per point (measured sweeps only). */
    public double[] lambdaMaxA() {
        return points.stream().mapToDouble(p -> p.sharpness().lambdaMaxA()).toArray();
    }

    /** trace H per point (measured sweeps only). */
    public double[] traceH() {
        return points.stream().mapToDouble(p -> p.sharpness().traceH()).toArray();
    }

    /** kappa per point (measured sweeps only). */
    public double[] kappa() {
        return points.stream().mapToDouble(p -> p.sharpness().kappa()).toArray();
    }
}
