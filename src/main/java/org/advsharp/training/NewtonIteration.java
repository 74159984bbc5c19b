package org.advsharp.training;

import static org.advsharp.numerics.Vectors.norm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Newton iteration both Newton trainers share: stop on the gradient tolerance or the iteration limit,
 * refuse a diverging objective, step along the trainer's direction with Armijo backtracking, record the
 * trace. The trainers differ only in how they solve for the direction (a Cholesky factorisation of the
 * Hessian, or conjugate gradients on Hessian-vector products).
 */
final class NewtonIteration {
    private NewtonIteration() {
    }

    /** The search direction at w, given the gradient g there and its norm. */
    interface Direction {
        double[] at(double[] w, double[] g, double gradientNorm);
    }

    /**
     * Runs the iteration from {@code start}.
     *
     * @param note appended to the stop reason when the iteration ends (empty for none)
     */
    static TrainingResult run(String trainer, TrainingObjective objective, double[] start, double gradientTolerance,
                              int maxIterations, Direction direction, Supplier<String> note) {
        long t0 = System.nanoTime();
        double[] w = TrainerInput.start(objective, start);
        MinimiserExistence.requireBeforeTraining(objective);
        double f = objective.value(w);
        List<Iterate> trace = new ArrayList<>();
        String reason;
        double gn;
        for (int k = 0; ; k++) {
            double[] g = objective.gradient(w);
            gn = norm(g);
            MinimiserExistence.requireNotDivergingAt(objective, w, k);
            String stop = TrainerInput.stopReason(k, gn, gradientTolerance, maxIterations);
            if (stop != null) {
                trace.add(new Iterate(k, f, gn, 0, 0));
                reason = stop + note.get();
                break;
            }
            double[] p = direction.at(w, g, gn);
            LineSearch.Step step = LineSearch.backtrack(objective, w, f, g, gn, p);
            if (step == null) {
                trace.add(new Iterate(k, f, gn, 0, 0));
                reason = "no decrease along the Newton direction: rounding floor reached at gradient norm " + gn
                        + note.get();
                break;
            }
            trace.add(new Iterate(k, f, gn, step.t(), step.norm()));
            w = step.w();
            f = step.value();
        }
        return new TrainingResult(trainer, objective.description(), w, trace, gn <= gradientTolerance, reason, f, gn,
                objective.residuals(w), System.nanoTime() - t0);
    }
}
