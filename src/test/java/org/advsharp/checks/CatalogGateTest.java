package org.advsharp.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.advsharp.check.Check;
import org.advsharp.claims.ClaimConsistency;
import org.advsharp.claims.ClaimRegistry;
import org.junit.jupiter.api.Test;

/**
 * The build-time gate between proofs/ and the check catalog: every claim has at least one check, every
 * check names a claim that exists, no two checks share an id, every claim a Uses: line names exists and
 * no claims use each other in a circle; and the discovered check families live in one package per
 * proofs/ file, one family per package, each listing only the claims of its own file.
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

    @Test
    @SuppressWarnings("unchecked")
    void eachPackageHasOneFamilyListingOnlyTheClaimsOfItsFile() throws ReflectiveOperationException {
        Map<String, List<String>> familiesByPackage = new TreeMap<>();
        CheckCatalog.families().forEach(f -> familiesByPackage.computeIfAbsent(f.getPackageName(),
                k -> new ArrayList<>()).add(f.getSimpleName()));
        familiesByPackage.forEach((pkg, families) -> assertEquals(1, families.size(), pkg + " has families " + families));
        Map<String, String> fileOfClaim = new TreeMap<>();
        ClaimRegistry.load().claims().forEach(c -> fileOfClaim.put(c.id(), c.source()));
        List<String> strays = new ArrayList<>();
        for (Class<?> family : CheckCatalog.families()) {
            String file = "proofs/" + family.getPackageName().substring(CheckCatalog.ROOT.length() + 1) + ".md";
            for (Check check : (List<Check>) family.getMethod("checks").invoke(null)) {
                if (!file.equals(fileOfClaim.get(check.claimId()))) {
                    strays.add(check.id() + " (" + check.claimId() + ") is listed by " + family.getSimpleName());
                }
            }
        }
        assertEquals(List.of(), strays);
    }
}
