package org.advsharp.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.CheckResult;
import org.advsharp.claims.Claim;
import org.advsharp.claims.ClaimKind;
import org.advsharp.claims.ClaimRegistry;
import org.advsharp.claims.Verdict;
import org.advsharp.claims.VerdictRule;
import org.junit.jupiter.api.DynamicTest;

/**
 * One dynamic test per claim: runs the claim's checks and asserts that the verdict computed from their
 * evidence is the verdict the claim's proof file declares. The expected verdict comes from proofs/,
 * never from a test.
 */
public final class DeclaredVerdicts {
    private DeclaredVerdicts() {
    }

    /** The checks grouped by the claim they are evidence for, in catalog order. */
    public static Map<String, List<Check>> byClaim(List<Check> checks) {
        Map<String, List<Check>> byClaim = new LinkedHashMap<>();
        for (Check check : checks) {
            byClaim.computeIfAbsent(check.claimId(), id -> new ArrayList<>()).add(check);
        }
        return byClaim;
    }

    /** A dynamic test per claim named by the checks, with the default context (default master seed). */
    public static Stream<DynamicTest> tests(List<Check> checks) {
        ClaimRegistry registry = ClaimRegistry.load();
        Map<String, List<Check>> byClaim = byClaim(checks);
        assertFalse(byClaim.isEmpty(), "there are checks to run");
        CheckContext context = CheckContext.defaults();
        return byClaim.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            Claim claim = registry.get(entry.getKey());
            List<CheckResult> results = new ArrayList<>();
            for (Check check : entry.getValue()) {
                results.add(check.execute(context));
            }
            Verdict verdict = VerdictRule.verdictOf(claim, results);
            // A claim that cannot run here (no GPU, no study record) is skipped, never passed.
            assumeTrue(verdict != Verdict.NOT_RUN, () -> VerdictRule.explain(claim, results));
            if (claim.kind() == ClaimKind.STUDY) {
                // a pre-registered study's recorded verdict is a finding: any verdict but FAILED stands
                assertNotEquals(Verdict.FAILED, verdict, VerdictRule.explain(claim, results) + " " + summaries(results));
                return;
            }
            assertEquals(claim.expectedVerdict(), verdict, VerdictRule.explain(claim, results) + " " + summaries(results));
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
