package org.advsharp.checks.training;

import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.checks.training.SharpnessFallSearch.Measure;

/**
 * conj:kappa-at-optimum-monotone: the property engine searches 1000 problems (the engine's mixtures, d from 2
 * to 9) for a fall of kappa(w*(eps)) anywhere on the full grid 0 .. 0.95 eps_c ({@link SharpnessFallSearch}).
 */
final class KappaAtOptimumMonotone implements Check {

    @Override
    public String id() {
        return "kappa-rises-at-trained-weights";
    }

    @Override
    public String claimId() {
        return "conj:kappa-at-optimum-monotone";
    }

    @Override
    public String title() {
        return "search (1000 problems): kappa(w*(eps)) falls somewhere on the grid 0 .. 0.95 eps_c";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        return new SharpnessFallSearch(TrainedProblems.engineMixtures(20, 99, 2, 9), RatioGrids.FULL, Measure.KAPPA, 0)
                .run(context, evidence);
    }
}
