package org.advsharp.checks.spectrum;

import java.util.Locale;
import java.util.function.Function;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.checks.problems.AdversarialCase;
import org.advsharp.checks.problems.Problems;
import org.advsharp.checks.problems.PropertyEvidence;
import org.advsharp.numerics.Tolerances;
import org.advsharp.numerics.Vectors;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.property.Gen;
import org.advsharp.property.PropertyReport;
import org.advsharp.property.PropertyRunner;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * What the fixed-weight monotonicity claims share: which cases they speak of, when a quantity has fallen
 * from eps1 to eps2 (by more than rounding), and the frame of the searches for such a fall
 * (rem:full-top-not-monotone, rem:margin-condition-needed).
 */
final class FallSearch {
    /** Budget of the counterexample searches; docs/theory.md reports rates of about 1/100, 1/20 and 1/170. */
    static final int SEARCH_BUDGET = 3_000;

    private FallSearch() {
    }

    /** A case the statements speak of: w != 0, eps1 < eps2 and d >= 2. */
    static boolean usable(AdversarialCase c) {
        return Vectors.norm(c.w()) > 0 && c.eps2() > c.eps1() && c.data().dimension() >= 2;
    }

    /**
     * The frame of the counterexample searches: over the search budget of the running check, look for a
     * usable case where {@code fall} describes a fall, record the search (and the shrunk counterexample) as
     * evidence, and say what was found.
     *
     * @param what what falls, for the summary ("No fall of {@code what} found in ...")
     * @param fall a description of the fall in a usable case, null where there is none
     */
    static String search(CheckContext context, Evidence evidence, String title, Gen<AdversarialCase> cases,
                         String what, Function<AdversarialCase, String> fall) {
        PropertyReport<AdversarialCase> report = PropertyRunner.check(title, cases,
                (c, labels) -> usable(c) ? fall.apply(c) : null, Problems.config(context, SEARCH_BUDGET));
        PropertyEvidence.search(evidence, context, report, Problems::paste);
        return report.holds()
                ? "No fall of " + what + " found in " + PropertyEvidence.cases(report, "cases") + "."
                : "Counterexample: " + report.violation();
    }

    /** A description of the fall of trace(H) from eps1 to eps2 when it exceeds rounding, else null. */
    static String traceFall(AdversarialCase c) {
        double low = CommonOps_DDRM.trace(new AdversarialLoss(c.data(), c.eps1()).hessian(c.w()).full());
        double high = CommonOps_DDRM.trace(new AdversarialLoss(c.data(), c.eps2()).hessian(c.w()).full());
        return fall(low, high, "trace(H)", c);
    }

    /** A description of the fall from low to high when it exceeds rounding, else null. */
    static String fall(double low, double high, String what, AdversarialCase c) {
        if (Tolerances.fellBeyondRounding(low, high)) {
            return String.format(Locale.ROOT, "%s falls from %.6g at eps1 = %.6g to %.6g at eps2 = %.6g", what, low,
                    c.eps1(), high, c.eps2());
        }
        return null;
    }
}
