package org.advsharp.checks.training;

import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.checks.training.SharpnessFallSearch.Measure;

/**
 * conj:trained-trace-monotone: the property engine searches 1000 problems (the engine's mixtures, d from 2 to
 * 9) for a fall of trace(H(w*(eps))) on the upper half eps_c/2 .. 0.95 eps_c ({@link SharpnessFallSearch}).
 */
final class TrainedTraceMonotone implements Check {

    @Override
    public String id() {
        return "trace-rises-above-half-critical";
    }

    @Override
    public String claimId() {
        return "conj:trained-trace-monotone";
    }

    @Override
    public String title() {
        return "search (1000 problems): trace(H(w*(eps))) falls somewhere on eps_c/2 .. 0.95 eps_c";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        return new SharpnessFallSearch(TrainedProblems.engineMixtures(20, 99, 2, 9), RatioGrids.UPPER, Measure.TRACE, 0)
                .run(context, evidence);
    }
}
