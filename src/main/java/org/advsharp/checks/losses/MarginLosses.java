package org.advsharp.checks.losses;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.checks.CheckTolerances;
import org.advsharp.numerics.FiniteDifferences;
import org.advsharp.numerics.Tolerances;
import org.advsharp.oracle.MarginLoss;

/**
 * lem:margin-losses, one check per loss: on a grid of margins from -40 to 30 (both tails and the
 * neighbourhood of 0), l' &lt; 0 &lt; l'', l' agrees with central differences of l and l'' with central
 * differences of l', and l'' moves as the lemma says (strictly decreasing everywhere for the
 * exponential and probit losses; for the logistic loss decreasing for m &gt; 0 and increasing for m &lt; 0).
 *
 * @param loss the loss checked
 */
record MarginLosses(MarginLoss loss) implements Check {
    /** Grid of margins: both tails (down to -40, up to 30) in steps of 1/8, plus points next to 0. */
    private static final double GRID_LOW = -40.0;
    private static final double GRID_HIGH = 30.0;
    private static final double GRID_STEP = 0.125;
    private static final double[] NEAR_ZERO = {-1e-3, -1e-6, 1e-6, 1e-3};

    @Override
    public String id() {
        return "margin-loss-scalars-" + loss.name();
    }

    @Override
    public String claimId() {
        return "lem:margin-losses";
    }

    @Override
    public String title() {
        return loss.name() + " loss: l' < 0 < l'', l' and l'' match central differences, l'' moves as stated, "
                + "on margins from -40 to 30";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        Worst worst = new Worst();
        String violation = firstViolation(loss, worst);
        evidence.measure(Measurement.atMost("grid points violating lem:margin-losses", violation == null ? 0 : 1, 0,
                "exact: a proved statement admits no violation"));
        if (violation != null) {
            evidence.fact("violation", violation);
        }
        evidence.measure(Measurement.atMost("max error of l' vs central differences of l, relative to max(|l'|, |l|)",
                worst.slope, CheckTolerances.FD_GRADIENT));
        evidence.measure(Measurement.atMost("max error of l'' vs central differences of l', relative to max(|l''|, |l'|)",
                worst.curvature, CheckTolerances.FD_GRADIENT));
        return String.format(Locale.ROOT, "On %d margins from %.0f to %.0f the %s loss had l' < 0 < l'', l'' %s, "
                + "and matched central differences to %.1e (l') and %.1e (l'').", grid().length, GRID_LOW, GRID_HIGH,
                loss.name(), direction(loss), worst.slope, worst.curvature);
    }

    /** The largest relative finite-difference errors seen, of l' and of l''. */
    static final class Worst {
        private double slope;
        private double curvature;

        private void see(double slopeError, double curvatureError) {
            slope = Math.max(slope, slopeError);
            curvature = Math.max(curvature, curvatureError);
        }
    }

    /** The grid the check runs on, ascending. */
    static double[] grid() {
        int steps = (int) Math.round((GRID_HIGH - GRID_LOW) / GRID_STEP);
        double[] m = new double[steps + 1 + NEAR_ZERO.length];
        for (int k = 0; k <= steps; k++) {
            m[k] = GRID_LOW + k * GRID_STEP;
        }
        System.arraycopy(NEAR_ZERO, 0, m, steps + 1, NEAR_ZERO.length);
        Arrays.sort(m);
        return m;
    }

    private static String direction(MarginLoss loss) {
        return decreasesEverywhere(loss) ? "strictly decreasing everywhere"
                : "strictly increasing below 0 and strictly decreasing above 0";
    }

    /** Whether the lemma states l''' &lt; 0 everywhere for this loss (all but the logistic). */
    static boolean decreasesEverywhere(MarginLoss loss) {
        return !loss.name().equals(MarginLoss.logistic().name());
    }

    /**
     * The first grid point where lem:margin-losses fails for {@code loss}, or null; {@code worst} receives the
     * largest relative finite-difference errors of l' and l''.
     */
    static String firstViolation(MarginLoss loss, Worst worst) {
        double[] grid = grid();
        double previous = Double.NaN;
        for (int k = 0; k < grid.length; k++) {
            double m = grid[k];
            double value = loss.value(m);
            double slope = loss.slope(m);
            double curvature = loss.curvature(m);
            if (!Double.isFinite(value) || !(slope < 0) || !(curvature > 0)) {
                return String.format(Locale.ROOT, "at m = %s: l = %s, l' = %s, l'' = %s (need l' < 0 < l'')", m, value,
                        slope, curvature);
            }
            double slopeError = Math.abs(centralDifference(loss::value, m) - slope)
                    / Math.max(Math.abs(slope), Math.abs(value));
            double curvatureError = Math.abs(centralDifference(loss::slope, m) - curvature)
                    / Math.max(curvature, Math.abs(slope));
            worst.see(slopeError, curvatureError);
            if (slopeError > Tolerances.FD_GRADIENT || curvatureError > Tolerances.FD_GRADIENT) {
                return String.format(Locale.ROOT, "at m = %s: relative error of l' %.2e, of l'' %.2e", m, slopeError,
                        curvatureError);
            }
            if (k > 0) {
                boolean shouldFall = decreasesEverywhere(loss) || grid[k - 1] >= 0;
                boolean shouldRise = !decreasesEverywhere(loss) && m <= 0;
                if (shouldFall && !(curvature < previous)) {
                    return String.format(Locale.ROOT, "l'' does not fall from m = %s to %s: %s -> %s", grid[k - 1], m,
                            previous, curvature);
                }
                if (shouldRise && !(curvature > previous)) {
                    return String.format(Locale.ROOT, "l'' does not rise from m = %s to %s: %s -> %s", grid[k - 1], m,
                            previous, curvature);
                }
            }
            previous = curvature;
        }
        return null;
    }

    /**
     * (f(m + h) - f(m - h)) / (2h) with the absolute step h = u^(1/3). Not scaled by |m| as in
     * {@link FiniteDifferences#gradient}: these losses vary on a scale that does not grow with |m| (the probit
     * tail varies on the scale 1/|m|), so a step of u^(1/3) |m| would make the truncation error
     * (h |m|)^2 / 6 reach 1e-7 at m = 11. With h = u^(1/3) the truncation is at most (h |m|)^2 / 6 = 6e-9 at
     * |m| = 40, and the rounding u |f| / h is at most 4e-11 times the scale the error is divided by: for l'
     * the larger of |l'| and |l|, for l'' the larger of |l''| and |l'| (the size of what is differenced;
     * where l'' is far below l', as for the logistic loss at m = -40, the comparison is only as fine as that
     * scale, and the 50-digit reference values of the unit tests cover the tails).
     */
    static double centralDifference(DoubleUnaryOperator f, double m) {
        double h = FiniteDifferences.FIRST_ORDER_STEP;
        double plus = m + h;
        double minus = m - h;
        return (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (plus - minus);
    }
}
