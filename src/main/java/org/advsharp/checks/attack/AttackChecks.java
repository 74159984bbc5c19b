package org.advsharp.checks.attack;

import java.util.List;
import org.advsharp.check.Check;

/**
 * The checks of lem:worst-case-l2, prop:pgd-reaches-worst-case, lem:closed-form-loss, lem:convex and
 * prop:linf-no-direction-term (the claims of proofs/attack.md), one class per claim: the closed-form attack
 * beats every point of a random search of the ball and PGD, PGD converges to it, the closed-form loss equals
 * the loss at the attacked inputs, the loss is convex, and the L-infinity loss's Hessian has no direction term.
 */
public final class AttackChecks {

    private AttackChecks() {
    }

    public static List<Check> checks() {
        return List.of(
                new WorstCaseL2(),
                new PgdReachesWorstCase(),
                new ClosedFormLoss(),
                new Convex(),
                new LinfNoDirectionTerm());
    }
}
