package org.advsharp.checks.fashion;

import static org.advsharp.checks.Figures.fourDigits;
import static org.advsharp.checks.fashion.FashionRun.GRID;
import static org.advsharp.checks.fashion.FashionRun.LAMBDA;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.check.Table;
import org.advsharp.checks.CheckTolerances;
import org.advsharp.data.BundledData;
import org.advsharp.data.Dataset;
import org.advsharp.numerics.Vectors;
import org.advsharp.training.EpsilonSweep;
import org.advsharp.training.Solver;
import org.advsharp.training.SweepPoint;
import org.advsharp.training.SweepResult;

/**
 * inst:matrix-free-matches-dense: on the bundled digits 3 vs 8 (d = 64), whole sweeps along {@link FashionRun#GRID}
 * by the dense solver and by the matrix-free one on 1, 2 and 3 threads. At each radius the largest relative
 * difference of lambda_max(H), lambda_max(A), trace H, kappa and w* (max |dw_j| / ||w||) between the dense and the
 * 2-thread matrix-free sweep must be at most {@link CheckTolerances#SOLVER_AGREEMENT}, the matrix-free sweep must be
 * bit-identical on 1, 2 and 3 threads, and both sweeps must be certified at every radius. Runs without
 * Fashion-MNIST; its d = 784 part is {@link MatrixFreeMatchesDense784}.
 */
final class MatrixFreeMatchesDense implements Check {
    /** Threads of the matrix-free sweeps: 1, 2 and 3, compared bit for bit. */
    private static final int THREADS = 3;

    @Override
    public String id() {
        return "matrix-free-against-dense";
    }

    @Override
    public String claimId() {
        return "inst:matrix-free-matches-dense";
    }

    @Override
    public String title() {
        return "digits 3 vs 8 (d = 64): whole sweeps by both solvers, and the matrix-free sweep on 1, 2 and 3 threads";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        double worst = 0;
        String worstWhat = "";
        Dataset digits = BundledData.digits3vs8();
        EpsilonSweep.Grid grid = EpsilonSweep.Grid.ofRatios(GRID);
        SweepResult dense = EpsilonSweep.measured(digits, LAMBDA, grid, Solver.DENSE, 1, EpsilonSweep.Progress.NONE,
                false);
        SweepResult[] free = new SweepResult[THREADS];
        for (int t = 1; t <= THREADS; t++) {
            free[t - 1] = EpsilonSweep.measured(digits, LAMBDA, grid, Solver.MATRIX_FREE, t, EpsilonSweep.Progress.NONE,
                    false);
        }
        List<List<String>> rows = new ArrayList<>();
        int identical = 0;
        for (int k = 0; k < GRID.length; k++) {
            SweepPoint a = dense.points().get(k);
            SweepPoint b = free[1].points().get(k);
            double[] diff = {relative(a.sharpness().lambdaMaxH(), b.sharpness().lambdaMaxH()),
                relative(a.sharpness().lambdaMaxA(), b.sharpness().lambdaMaxA()),
                relative(a.sharpness().traceH(), b.sharpness().traceH()),
                relative(a.sharpness().kappa(), b.sharpness().kappa()), weightDifference(a, b)};
            String[] names = {"lambda_max(H)", "lambda_max(A)", "trace H", "kappa", "w*"};
            for (int i = 0; i < diff.length; i++) {
                if (diff[i] > worst) {
                    worst = diff[i];
                    worstWhat = names[i] + " on digits 3 vs 8 at eps/eps_c = " + GRID[k];
                }
            }
            rows.add(List.of("digits 3 vs 8", fourDigits(GRID[k]), fourDigits(a.sharpness().lambdaMaxH()),
                    fourDigits(b.sharpness().lambdaMaxH()), fourDigits(diff[0]), fourDigits(diff[2]), fourDigits(diff[3]), fourDigits(diff[4])));
            boolean same = true;
            for (int t = 0; t < THREADS; t += 2) {
                SweepPoint c = free[t].points().get(k);
                same &= Arrays.equals(c.result().w(), b.result().w()) && c.sharpness().equals(b.sharpness());
            }
            identical += same ? 1 : 0;
        }
        evidence.table(new Table("dense against matrix-free, lambda = " + LAMBDA + " (relative differences)",
                List.of("data", "eps/eps_c", "lambda_max(H) dense", "lambda_max(H) matrix-free", "lambda_max(H)",
                        "trace H", "kappa", "w* (max |dw_j| / ||w||)"), rows));
        evidence.fact("dense trainer", dense.trainer());
        evidence.fact("matrix-free trainer", free[1].trainer());
        evidence.fact("largest relative difference", worstWhat);
        evidence.measure(Measurement.atMost("largest relative difference, dense against matrix-free", worst,
                CheckTolerances.SOLVER_AGREEMENT));
        evidence.measure(Measurement.atLeast("radii whose matrix-free sweep is bit-identical on 1, 2 and 3 threads",
                identical, GRID.length, "every radius"));
        evidence.measure(Measurement.atLeast("dense certified at every radius", dense.allConverged() ? 1 : 0, 1,
                "the comparison needs certified points"));
        evidence.measure(Measurement.atLeast("matrix-free certified at every radius", free[1].allConverged() ? 1 : 0, 1,
                "the comparison needs certified points"));
        return String.format(Locale.ROOT, "dense and matrix-free agree to %.2g relative at worst (%s); the matrix-free "
                + "sweep is bit-identical on 1, 2 and 3 threads at %d of %d radii", worst, worstWhat, identical,
                GRID.length);
    }

    /** |a - b| / max(|a|, |b|), and 0 where both are 0. */
    static double relative(double a, double b) {
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return scale == 0 ? 0 : Math.abs(a - b) / scale;
    }

    /** max_j |a_j - b_j| / ||a|| for the two points' weights. */
    private static double weightDifference(SweepPoint a, SweepPoint b) {
        double[] x = a.result().w();
        double[] y = b.result().w();
        double worst = 0;
        for (int j = 0; j < x.length; j++) {
            worst = Math.max(worst, Math.abs(x[j] - y[j]));
        }
        return worst / Vectors.norm(x);
    }
}
