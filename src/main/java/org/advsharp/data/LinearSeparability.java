package org.advsharp.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.PivotSelectionRule;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Decides whether a data set is STRICTLY linearly separable through the origin: is there a w with
 * y_n w^T x_n > 0 for every n? (The model has no bias, so this is the relevant notion; it is the
 * hypothesis of prop:separable-divergence.)
 *
 * <p>Method: rows are scaled by 1/||x_n||_inf (a positive scaling changes no sign), then the linear
 * programme "maximise t subject to y_n w^T x_n / ||x_n||_inf >= t for all n, -1 <= w_j <= 1, t <= 1"
 * is solved with Commons Math's simplex solver. The data are strictly separable exactly when the
 * optimum t* is positive; the solver's w is returned as a witness with its L2 margin
 * min_n y_n w^T x_n / ||w|| on the original rows. A data set with an all-zero row is never strictly
 * separable. The tableau has about N + 2d rows and N + 3d columns, so this is for data sets up to a
 * few thousand rows.
 */
public final class LinearSeparability {
    /**
     * Threshold on the normalised LP optimum t*: the simplex solver decides feasibility to about 1e-6
     * in its ratio tests on a tableau whose entries are at most 1 in magnitude, so an optimum below
     * 1e-6 cannot be told apart from 0 and is reported as "not separable".
     */
    public static final double SEPARATION_THRESHOLD = 1e-6;
    private static final int MAX_SIMPLEX_ITERATIONS = 1_000_000;

    /**
     * The answer.
     *
     * @param separable     whether some w has y_n w^T x_n > 0 for every n
     * @param lpMargin      the LP optimum t* (margin of the row-normalised data with ||w||_inf <= 1)
     * @param witness       the LP's w (a strictly separating direction when separable)
     * @param l2Margin      min_n y_n w^T x_n / ||w||_2 for the witness on the original rows
     *                      (NaN when the witness is 0)
     */
    public record Result(boolean separable, double lpMargin, double[] witness, double l2Margin) {
        public Result {
            witness = witness.clone();
        }

        @Override
        public double[] witness() {
            return witness.clone();
        }
    }

    private LinearSeparability() {
    }

    /** Solves the separability LP for {@code data}. */
    public static Result of(Dataset data) {
        int n = data.size();
        int d = data.dimension();
        for (int i = 0; i < n; i++) {
            double scale = 0;
            for (int j = 0; j < d; j++) {
                scale = Math.max(scale, Math.abs(data.feature(i, j)));
            }
            if (scale == 0) {
                return new Result(false, 0.0, new double[d], Double.NaN);
            }
        }
        // Variables shifted to be nonnegative: u_j = w_j + 1 in [0, 2], s = t + 1 in [0, 2]. Commons Math's
        // handling of free variables (one shared negative part) cycled or reported an unbounded LP on
        // degenerate overlapping data; with nonnegative variables and Bland's rule it terminates.
        double[] objective = new double[d + 1];
        objective[d] = 1.0;
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double scale = 0;
            for (int j = 0; j < d; j++) {
                scale = Math.max(scale, Math.abs(data.feature(i, j)));
            }
            double[] c = new double[d + 1];
            double shift = 0;
            for (int j = 0; j < d; j++) {
                c[j] = data.label(i) * data.feature(i, j) / scale;
                shift += c[j];
            }
            c[d] = -1.0;
            // sum_j c_j w_j - t >= 0  <=>  sum_j c_j u_j - s >= sum_j c_j - 1
            constraints.add(new LinearConstraint(c, Relationship.GEQ, shift - 1.0));
        }
        for (int j = 0; j <= d; j++) {
            double[] unit = new double[d + 1];
            unit[j] = 1.0;
            constraints.add(new LinearConstraint(unit, Relationship.LEQ, 2.0));
        }
        PointValuePair opt = new SimplexSolver().optimize(PivotSelectionRule.BLAND,
                new MaxIter(MAX_SIMPLEX_ITERATIONS), new LinearObjectiveFunction(objective, -1.0),
                new LinearConstraintSet(constraints), GoalType.MAXIMIZE, new NonNegativeConstraint(true));
        double t = opt.getValue();
        double[] w = Arrays.copyOf(opt.getPoint(), d);
        for (int j = 0; j < d; j++) {
            w[j] -= 1.0;
        }
        return new Result(t > SEPARATION_THRESHOLD, t, w, l2Margin(data, w));
    }

    /** min_n y_n w^T x_n / ||w||_2, or NaN for w = 0. */
    public static double l2Margin(Dataset data, double[] w) {
        double norm = 0;
        for (double v : w) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return Double.NaN;
        }
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < data.size(); i++) {
            double m = 0;
            for (int j = 0; j < data.dimension(); j++) {
                m += w[j] * data.feature(i, j);
            }
            min = Math.min(min, data.label(i) * m / norm);
        }
        return min;
    }
}
