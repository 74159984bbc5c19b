package org.advsharp.checks.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.advsharp.check.Check;

/**
 * Every check of the claims in proofs/training.md (docs/theory.md section 5): the trainer's stationarity,
 * the critical radius, divergence on separable data, the headline trend at the trained weights with its
 * counterexamples and conjectures, adversarial versus random-noise training, the real-data sweeps and
 * Linf training.
 */
public final class TrainingChecks {
    private TrainingChecks() {
    }

    public static List<Check> checks() {
        List<Check> checks = new ArrayList<>();
        checks.addAll(StationarityChecks.checks());
        checks.addAll(CriticalRadiusChecks.checks());
        checks.addAll(SeparableDivergenceChecks.checks());
        checks.addAll(HeadlineChecks.checks());
        checks.addAll(ExperimentChecks.checks());
        return Collections.unmodifiableList(checks);
    }
}
