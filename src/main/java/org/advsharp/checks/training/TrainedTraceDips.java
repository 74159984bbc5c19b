package org.advsharp.checks.training;

import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.checks.training.SharpnessFallSearch.Measure;

/**
 * rem:trained-trace-dips: the property engine searches the engine's mixtures in d = 2 for a fall of
 * trace(H(w*(eps))) between two radii of the full grid 0 .. 0.95 eps_c and shrinks the counterexample it
 * finds ({@link SharpnessFallSearch}).
 */
final class TrainedTraceDips implements Check {

    @Override
    public String id() {
        return "trace-can-dip-at-small-eps";
    }

    @Override
    public String claimId() {
        return "rem:trained-trace-dips";
    }

    @Override
    public String title() {
        return "search: trace(H(w*(eps))) falls between two radii of 0 .. 0.95 eps_c (d = 2), shrunk";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        return new SharpnessFallSearch(TrainedProblems.engineMixtures(20, 99, 2, 2), RatioGrids.FULL, Measure.TRACE,
                SharpnessFallSearch.SHRINK_BUDGET).run(context, evidence);
    }
}
