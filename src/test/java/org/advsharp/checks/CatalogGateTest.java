package org.advsharp.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.advsharp.claims.ClaimConsistency;
import org.advsharp.claims.ClaimRegistry;
import org.junit.jupiter.api.Test;

/**
 * The build-time gate between proofs/ and the check catalog: every claim has at least one check, every
 * check names a claim that exists, no two checks share an id, every claim a Uses: line names exists and
 * no claims use each other in a circle; and the discovered check families live in one package per
 * proofs/ file.
 */
class CatalogGateTest {

    @Test
    void everyClaimHasACheckAndEveryCheckNamesAKnownClaim() {
        List<String> problems = ClaimConsistency.problems(ClaimRegistry.load(), CheckCatalog.all());
        assertEquals(List.of(), problems, "claims and checks are out of step");
    }

    @Test
    void theCheckFamiliesLiveInOnePackagePerProofsFile() {
        Set<String> packages = new TreeSet<>();
        CheckCatalog.families().forEach(f -> packages.add(f.getPackageName()));
        Set<String> files = new TreeSet<>();
        ClaimRegistry.load().claims().forEach(c -> files.add(CheckCatalog.ROOT + "."
                + c.source().replaceFirst("^proofs/", "").replaceFirst("\\.md$", "")));
        assertEquals(files, packages);
    }
}
