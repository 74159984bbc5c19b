package org.advsharp.checks.training;

import java.util.List;
import org.advsharp.check.Check;

/**
 * Every check of the claims in proofs/training.md (docs/theory.md section 5), one class per claim: the
 * trainer's stationarity, the critical radius, divergence on separable data, the headline trend at the
 * trained weights with its conjectures and counterexamples, adversarial versus random-noise training, the
 * real-data sweeps and Linf training.
 */
public final class TrainingChecks {
    private TrainingChecks() {
    }

    public static List<Check> checks() {
        return List.of(
                new Stationarity.ResidualsVanish(),
                new Stationarity.GlobalMinimisers(),
                new Stationarity.LbfgsAgrees(),
                new CriticalRadiusProposition.ZeroIsTheMinimiser(),
                new CriticalRadiusProposition.SharpnessDiverges(),
                new CriticalRadiusProposition.SweepsRefuse(),
                new SeparableDivergence.GradientDescentDiverges(),
                new SeparableDivergence.NoMinimiserCertified(),
                new TrainedSharpnessRisesToHalfCritical(),
                new KappaAtOptimumMonotone(),
                new TrainedTraceMonotone(),
                new TrainedTraceDips(),
                new TrainedTopDips(),
                new AdversarialNoiseGapGrows(),
                new RealDataSharpnessRises(),
                new LinfGrowsLessThanL2());
    }
}
