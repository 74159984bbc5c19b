package org.advsharp.suite.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.CheckResult;
import org.advsharp.claims.Claim;
import org.advsharp.claims.ClaimRegistry;
import org.advsharp.claims.VerdictRule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the checks of every claim in proofs/training.md and asserts that each claim's verdict, computed
 * from the evidence, is the verdict its proof file declares. The expected verdict comes from proofs/,
 * never from this file.
 */
class TrainingClaimsTest {

    static Map<String, List<Check>> checksByClaim() {
        Map<String, List<Check>> byClaim = new LinkedHashMap<>();
        for (Check check : TrainingChecks.checks()) {
            byClaim.computeIfAbsent(check.claimId(), id -> new ArrayList<>()).add(check);
        }
        return byClaim;
    }

    @Test
    void everyClaimOfTrainingMdHasChecksHere() {
        ClaimRegistry registry = ClaimRegistry.load();
        List<String> missing = registry.claims().stream().filter(c -> c.source().endsWith("training.md"))
                .map(Claim::id).filter(id -> !checksByClaim().containsKey(id)).toList();
        assertEquals(List.of(), missing, "claims of training.md without a training check");
    }

    @TestFactory
    Stream<DynamicTest> everyTrainingClaimGetsItsDeclaredVerdict() {
        ClaimRegistry registry = ClaimRegistry.load();
        Map<String, List<Check>> byClaim = checksByClaim();
        assertFalse(byClaim.isEmpty(), "there are training checks");
        CheckContext context = CheckContext.defaults();
        return byClaim.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            Claim claim = registry.get(entry.getKey());
            List<CheckResult> results = new ArrayList<>();
            for (Check check : entry.getValue()) {
                results.add(check.execute(context));
            }
            assertEquals(claim.expectedVerdict(), VerdictRule.verdictOf(claim, results),
                    VerdictRule.explain(claim, results) + " " + summaries(results));
        }));
    }

    private static String summaries(List<CheckResult> results) {
        StringBuilder text = new StringBuilder();
        for (CheckResult r : results) {
            text.append("\n  ").append(r.checkId()).append(": ").append(r.outcome()).append(": ").append(r.summary());
            r.measurements().stream().filter(m -> !m.passed())
                    .forEach(m -> text.append("\n    failed: ").append(m));
        }
        return text.toString();
    }
}
