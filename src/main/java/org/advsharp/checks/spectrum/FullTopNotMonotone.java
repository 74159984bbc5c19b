package org.advsharp.checks.spectrum;

import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.checks.problems.Problems;
import org.advsharp.numerics.EjmlSymmetricEigenSolver;
import org.advsharp.numerics.SymmetricEigenSolver;
import org.advsharp.oracle.AdversarialLoss;

/**
 * rem:full-top-not-monotone: a counterexample search, over {@link FallSearch#SEARCH_BUDGET} cases generated
 * to meet the margin condition at eps2, for a fall of lambda_max(H) from eps1 to eps2 (the top eigenvalue of
 * the full Hessian need not rise although every compressed one does); the first fall found is shrunk.
 */
final class FullTopNotMonotone implements Check {

    @Override
    public String id() {
        return "full-top-eigenvalue-can-fall";
    }

    @Override
    public String claimId() {
        return "rem:full-top-not-monotone";
    }

    @Override
    public String title() {
        return "search: lambda_max(H) falls from eps1 to eps2 although every margin at eps2 is >= 0";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        SymmetricEigenSolver solver = new EjmlSymmetricEigenSolver();
        return FallSearch.search(context, evidence,
                "lambda_max(H) does not fall under the margin condition (expected to fail)",
                Problems.marginCondition(), "lambda_max(H)", c -> {
                    double low = solver.decompose(new AdversarialLoss(c.data(), c.eps1()).hessian(c.w()).full()).largest();
                    double high = solver.decompose(new AdversarialLoss(c.data(), c.eps2()).hessian(c.w()).full()).largest();
                    return FallSearch.fall(low, high, "lambda_max(H)", c);
                });
    }
}
