package org.advsharp.checks.fashion;

import java.util.function.ToDoubleFunction;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.checks.CheckTolerances;
import org.advsharp.training.PointSharpness;
import org.advsharp.training.SweepPoint;
import org.advsharp.training.SweepResult;

/**
 * The certificates of the trained points of the Fashion-MNIST sweeps: an object per check run holds the largest
 * gradient norm (at most {@link CheckTolerances#NEWTON_GRADIENT}) and the largest Lanczos residual / lambda_max
 * (at most {@link CheckTolerances#LANCZOS_RESIDUAL}) of every point used; and, per point, whether its top
 * eigenvalue is uncertified by that second bound, which the plots draw as an open marker.
 */
final class Certification {
    private double worstGradient;
    private double worstResidual;
    private int points;

    /** Adds every point of the sweep. */
    void add(SweepResult s) {
        for (SweepPoint p : s.points()) {
            points++;
            worstGradient = Math.max(worstGradient, p.result().gradientNorm());
            PointSharpness m = p.sharpness();
            worstResidual = Math.max(worstResidual, Math.max(m.residualH() / m.lambdaMaxH(),
                    m.residualA() / m.lambdaMaxA()));
        }
    }

    /** The number of points and the two largest certificates, each held to its tolerance. */
    void record(Evidence evidence) {
        evidence.fact("trained points", points);
        evidence.measure(Measurement.atMost("largest ||grad F|| at a trained point", worstGradient,
                CheckTolerances.NEWTON_GRADIENT));
        evidence.measure(Measurement.atMost("largest Lanczos residual / lambda_max", worstResidual,
                CheckTolerances.LANCZOS_RESIDUAL));
    }

    /** Per point of the sweep, whether its lambda_max(H) is uncertified (see {@link #uncertified(double, double)}). */
    static boolean[] uncertifiedH(SweepResult s) {
        return uncertified(s, PointSharpness::lambdaMaxH, PointSharpness::residualH);
    }

    /** Per point of the sweep, whether its lambda_max(A) is uncertified (see {@link #uncertified(double, double)}). */
    static boolean[] uncertifiedA(SweepResult s) {
        return uncertified(s, PointSharpness::lambdaMaxA, PointSharpness::residualA);
    }

    private static boolean[] uncertified(SweepResult s, ToDoubleFunction<PointSharpness> value,
                                         ToDoubleFunction<PointSharpness> residual) {
        boolean[] open = new boolean[s.points().size()];
        for (int k = 0; k < open.length; k++) {
            PointSharpness m = s.points().get(k).sharpness();
            open[k] = uncertified(residual.applyAsDouble(m), value.applyAsDouble(m));
        }
        return open;
    }

    /**
     * Whether a top eigenvalue with this residual is uncertified: residual / value is not at most
     * {@link CheckTolerances#LANCZOS_RESIDUAL} (so a residual that is not a number is uncertified), the bound
     * {@link #record} holds the largest one to. The plots draw such points as open markers.
     */
    static boolean uncertified(double residual, double value) {
        return !(residual / value <= CheckTolerances.LANCZOS_RESIDUAL.value());
    }
}
