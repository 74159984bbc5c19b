package org.advsharp.checks.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.advsharp.check.Check;
import org.advsharp.claims.Claim;
import org.advsharp.claims.ClaimRegistry;
import org.advsharp.checks.DeclaredVerdicts;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the checks of every claim in proofs/training.md and asserts that each claim's verdict, computed
 * from the evidence, is the verdict its proof file declares.
 */
class TrainingClaimsTest {

    @Test
    void everyClaimOfTrainingMdHasChecksHere() {
        Map<String, List<Check>> byClaim = DeclaredVerdicts.byClaim(TrainingChecks.checks());
        List<String> missing = ClaimRegistry.load().claims().stream().filter(c -> c.source().endsWith("training.md"))
                .map(Claim::id).filter(id -> !byClaim.containsKey(id)).toList();
        assertEquals(List.of(), missing, "claims of training.md without a training check");
    }

    @TestFactory
    Stream<DynamicTest> everyTrainingClaimGetsItsDeclaredVerdict() {
        return DeclaredVerdicts.tests(TrainingChecks.checks());
    }
}
