package org.advsharp.checks.losses;

import java.util.Locale;
import org.advsharp.checks.problems.AdversarialCase;
import org.advsharp.checks.problems.PropertyEvidence;
import org.advsharp.data.Dataset;
import org.advsharp.numerics.Tolerances;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.MarginAdversarialLoss;
import org.advsharp.oracle.MarginLoss;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * What the fixed-weight claims of proofs/losses.md ask of one case: whether the statements speak of it,
 * whether the pull -l'(m) underflows at a radius (so that only "no fall" is observable), and whether trace(H)
 * fell from eps1 to eps2 by more than rounding.
 */
final class MarginCases {
    /** Margins beyond this in size make l'' of every loss here smaller than e^-700 or overflow the exponential loss. */
    private static final double EXTREME_MARGIN = 700;

    private MarginCases() {
    }

    /**
     * Why the case is skipped, or null where it is usable: w != 0, eps1 &lt; eps2, d &gt;= 2, and no margin
     * beyond {@link #EXTREME_MARGIN} in size.
     */
    static String unusable(AdversarialCase c, MarginLoss loss) {
        if (Vectors.norm(c.w()) == 0 || !(c.eps2() > c.eps1()) || c.data().dimension() < 2) {
            return PropertyEvidence.SKIPPED + " w = 0, eps1 = eps2 or d = 1";
        }
        for (double eps : new double[] {c.eps1(), c.eps2()}) {
            for (double m : new MarginAdversarialLoss(c.data(), loss, eps).margins(c.w())) {
                if (Math.abs(m) > EXTREME_MARGIN) {
                    return PropertyEvidence.SKIPPED + " a margin beyond 700 in size (l'' overflows or is subnormal)";
                }
            }
        }
        return null;
    }

    /**
     * Whether -l'(m_n) is below the smallest normal double for every margin at this radius, computed from the
     * margins alone (not from the oracle's kappa, so that an oracle returning kappa = 0 is not excused).
     */
    static boolean pullUnderflows(MarginLoss loss, Dataset data, double[] w, double eps) {
        for (double m : new MarginAdversarialLoss(data, loss, eps).margins(w)) {
            if (-loss.slope(m) >= Double.MIN_NORMAL) {
                return false;
            }
        }
        return true;
    }

    /**
     * trace(H(eps1)) against trace(H(eps2)): a description of a fall by more than Tolerances.MONOTONICITY_FALL
     * of trace(H(eps1)) (anything smaller is rounding, where no direction can be seen), or null.
     */
    static String traceFall(MarginLoss loss, LossOracle.Factory oracles, AdversarialCase c) {
        double low = CommonOps_DDRM.trace(oracles.at(c.data(), loss, c.eps1()).hessian(c.w()));
        double high = CommonOps_DDRM.trace(oracles.at(c.data(), loss, c.eps2()).hessian(c.w()));
        return Tolerances.fellBeyondRounding(low, high) ? String.format(Locale.ROOT,
                "trace(H) falls from %.10g at eps1 = %.6g to %.10g at eps2 = %.6g", low, c.eps1(), high, c.eps2()) : null;
    }
}
