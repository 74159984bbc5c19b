package org.advsharp.checks.hessian;

import java.util.List;
import org.advsharp.check.Check;

/**
 * The checks of prop:hessian and prop:linf-no-direction-term, one class per claim: the closed-form loss,
 * gradient and Hessian against two independent derivative oracles, central finite differences and forward-mode
 * automatic differentiation (Commons Math DerivativeStructure), on random problems.
 */
public final class DerivativeChecks {

    private DerivativeChecks() {
    }

    public static List<Check> checks() {
        return List.of(
                new Hessian.AgainstFiniteDifferences(),
                new Hessian.AgainstAutodiff(),
                new LinfNoDirectionTerm());
    }
}
