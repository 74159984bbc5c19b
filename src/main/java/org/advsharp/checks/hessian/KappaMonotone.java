package org.advsharp.checks.hessian;

import java.util.Locale;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.checks.problems.AdversarialCase;
import org.advsharp.checks.problems.Problems;
import org.advsharp.checks.problems.PropertyEvidence;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.property.Labels;
import org.advsharp.property.PropertyReport;
import org.advsharp.property.PropertyRunner;

/**
 * prop:kappa-monotone: kappa rises with eps. On each problem kappa is exactly 0 at eps = 0 and rises strictly at
 * each of {@value #KAPPA_GRID} radii up to eps2; where kappa underflows below the smallest normal double,
 * strictness cannot be observed and only a fall is a failure.
 */
final class KappaMonotone implements Check {
    private static final int DEFAULT_TRIES = 200;
    /** Radii per problem at which kappa is compared in the monotonicity check. */
    private static final int KAPPA_GRID = 8;

    @Override
    public String id() {
        return "kappa-zero-then-strictly-increasing";
    }

    @Override
    public String claimId() {
        return "prop:kappa-monotone";
    }

    @Override
    public String title() {
        return "kappa = 0 at eps = 0 and strictly increases along a grid of radii";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        PropertyReport<AdversarialCase> report = PropertyRunner.check(
                "kappa(0) = 0 and kappa strictly increases in eps", Problems.anyRegime(), KappaMonotone::trial,
                Problems.config(context, DEFAULT_TRIES));
        PropertyEvidence.mustHold(evidence, context, report, Problems::paste);
        evidence.floor(PropertyEvidence.floorFor(DEFAULT_TRIES));
        return String.format(Locale.ROOT, "On %d problems kappa was exactly 0 at eps = 0 and rose strictly at each of "
                + "%d radii up to eps2.", report.tries(), KAPPA_GRID);
    }

    /** One problem: kappa at eps = 0, then along the grid of radii; the failure, or null. */
    private static String trial(AdversarialCase c, Labels labels) {
        if (Vectors.norm(c.w()) == 0.0 || c.eps2() == 0.0) {
            labels.label("skipped: w = 0 or eps2 = 0");
            return null;
        }
        AdversarialLoss loss = new AdversarialLoss(c.data(), 0.0);
        double previous = loss.hessian(c.w()).kappa();
        if (previous != 0.0) {
            return "kappa at eps = 0 is " + previous;
        }
        for (int k = 1; k <= KAPPA_GRID; k++) {
            double eps = c.eps2() * k / KAPPA_GRID;
            double kappa = loss.atEpsilon(eps).hessian(c.w()).kappa();
            if (kappa < Double.MIN_NORMAL) {
                // sigma(-m) underflows for margins above about 745 (huge ||w||): kappa is then
                // 0 or subnormal in floating point although positive in exact arithmetic.
                // Strictness cannot be observed there; a fall still can.
                labels.label("kappa underflows (below the smallest normal double) at some radius");
                if (kappa < previous) {
                    return String.format(Locale.ROOT, "kappa fell: %.17g -> %.17g at eps %.6g",
                            previous, kappa, eps);
                }
            } else if (!(kappa > previous)) {
                return String.format(Locale.ROOT, "kappa fell or stalled: %.17g -> %.17g at eps %.6g",
                        previous, kappa, eps);
            }
            previous = kappa;
        }
        return null;
    }
}
