package org.advsharp.checks.hessian;

import java.util.List;
import org.advsharp.check.Check;

/**
 * The checks of proofs/hessian.md, one class per claim: the closed-form gradient and Hessian against central
 * finite differences and forward-mode automatic differentiation (prop:hessian), the direction term is what
 * separates the re-attacked Hessian from the detached one (prop:decomposition), kappa rises with eps
 * (prop:kappa-monotone), and noise that does not depend on w adds no such term (prop:random-noise).
 */
public final class HessianChecks {

    private HessianChecks() {
    }

    public static List<Check> checks() {
        return List.of(
                new Decomposition(),
                new KappaMonotone(),
                new RandomNoise(),
                new Hessian.AgainstFiniteDifferences(),
                new Hessian.AgainstAutodiff());
    }
}
