package org.advsharp.checks.fashion;

import java.util.ArrayList;
import java.util.List;
import org.advsharp.checks.training.TrainedPointAnatomy;
import org.advsharp.data.Dataset;
import org.advsharp.landscape.LinearSharpness;
import org.advsharp.training.PointSharpness;
import org.advsharp.training.SweepPoint;
import org.advsharp.training.SweepResult;

/** Feeds the Fashion-MNIST sweeps to the trained-point anatomy of the training claims (margin share, decomposition). */
final class SweepAnatomy {
    private SweepAnatomy() {
    }

    /**
     * Adds a measured sweep's weights and sharpness profiles as one family (the curvature along w is not
     * measured: NaN).
     */
    static void addTo(TrainedPointAnatomy anatomy, String family, Dataset data, SweepResult s) {
        List<double[]> weights = new ArrayList<>();
        List<LinearSharpness> profiles = new ArrayList<>();
        for (SweepPoint p : s.points()) {
            PointSharpness m = p.sharpness();
            weights.add(p.result().w());
            profiles.add(new LinearSharpness(m.lambdaMaxH(), m.lambdaMaxA(), m.traceH(), m.traceA(), m.kappa(),
                    Double.NaN, m.weightNorm()));
        }
        anatomy.add(family, data, s.epsilons(), weights, profiles);
    }
}
