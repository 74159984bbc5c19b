package org.advsharp.training;

import java.util.ArrayList;
import java.util.List;
import org.advsharp.data.Dataset;
import org.advsharp.numerics.Lanczos;
import org.advsharp.numerics.LanczosResult;
import org.advsharp.oracle.CriticalRadius;

/**
 * The Linf adversarial sweep at image scale: w*(eps) by {@link OrthantNewtonTrainer} over fractions
 * r = eps / eps_c of the Linf critical radius eps_c = ||mean(y x)||_inf (at and above it w* = 0), each radius
 * warm-started from the previous one (the first from w = 0, which the orthant-wise method allows), and
 * the sharpness where the loss is twice differentiable: lambda_max of its Hessian on the face
 * S = {j : w*_j != 0} by Lanczos, with the residual.
 */
public final class LinfSweep {
    private LinfSweep() {
    }

    /**
     * One trained and measured radius.
     *
     * @param ratio           eps / eps_c
     * @param epsilon         the Linf radius
     * @param result          the training run (its gradient norm is the minimum-norm subgradient's)
     * @param lambdaMaxFace   lambda_max of the loss's Hessian on the face of w*
     * @param residual        ||H_S v - theta v|| of the computed top eigenpair
     * @param faceSize        |S|, the components of w* that are not 0
     * @param smallestSlack   min over the components at 0 of (b - |a_j|) / b (how far each is from entering the
     *                        face; NaN at eps = 0 or with none at 0)
     * @param hessianProducts products Lanczos used
     */
    public record Point(double ratio, double epsilon, TrainingResult result, double lambdaMaxFace, double residual,
                        int faceSize, double smallestSlack, int hessianProducts) {
    }

    /** eps_c of the Linf ball: ||mean(y x)||_inf. */
    public static double criticalRadius(Dataset data) {
        double worst = 0;
        for (double v : CriticalRadius.meanSignedInput(data)) {
            worst = Math.max(worst, Math.abs(v));
        }
        return worst;
    }

    /** Told after each radius (for progress lines). */
    @FunctionalInterface
    public interface Progress {
        /** No progress reports. */
        Progress NONE = (index, count, point, nanos) -> { };

        void radiusDone(int index, int count, Point point, long nanos);
    }

    /**
     * @param ratios strictly increasing fractions of eps_c in [0, 1)
     */
    public static List<Point> run(Dataset data, double lambda, double[] ratios, int threads) {
        return run(data, lambda, EpsilonSweep.Grid.ofRatios(ratios), threads, Progress.NONE, false).points();
    }

    /**
     * @param grid fractions of eps_c or Linf radii; strictly increasing, each >= 0 and below eps_c (at and above
     *             it w* = 0), refused as a whole before anything is trained
     * @param keepRows whether a radius that fails ends the sweep with the rows before it and the failure
     *                 (true) or throws (false)
     */
    public static Result run(Dataset data, double lambda, EpsilonSweep.Grid grid, int threads, Progress progress,
                             boolean keepRows) {
        double[] values = grid == null ? null : grid.values();
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("Linf sweep: the grid of radii is empty");
        }
        double critical = criticalRadius(data);
        if (!(critical > 0)) {
            throw new IllegalArgumentException("Linf sweep: mean(y x) = 0, so the Linf critical radius is 0 and w* = 0 "
                    + "at every radius");
        }
        String unit = grid.ratios() ? "eps/eps_c" : "eps";
        double top = grid.ratios() ? 1.0 : critical;
        for (int k = 0; k < values.length; k++) {
            if (!(values[k] >= 0 && values[k] < top) || (k > 0 && !(values[k] > values[k - 1]))) {
                throw new IllegalArgumentException("Linf sweep: " + unit + " = " + values[k] + " at position " + (k + 1)
                        + "; the radii must increase strictly, each >= 0 and below "
                        + (grid.ratios() ? "1" : "the Linf critical radius ||mean(y x)||_inf = " + critical));
            }
        }
        LinfKernel base = new LinfKernel(data, 0.0, lambda, threads);
        OrthantNewtonTrainer trainer = new OrthantNewtonTrainer();
        double[] radii = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            radii[k] = grid.ratios() ? values[k] * critical : values[k];
        }
        return sweep(radii, critical, (eps, start) -> {
            LinfKernel kernel = base.atEpsilon(eps);
            return measure(kernel, eps / critical, trainer.train(kernel, start));
        }, data.dimension(), progress, keepRows);
    }

    /** Trains and measures one radius from a start. */
    interface Radius {
        Point at(double epsilon, double[] start);
    }

    /** The sweep loop (package-private for the tests of its failure handling). */
    static Result sweep(double[] radii, double critical, Radius radius, int dimension, Progress progress,
                        boolean keepRows) {
        List<Point> points = new ArrayList<>();
        double[] w = new double[dimension];
        for (int k = 0; k < radii.length; k++) {
            long t0 = System.nanoTime();
            Point p;
            try {
                p = radius.at(radii[k], w);
            } catch (RuntimeException e) {
                if (!keepRows) {
                    throw e;
                }
                return new Result(points, new SweepResult.Failure(k, radii[k], radii[k] / critical,
                        String.valueOf(e.getMessage())));
            }
            points.add(p);
            w = p.result().w();
            progress.radiusDone(k, radii.length, p, System.nanoTime() - t0);
        }
        return new Result(points, null);
    }

    /**
     * The rows trained, and the failure that ended the sweep early (null if every radius was trained).
     */
    public record Result(List<Point> points, SweepResult.Failure failure) {
        public Result {
            points = List.copyOf(points);
        }
    }

    /** The face sharpness and the slack of the components at 0 at a trained point. */
    static Point measure(LinfKernel kernel, double ratio, TrainingResult result) {
        double[] w = result.w();
        LinfKernel.State state = kernel.at(w);
        int face = 0;
        double slack = Double.NaN;
        double b = state.kinkHalfJump();
        for (int j = 0; j < w.length; j++) {
            if (w[j] != 0) {
                face++;
            } else if (b > 0) {
                double s = (b - Math.abs(state.smoothPartial(j))) / b;
                slack = Double.isNaN(slack) ? s : Math.min(slack, s);
            }
        }
        if (face == 0) {
            throw new IllegalStateException("Linf sweep: w* = 0 at eps/eps_c = " + ratio + " (below the critical "
                    + "radius w* cannot be 0; the training failed)");
        }
        LanczosResult top = Lanczos.topK(state.faceHessian(), 1, Math.min(PointSharpness.LANCZOS_MAX_STEPS,
                w.length), PointSharpness.LANCZOS_SEED);
        return new Point(ratio, kernel.epsilon(), result, top.eigenvalues()[0], top.residualNorms()[0], face, slack,
                top.iterations() + 1);
    }
}
