package org.advsharp.checks.losses;

import java.util.Locale;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.checks.problems.AdversarialCase;
import org.advsharp.checks.problems.LineOfW;
import org.advsharp.checks.problems.Problems;
import org.advsharp.numerics.SymmetricEigenSolver;
import org.advsharp.numerics.SymmetricEigenSolvers;
import org.advsharp.numerics.Tolerances;
import org.advsharp.oracle.MarginLoss;

/**
 * rem:margin-loss-full-top-not-monotone, one search per loss (exponential and probit): over
 * {@link FallSearch#SEARCH_BUDGET} cases generated to meet the margin condition and pushed towards the line
 * of w, a fall of lambda_max(H) from eps1 to eps2, with the find rate over the whole budget.
 *
 * @param loss the loss searched
 */
record MarginLossFullTopNotMonotone(MarginLoss loss) implements Check {

    @Override
    public String id() {
        return loss.name() + "-top-eigenvalue-can-fall";
    }

    @Override
    public String claimId() {
        return "rem:margin-loss-full-top-not-monotone";
    }

    @Override
    public String title() {
        return "search: " + loss.name() + ", margin condition: lambda_max(H) falls from eps1 to eps2";
    }

    @Override
    public String run(CheckContext context, Evidence evidence) {
        return FallSearch.search(loss, "lambda_max(H)", this::topFall,
                Problems.marginCondition().map(c -> LineOfW.towards(c, 1.0)), FallSearch.SEARCH_BUDGET, context,
                evidence);
    }

    /**
     * A fall of lambda_max(H) beyond rounding, or null. Commons Math's solver (with its power-of-two scaling):
     * on pushed probit cases H mixes entries near 1 with subnormal ones, where EJML's QR did not converge
     * (default seed, a 6 x 6 case).
     */
    private String topFall(AdversarialCase c) {
        SymmetricEigenSolver solver = SymmetricEigenSolvers.independent();
        double low = solver.decompose(LossOracle.SUITE.at(c.data(), loss, c.eps1()).hessian(c.w())).largest();
        double high = solver.decompose(LossOracle.SUITE.at(c.data(), loss, c.eps2()).hessian(c.w())).largest();
        return Tolerances.fellBeyondRounding(low, high)
                ? String.format(Locale.ROOT, "lambda_max(H) falls from %.10g at eps1 = %.6g to %.10g at eps2 = %.6g", low,
                        c.eps1(), high, c.eps2()) : null;
    }
}
