package org.advsharp.checks.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.advsharp.check.Check;
import org.advsharp.checks.DeclaredVerdicts;
import org.advsharp.checks.problems.AdversarialCase;
import org.advsharp.claims.Claim;
import org.advsharp.claims.ClaimRegistry;
import org.advsharp.data.Dataset;
import org.advsharp.property.Labels;
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

    /**
     * The detector of thm:trace-monotone-margin sees a fall when there is one: on the proof's two-dimensional
     * instance (a fall well beyond rounding) it reports a violation, and on the same sample in d = 3 (where the
     * theorem makes it rise) it passes without calling the rise rounding-level. The theorem's own cases never fall,
     * so without this a detector that let falls through would pass unnoticed.
     */
    @Test
    void theTraceRiseDetectorSeesAFallAndARise() {
        AdversarialCase falls = TraceFallsInTwoDimensions.instanceFromProof();
        Labels onTheFall = new Labels();
        assertNotNull(TraceMonotoneMargin.risesStrictly(falls, onTheFall));
        assertTrue(onTheFall.names().isEmpty(), "a fall is not rounding: " + onTheFall.names());
        AdversarialCase rises = new AdversarialCase(Dataset.of(new double[][] {{1.0, 0.0, 0.0}}, new double[] {1.0}),
                new double[] {1.0, 0.0, 0.0}, falls.eps1(), falls.eps2());
        Labels onTheRise = new Labels();
        assertNull(TraceMonotoneMargin.risesStrictly(rises, onTheRise));
        assertTrue(onTheRise.names().isEmpty(), "a clear rise is not rounding: " + onTheRise.names());
    }
}
