package org.advsharp.checks.training;

import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.checks.training.SharpnessFallSearch.Measure;

/**
 * rem:trained-top-dips: the property engine searches the engine's mixtures (d from 2 to 4) for a fall of
 * lambda_max(H(w*(eps))) between two radii of the small-eps grid {@link #SMALL_GRID} and shrinks the
 * counterexample it finds ({@link SharpnessFallSearch}).
 */
final class TrainedTopDips implements Check {
    /** The small-eps grid on which lambda_max dips. */
    static final double[] SMALL_GRID = {0.0, 0.05, 0.1, 0.2, 0.3};

    @Override
    public String id() {
        return "lambda-max-can-dip-at-small-eps";
    }

    @Override
    public String claimId() {
        return "rem:trained-top-dips";
    }

    @Override
    public String title() {
        return "search: lambda_max(H(w*(eps))) falls between two radii of 0 .. 0.3 eps_c, shrunk";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        return new SharpnessFallSearch(TrainedProblems.engineMixtures(20, 60, 2, 4), SMALL_GRID, Measure.LAMBDA_MAX,
                SharpnessFallSearch.SHRINK_BUDGET).run(context, evidence);
    }
}
