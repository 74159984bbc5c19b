package org.advsharp.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.advsharp.claims.ClaimConsistency;
import org.advsharp.claims.ClaimRegistry;
import org.junit.jupiter.api.Test;

/**
 * The build-time gate between proofs/ and the check catalog: every claim has at least one check, every
 * check names a claim that exists, and no two checks share an id.
 */
class CatalogGateTest {

    @Test
    void everyClaimHasACheckAndEveryCheckNamesAKnownClaim() {
        List<String> problems = ClaimConsistency.problems(ClaimRegistry.load(), CheckCatalog.all());
        assertEquals(List.of(), problems, "claims and checks are out of step");
    }
}
