package org.advsharp.checks.spectrum;

import java.util.Locale;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.checks.problems.AdversarialCase;
import org.advsharp.checks.problems.CompressedRise;
import org.advsharp.checks.problems.Problems;
import org.advsharp.checks.problems.PropertyEvidence;
import org.advsharp.numerics.EjmlSymmetricEigenSolver;
import org.advsharp.numerics.Tolerances;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.oracle.HessianDecomposition;
import org.advsharp.property.Labels;
import org.advsharp.property.PropertyReport;
import org.advsharp.property.PropertyRunner;

/**
 * thm:compressed-monotone, the paper's central statement at fixed w (proved): every eigenvalue of Q^T H Q
 * rises from eps1 to eps2 by at least kappa(eps2) - kappa(eps1) &gt; 0, and strictly. {@link
 * UnderTheMarginCondition} checks it on {@value #THEOREM_TRIES} problems generated to meet the margin
 * condition at eps2; {@link UnderTheWeakerCondition} on problems moved so that only m_n(eps1) + m_n(eps2)
 * &gt;= 0 holds, with a negative margin at eps2 ({@link #weakerConditionOnly}).
 */
final class CompressedMonotone {
    static final String CLAIM_ID = "thm:compressed-monotone";
    private static final int THEOREM_TRIES = 300;
    /** Margins beyond this in size make s(m) = sigma(m) sigma(-m) smaller than e^-700, near the subnormals. */
    private static final double SUBNORMAL_MARGIN = 700;
    /** Label of the cases where some margin at eps2 is negative. */
    private static final String SOME_MARGIN_NEGATIVE = "some margin at eps2 < 0 (weaker condition only)";
    /**
     * Share of the weaker-condition cases that must leave the margin condition (a negative margin at eps2):
     * the generator moves eps2 past the smallest margin whenever the case is usable, so all usable cases
     * should; 0.5 leaves room for the skipped ones (w = 0, d = 1, eps1 = eps2).
     */
    static final double WEAKER_ONLY_SHARE = 0.5;
    private static final String RISE_MEASURED =
            "min over cases and i of (rise of lambda_i - rise of kappa + slack) / rise of kappa";
    private static final String SLACK = "slack = Tolerances.EIGEN_SOLVER_AGREEMENT x ||Q^T H Q||";

    private CompressedMonotone() {
    }

    /** The theorem under the margin condition at eps2. */
    static final class UnderTheMarginCondition implements Check {

        @Override
        public String id() {
            return "compressed-spectrum-rises-under-margin-condition";
        }

        @Override
        public String claimId() {
            return CLAIM_ID;
        }

        @Override
        public String title() {
            return "every eigenvalue of Q^T H Q rises from eps1 to eps2 by at least kappa(eps2) - kappa(eps1) > 0";
        }

        @Override
        public String run(CheckContext context, Evidence evidence) {
            Tightest tightest = new Tightest();
            PropertyReport<AdversarialCase> report = PropertyRunner.check(
                    "compressed eigenvalues rise strictly under the margin condition", Problems.marginCondition(),
                    (c, labels) -> rises(c, labels, tightest, false),
                    Problems.config(context, THEOREM_TRIES));
            PropertyEvidence.mustHold(evidence, context, report, Problems::paste);
            evidence.floor(PropertyEvidence.floorFor(THEOREM_TRIES));
            evidence.measure(Measurement.atLeast(RISE_MEASURED, tightest.margin, 0.0, SLACK));
            return String.format(Locale.ROOT, "On %d problems generated to meet the margin condition every compressed "
                    + "eigenvalue rose strictly, each by at least the rise of kappa.", report.tries());
        }
    }

    /** The theorem where only m1 + m2 &gt;= 0 holds: every case generated with a negative margin at eps2. */
    static final class UnderTheWeakerCondition implements Check {

        @Override
        public String id() {
            return "compressed-spectrum-rises-under-weaker-condition";
        }

        @Override
        public String claimId() {
            return CLAIM_ID;
        }

        @Override
        public String title() {
            return "every eigenvalue of Q^T H Q rises strictly by at least the rise of kappa where only "
                    + "m1 + m2 >= 0 holds (cases generated with a negative margin at eps2)";
        }

        @Override
        public String run(CheckContext context, Evidence evidence) {
            Tightest tightest = new Tightest();
            PropertyReport<AdversarialCase> report = PropertyRunner.check(
                    "compressed eigenvalues rise strictly under the weaker condition m1 + m2 >= 0",
                    Problems.marginCondition().map(CompressedMonotone::weakerConditionOnly),
                    (c, labels) -> rises(c, labels, tightest, true),
                    Problems.config(context, THEOREM_TRIES));
            PropertyEvidence.mustHold(evidence, context, report, Problems::paste);
            evidence.floor(PropertyEvidence.floorFor(THEOREM_TRIES));
            evidence.measure(Measurement.atLeast(RISE_MEASURED, tightest.margin, 0.0, SLACK));
            double broken = report.share(SOME_MARGIN_NEGATIVE);
            evidence.measure(Measurement.atLeast("share of cases with a negative margin at eps2 (the weaker condition only)",
                    broken, WEAKER_ONLY_SHARE, "WEAKER_ONLY_SHARE: the generator must leave the margin condition"));
            return String.format(Locale.ROOT, "On %d problems generated so that m1 + m2 >= 0 while a margin at eps2 is "
                    + "negative (%.0f%% of them), every compressed eigenvalue rose strictly by at least the rise of kappa.",
                    report.tries(), 100 * broken);
        }
    }

    /** The smallest relative margin of the rise, (rise of lambda_i - rise of kappa + slack) / rise of kappa, seen. */
    private static final class Tightest {
        private double margin = Double.POSITIVE_INFINITY;

        void see(double m) {
            margin = Math.min(margin, m);
        }
    }

    /**
     * A margin-condition case moved to the weaker condition on purpose: with a* = min_n y_n w^T x_n / ||w||
     * (at least eps2 > eps1 by the margin condition), eps2' = eps1 + f (2 a* - 2 eps1) with f in [0.55, 0.95]
     * taken from the case, so eps1 + eps2' <= 2 a* (every m1 + m2 >= 0) and eps2' > a* (the smallest margin
     * at eps2' is negative).
     */
    static AdversarialCase weakerConditionOnly(AdversarialCase c) {
        double wn = Vectors.norm(c.w());
        if (wn == 0 || !(c.eps2() > c.eps1())) {
            return c;
        }
        double smallest = Double.POSITIVE_INFINITY;
        for (int n = 0; n < c.data().size(); n++) {
            smallest = Math.min(smallest, c.data().label(n) * Vectors.dot(c.w(), c.data().row(n)) / wn);
        }
        if (!(smallest > c.eps1()) || !Double.isFinite(smallest)) {
            return c;
        }
        double f = 0.55 + 0.4 * Math.min(1.0, c.eps2() / smallest);
        return new AdversarialCase(c.data(), c.w(), c.eps1(), c.eps1() + f * (2 * smallest - 2 * c.eps1()));
    }

    /**
     * The theorem on one case: every compressed eigenvalue rises by at least kappa(eps2) - kappa(eps1) (up to
     * the eigensolver's slack) and strictly, under the margin condition at eps2 or, with {@code weaker}, under
     * m_n(eps1) + m_n(eps2) >= 0.
     */
    private static String rises(AdversarialCase c, Labels labels, Tightest tightest, boolean weaker) {
        if (!FallSearch.usable(c)) {
            labels.label("skipped: w = 0, eps1 = eps2 or d = 1");
            return null;
        }
        Problems.regimes(c).forEach(labels::label);
        HessianDecomposition low = new AdversarialLoss(c.data(), c.eps1()).hessian(c.w());
        HessianDecomposition high = new AdversarialLoss(c.data(), c.eps2()).hessian(c.w());
        boolean negative = false;
        for (int n = 0; n < high.margins().length; n++) {
            double m2 = high.margins()[n];
            double condition = weaker ? low.margins()[n] + m2 : m2;
            if (condition < -Tolerances.ROUNDING * Math.max(1.0, Math.abs(low.margins()[n]))) {
                return "generator broke the " + (weaker ? "weaker condition m1 + m2 >= 0: " : "margin condition: ")
                        + condition;
            }
            negative |= m2 < 0;
        }
        if (negative) {
            labels.label(SOME_MARGIN_NEGATIVE);
        }
        if (weaker && largestMargin(low, high) > SUBNORMAL_MARGIN) {
            // With a negative margin at eps2 of size above 700, s(m) is below e^-700 and the compressed
            // matrix mixes subnormal terms into kappa I; EJML's QR need not converge on it (seed 2 gave
            // such a 6x6 case). The statement is unaffected; the case is counted and skipped.
            labels.label("a margin beyond 700 in size: s(m) subnormal (skipped)");
            return null;
        }
        CompressedRise rise = CompressedRise.of(low, high, new EjmlSymmetricEigenSolver());
        double[] a = rise.low();
        double[] b = rise.high();
        double kappaRise = rise.kappaRise();
        double slack = rise.slack();
        if (high.kappa() < Double.MIN_NORMAL) {
            // sigma(-m) underflowed at eps2 (margins above about 745, huge ||w||): kappa and the curvatures
            // s(m) are 0 or subnormal in floating point, so the rise cannot be observed; the eigenvalues
            // still must not fall.
            labels.label("kappa underflows at eps2");
            for (int i = 0; i < a.length; i++) {
                if (b[i] - a[i] + slack < 0) {
                    return String.format(Locale.ROOT, "eigenvalue %d fell by %.6e", i, a[i] - b[i]);
                }
            }
            return null;
        }
        if (!(kappaRise > 0)) {
            return "kappa did not rise: " + low.kappa() + " -> " + high.kappa();
        }
        for (int i = 0; i < a.length; i++) {
            double margin = (b[i] - a[i] - kappaRise + slack) / kappaRise;
            tightest.see(margin);
            if (margin < 0) {
                return String.format(Locale.ROOT, "eigenvalue %d rose by %.6e < kappa rise %.6e", i, b[i] - a[i],
                        kappaRise);
            }
            // Strictly: where the rise of kappa is above the eigensolver's slack, the eigenvalue must be
            // observed to rise; below it the rise is rounding-level and only the bound above applies.
            if (kappaRise > slack && !(b[i] > a[i])) {
                return String.format(Locale.ROOT, "eigenvalue %d did not rise strictly: %.17g -> %.17g", i, a[i], b[i]);
            }
            if (kappaRise <= slack) {
                labels.label("rise of kappa below the eigensolver's slack");
            }
        }
        return null;
    }

    private static double largestMargin(HessianDecomposition low, HessianDecomposition high) {
        double largest = 0;
        for (int n = 0; n < low.margins().length; n++) {
            largest = Math.max(largest, Math.max(Math.abs(low.margins()[n]), Math.abs(high.margins()[n])));
        }
        return largest;
    }
}
