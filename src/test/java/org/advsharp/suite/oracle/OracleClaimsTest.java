package org.advsharp.suite.oracle;

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
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the checks of every claim about the closed forms (sections 2-4 of the theory and the
 * instruments) and asserts that each claim's verdict, computed from the evidence, is the verdict its
 * proof declares. The expected verdict comes from proofs/, never from this file.
 */
class OracleClaimsTest {

    static Map<String, List<Check>> checksByClaim() {
        List<Check> all = new ArrayList<>();
        all.addAll(InstrumentChecks.checks());
        all.addAll(AttackChecks.checks());
        all.addAll(DerivativeChecks.checks());
        all.addAll(DecompositionChecks.checks());
        all.addAll(SpectrumChecks.checks());
        all.addAll(MonotonicityChecks.checks());
        Map<String, List<Check>> byClaim = new LinkedHashMap<>();
        for (Check check : all) {
            byClaim.computeIfAbsent(check.claimId(), id -> new ArrayList<>()).add(check);
        }
        return byClaim;
    }

    @TestFactory
    Stream<DynamicTest> everyOracleClaimGetsItsDeclaredVerdict() {
        ClaimRegistry registry = ClaimRegistry.load();
        Map<String, List<Check>> byClaim = checksByClaim();
        assertFalse(byClaim.isEmpty(), "there are oracle checks");
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
