package org.advsharp.checks.fashion;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.advsharp.data.Dataset;
import org.advsharp.data.FashionMnist;
import org.advsharp.numerics.RowBlocks;
import org.advsharp.training.Ball;
import org.advsharp.training.EpsilonSweep;
import org.advsharp.training.FacePoint;
import org.advsharp.training.Solver;
import org.advsharp.training.SweepResult;

/**
 * The Fashion-MNIST data and sweeps that the checks of one {@link FashionChecks#checks()} list share: each pair
 * is loaded and each sweep trained at most once for that list, and nothing is kept beyond it (a new list, as
 * every run of the catalog makes, starts empty). The checks of one list run one after another.
 */
final class FashionRun {
    private final Map<String, Dataset> data = new HashMap<>();
    private final Map<String, SweepResult> adversarial = new HashMap<>();
    private final Map<String, List<FacePoint>> linf = new HashMap<>();

    /** The first {@link FashionChecks#PER_CLASS} training images of each class of the pair. */
    synchronized Dataset data(int[] pair) {
        return data.computeIfAbsent(key(pair), k -> FashionMnist.pair(pair[0], pair[1], FashionChecks.PER_CLASS));
    }

    /** The measured L2 sweep of the pair (solver chosen automatically: matrix-free at d = 784). */
    synchronized SweepResult adversarial(int[] pair) {
        Dataset d = data(pair);
        return adversarial.computeIfAbsent(key(pair), k -> EpsilonSweep.measured(d, FashionChecks.LAMBDA,
                EpsilonSweep.Grid.ofRatios(FashionChecks.GRID), Solver.automatic(d), RowBlocks.defaultThreads(),
                EpsilonSweep.Progress.NONE, false));
    }

    /** The Linf sweep of the pair at fractions of its own critical radius. */
    synchronized List<FacePoint> linf(int[] pair) {
        Dataset d = data(pair);
        return linf.computeIfAbsent(key(pair), k -> EpsilonSweep.measured(Ball.LINF, d, FashionChecks.LAMBDA,
                EpsilonSweep.Grid.ofRatios(FashionChecks.GRID), Solver.MATRIX_FREE, RowBlocks.defaultThreads(),
                EpsilonSweep.Progress.NONE, false).points());
    }

    private static String key(int[] pair) {
        return pair[0] + "-" + pair[1];
    }
}
