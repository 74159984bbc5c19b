package org.advsharp.checks;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.advsharp.check.Check;
import org.advsharp.claims.Claim;
import org.advsharp.claims.ClaimRegistry;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every registered check of every claim outside proofs/deep.md (the catalog is discovered, so no
 * check can be left out) and asserts that each claim's verdict, computed from the evidence, is the verdict
 * its proof file declares. The deep claims take minutes on a CPU: DeepDeclaredVerdictsIT runs them in the
 * integration phase of {@code mvn verify}.
 */
class DeclaredVerdictsTest {

    /** The proofs/ file whose claims run in the integration phase instead. */
    static final String DEEP_FILE = "proofs/deep.md";

    static List<Check> checksOf(boolean deep) {
        Set<String> deepClaims = ClaimRegistry.load().claims().stream().filter(c -> c.source().equals(DEEP_FILE))
                .map(Claim::id).collect(Collectors.toSet());
        return CheckCatalog.all().stream().filter(c -> deepClaims.contains(c.claimId()) == deep).toList();
    }

    @TestFactory
    Stream<DynamicTest> everyClaimGetsItsDeclaredVerdict() {
        return DeclaredVerdicts.tests(checksOf(false));
    }
}
