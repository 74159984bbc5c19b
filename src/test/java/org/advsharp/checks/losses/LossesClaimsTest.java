package org.advsharp.checks.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.advsharp.check.Check;
import org.advsharp.checks.DeclaredVerdicts;
import org.advsharp.claims.Claim;
import org.advsharp.claims.ClaimRegistry;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs the checks of every claim in proofs/losses.md; each claim must get the verdict its proof file declares. */
class LossesClaimsTest {

    static List<Check> checks() {
        return LossChecks.checks();
    }

    @Test
    void everyClaimOfLossesMdHasChecksHere() {
        Map<String, List<Check>> byClaim = DeclaredVerdicts.byClaim(checks());
        List<String> missing = ClaimRegistry.load().claims().stream().filter(c -> c.source().endsWith("losses.md"))
                .map(Claim::id).filter(id -> !byClaim.containsKey(id)).toList();
        assertEquals(List.of(), missing, "claims of losses.md without a check");
    }

    @TestFactory
    Stream<DynamicTest> everyLossesClaimGetsItsDeclaredVerdict() {
        return DeclaredVerdicts.tests(checks());
    }
}
