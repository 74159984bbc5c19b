package org.advsharp.checks.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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

/**
 * Runs the checks of every claim in proofs/spectrum.md, as {@link SpectrumChecks} lists them; each claim must
 * get the verdict its proof file declares, and the proof's own instance of rem:trace-falls-in-two-dimensions
 * must show its fall.
 */
class SpectrumClaimsTest {

    @Test
    void everyClaimOfSpectrumMdHasChecksHere() {
        Map<String, List<Check>> byClaim = DeclaredVerdicts.byClaim(SpectrumChecks.checks());
        List<String> missing = ClaimRegistry.load().claims().stream().filter(c -> c.source().endsWith("spectrum.md"))
                .map(Claim::id).filter(id -> !byClaim.containsKey(id)).toList();
        assertEquals(List.of(), missing, "claims of spectrum.md without a check");
    }

    @TestFactory
    Stream<DynamicTest> everySpectrumClaimGetsItsDeclaredVerdict() {
        return DeclaredVerdicts.tests(SpectrumChecks.checks());
    }

    @Test
    void theTraceFallsOnTheProofsInstance() {
        assertNotNull(FallSearch.traceFall(TraceFallsInTwoDimensions.instanceFromProof()));
    }
}
