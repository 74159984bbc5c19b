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
 * The Fashion-MNIST settings fixed in proofs/fashion.md, and the data and sweeps that the checks of one
 * {@link FashionChecks#checks()} list share: each pair is loaded and each sweep trained at most once for that
 * list, and nothing is kept beyond it (a new list, as every run of the catalog makes, starts empty). The checks
 * of one list run one after another.
 */
final class FashionRun {
    /** The pairs (negative class, positive class), fixed in proofs/fashion.md: easy, medium, hard. */
    static final int[][] PAIRS = {{1, 8}, {7, 9}, {0, 6}};
    /** Images per class: the first ones in the training file (N = 2,000 per pair). */
    static final int PER_CLASS = 1000;
    /** Weight decay of every Fashion-MNIST sweep. */
    static final double LAMBDA = 1e-3;
    /** The grid eps/eps_c. */
    static final double[] GRID = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    private final Map<String, Dataset> data = new HashMap<>();
    private final Map<String, SweepResult> adversarial = new HashMap<>();
    private final Map<String, List<FacePoint>> linf = new HashMap<>();

    /** The pair's name in the evidence, e.g. "sneaker vs ankle boot". */
    static String name(int[] pair) {
        return FashionMnist.pairName(pair[0], pair[1]);
    }

    /** The index of the fraction {@code r} of the critical radius in {@link #GRID}. */
    static int indexOf(double r) {
        for (int k = 0; k < GRID.length; k++) {
            if (GRID[k] == r) {
                return k;
            }
        }
        throw new IllegalArgumentException("radius " + r + " is not on the grid");
    }

    /** The first {@link #PER_CLASS} training images of each class of the pair. */
    synchronized Dataset data(int[] pair) {
        return data.computeIfAbsent(key(pair), k -> FashionMnist.pair(pair[0], pair[1], PER_CLASS));
    }

    /** The measured L2 sweep of the pair (solver chosen automatically: matrix-free at d = 784). */
    synchronized SweepResult adversarial(int[] pair) {
        Dataset d = data(pair);
        return adversarial.computeIfAbsent(key(pair), k -> EpsilonSweep.measured(d, LAMBDA,
                EpsilonSweep.Grid.ofRatios(GRID), Solver.automatic(d), RowBlocks.defaultThreads(),
                EpsilonSweep.Progress.NONE, false));
    }

    /** The Linf sweep of the pair at fractions of its own critical radius. */
    synchronized List<FacePoint> linf(int[] pair) {
        Dataset d = data(pair);
        return linf.computeIfAbsent(key(pair), k -> EpsilonSweep.measured(Ball.LINF, d, LAMBDA,
                EpsilonSweep.Grid.ofRatios(GRID), Solver.MATRIX_FREE, RowBlocks.defaultThreads(),
                EpsilonSweep.Progress.NONE, false).points());
    }

    private static String key(int[] pair) {
        return pair[0] + "-" + pair[1];
    }
}
