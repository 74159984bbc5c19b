package org.advsharp.training;

import static org.advsharp.numerics.Vectors.norm;

import java.util.List;
import java.util.Optional;
import org.advsharp.oracle.StationarityResiduals;

/**
 * What a trainer returns: the weights, how it got there, and how close they are to stationary.
 *
 * @param method       the trainer, e.g. "Newton (analytic Hessian, Armijo backtracking)"
 * @param objective    the objective's description
 * @param w            the final weights
 * @param trace        one {@link Iterate} per iteration; the last line is the final iterate
 * @param converged    whether ||grad F(w)|| reached the trainer's tolerance
 * @param stopReason   why the trainer stopped, in words
 * @param loss         F(w)
 * @param gradientNorm ||grad F(w)||
 * @param residuals    the stationarity residuals of prop:stationarity (L2 adversarial objective only)
 * @param elapsedNanos wall time of the training run
 */
public record TrainingResult(String method, String objective, double[] w, List<Iterate> trace, boolean converged,
                             String stopReason, double loss, double gradientNorm,
                             Optional<StationarityResiduals> residuals, long elapsedNanos) {

    public TrainingResult {
        w = w.clone();
        trace = List.copyOf(trace);
    }

    @Override
    public double[] w() {
        return w.clone();
    }

    /** Number of steps taken (trace lines minus the final one). */
    public int iterations() {
        return trace.size() - 1;
    }

    /** ||w||. */
    public double weightNorm() {
        return norm(w);
    }
}
