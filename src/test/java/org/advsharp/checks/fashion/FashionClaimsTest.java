package org.advsharp.checks.fashion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.CheckResult;
import org.advsharp.checks.DeclaredVerdicts;
import org.advsharp.claims.Claim;
import org.advsharp.claims.ClaimRegistry;
import org.advsharp.claims.Verdict;
import org.advsharp.claims.VerdictRule;
import org.advsharp.data.FashionMnist;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the checks of every claim in proofs/fashion.md: where Fashion-MNIST is installed each claim must
 * get the verdict its proof file declares; where it is not, the claims that need it must be NOT RUN with
 * the install command as the reason (and inst:matrix-free-matches-dense still runs on the bundled digits, while
 * its d = 784 part, inst:matrix-free-matches-dense-784, is NOT RUN like the rest).
 */
class FashionClaimsTest {
    /** The one claim of fashion.md that runs on the bundled digits, without Fashion-MNIST. */
    private static final String DIGITS_CLAIM = new MatrixFreeMatchesDense().claimId();

    @Test
    void everyClaimOfFashionMdHasChecksHere() {
        Map<String, List<Check>> byClaim = DeclaredVerdicts.byClaim(FashionChecks.checks());
        List<String> missing = ClaimRegistry.load().claims().stream().filter(c -> c.source().endsWith("fashion.md"))
                .map(Claim::id).filter(id -> !byClaim.containsKey(id)).toList();
        assertEquals(List.of(), missing, "claims of fashion.md without a check");
    }

    @TestFactory
    Stream<DynamicTest> everyFashionClaimGetsItsDeclaredVerdictOrIsNotRunWithTheInstallCommand() {
        if (FashionMnist.missing().isEmpty()) {
            return DeclaredVerdicts.tests(FashionChecks.checks());
        }
        ClaimRegistry registry = ClaimRegistry.load();
        return DeclaredVerdicts.byClaim(FashionChecks.checks()).entrySet().stream()
                .map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
                    Claim claim = registry.get(entry.getKey());
                    List<CheckResult> results = new ArrayList<>();
                    for (Check check : entry.getValue()) {
                        results.add(check.execute(CheckContext.defaults()));
                    }
                    Verdict verdict = VerdictRule.verdictOf(claim, results);
                    if (claim.id().equals(DIGITS_CLAIM)) {
                        assertEquals(claim.expectedVerdict(), verdict, VerdictRule.explain(claim, results));
                    } else {
                        assertEquals(Verdict.NOT_RUN, verdict, VerdictRule.explain(claim, results));
                        assertTrue(VerdictRule.explain(claim, results).contains(FashionMnist.INSTALL_COMMAND),
                                VerdictRule.explain(claim, results));
                    }
                }));
    }

    @Test
    void withoutTheFilesTheClaimsAreNotRunAndSayHowToInstallThem() {
        String before = System.getProperty(FashionMnist.DIRECTORY_PROPERTY);
        System.setProperty(FashionMnist.DIRECTORY_PROPERTY, "/nonexistent/fashion-mnist");
        try {
            ClaimRegistry registry = ClaimRegistry.load();
            for (Check check : FashionChecks.checks()) {
                if (check.claimId().equals(DIGITS_CLAIM)) {
                    continue;
                }
                CheckResult r = check.execute(CheckContext.defaults());
                Claim claim = registry.get(check.claimId());
                assertEquals(Verdict.NOT_RUN, VerdictRule.verdictOf(claim, List.of(r)));
                assertTrue(r.notRunReason().contains("apt-get install -y dataset-fashion-mnist"), r.notRunReason());
            }
        } finally {
            if (before == null) {
                System.clearProperty(FashionMnist.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(FashionMnist.DIRECTORY_PROPERTY, before);
            }
        }
    }
}
