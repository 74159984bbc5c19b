package org.advsharp.checks.spectrum;

import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.checks.problems.Problems;
import org.advsharp.numerics.EjmlSymmetricEigenSolver;
import org.advsharp.numerics.SymmetricEigenSolver;
import org.advsharp.oracle.AdversarialLoss;

/**
 * rem:margin-condition-needed: without the margin condition the statements at fixed w fail. Two
 * counterexample searches over {@link FallSearch#SEARCH_BUDGET} cases of any regime: {@link CompressedCanFall}
 * for a compressed eigenvalue that falls from eps1 to eps2, {@link TraceCanFall} for a fall of trace(H).
 */
final class MarginConditionNeeded {
    static final String CLAIM_ID = "rem:margin-condition-needed";

    private MarginConditionNeeded() {
    }

    /** The search for a compressed eigenvalue of Q^T H Q that falls. */
    static final class CompressedCanFall implements Check {

        @Override
        public String id() {
            return "compressed-spectrum-can-fall-without-margins";
        }

        @Override
        public String claimId() {
            return CLAIM_ID;
        }

        @Override
        public String title() {
            return "search: without the margin condition a compressed eigenvalue falls";
        }

        @Override
        public String run(CheckContext context, Evidence evidence) {
            SymmetricEigenSolver solver = new EjmlSymmetricEigenSolver();
            return FallSearch.search(context, evidence,
                    "compressed eigenvalues rise without the margin condition (expected to fail)",
                    Problems.anyRegime(), "a compressed eigenvalue", c -> {
                        double[] a = solver.decompose(new AdversarialLoss(c.data(), c.eps1()).hessian(c.w()).compressed()).eigenvalues();
                        double[] b = solver.decompose(new AdversarialLoss(c.data(), c.eps2()).hessian(c.w()).compressed()).eigenvalues();
                        for (int i = 0; i < a.length; i++) {
                            String fall = FallSearch.fall(a[i], b[i], "compressed eigenvalue " + i, c);
                            if (fall != null) {
                                return fall;
                            }
                        }
                        return null;
                    });
        }
    }

    /** The search for a fall of trace(H). */
    static final class TraceCanFall implements Check {

        @Override
        public String id() {
            return "trace-can-fall-without-margins";
        }

        @Override
        public String claimId() {
            return CLAIM_ID;
        }

        @Override
        public String title() {
            return "search: without the margin condition trace(H) falls";
        }

        @Override
        public String run(CheckContext context, Evidence evidence) {
            return FallSearch.search(context, evidence, "trace(H) rises without the margin condition (expected to fail)",
                    Problems.anyRegime(), "trace(H)", FallSearch::traceFall);
        }
    }
}
