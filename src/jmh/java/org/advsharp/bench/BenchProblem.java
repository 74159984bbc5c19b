package org.advsharp.bench;

import org.advsharp.data.Dataset;
import org.advsharp.oracle.CriticalRadius;
import org.advsharp.training.SweepResult;

/**
 * What the two benchmark classes share, so that their timings are of the same problem shape: the weight
 * decay, the grid of ten radii, the radius of the single-point measurements, and the rule that a timed
 * sweep counts only when it converged at every radius.
 */
final class BenchProblem {
    /** Weight decay of every benchmark. */
    static final double LAMBDA = 1e-3;
    /** The sweep's radii as fractions of the critical radius: 0, 0.1, ..., 0.9. */
    static final double[] TEN_RATIOS = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    private BenchProblem() {
    }

    /** Half the critical radius of {@code data}, where the single-point benchmarks measure. */
    static double halfCritical(Dataset data) {
        return 0.5 * CriticalRadius.of(data);
    }

    /** {@code s} itself, or an exception saying {@code what} when a radius did not converge. */
    static SweepResult converged(SweepResult s, String what) {
        if (!s.allConverged()) {
            throw new IllegalStateException(what + ": max ||grad|| = " + s.maxGradientNorm());
        }
        return s;
    }
}
