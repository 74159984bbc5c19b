package org.advsharp.checks.hessian;

import java.util.List;
import org.advsharp.check.Check;

/**
 * The checks of prop:decomposition, prop:kappa-monotone and prop:random-noise, one class per claim: the
 * direction term is what separates the re-attacked Hessian from the detached one, kappa rises with eps, and
 * noise that does not depend on w adds no such term.
 */
public final class DecompositionChecks {

    private DecompositionChecks() {
    }

    public static List<Check> checks() {
        return List.of(
                new Decomposition(),
                new KappaMonotone(),
                new RandomNoise());
    }
}
