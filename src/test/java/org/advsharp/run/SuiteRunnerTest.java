package org.advsharp.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.claims.Verdict;
import org.advsharp.results.ClaimOutcome;
import org.advsharp.results.Results;
import org.junit.jupiter.api.Test;

class SuiteRunnerTest {

    private static Results runSample(List<Check> checks, Set<String> filter, List<String> progress) {
        CheckContext ctx = new CheckContext(42L, 0, progress::add);
        return new SuiteRunner(SampleSuite.claims(), checks).run(ctx, filter, "test");
    }

    @Test
    void everyClaimGetsItsVerdictAndResultsInCatalogOrder() {
        List<String> progress = new ArrayList<>();
        Results r = runSample(SampleSuite.checks(), Set.of(), progress);
        assertEquals(5, r.claims().size());
        assertEquals(List.of(Verdict.VERIFIED, Verdict.COUNTEREXAMPLE, Verdict.SUPPORTED, Verdict.NOT_RUN,
                Verdict.VERIFIED), r.claims().stream().map(ClaimOutcome::verdict).toList());
        assertEquals(List.of("decomposition-vs-fd", "kappa-psd"),
                r.claims().get(0).checks().stream().map(x -> x.checkId()).toList());
        assertEquals(2, r.counts().get(Verdict.VERIFIED));
        assertEquals(0, r.counts().get(Verdict.FAILED));
        assertFalse(r.anyFailed());
        assertEquals(List.of("resnet-gpu: no GPU visible (CUDA device count 0)"), r.claims().get(3).notRunReasons());
        // one line before and one after each of the six checks
        assertEquals(12, progress.size());
        assertTrue(progress.get(0).startsWith("[claim 1/5, check 1/6] prop:sample-decomposition / decomposition-vs-fd"),
                progress.get(0));
        assertTrue(progress.stream().anyMatch(l -> l.endsWith("resnet-gpu: NOT RUN (0.0 s)")), progress.toString());
        assertTrue(progress.stream().noneMatch(l -> l.contains("NOT_RUN") || l.contains("COUNTEREXAMPLE_FOUND")),
                progress.toString());
        assertTrue(progress.get(progress.size() - 1).startsWith("[claim 5/5, check 6/6] "), progress.toString());
        assertEquals(42L, r.runs().get(0).masterSeed());
    }

    @Test
    void aFailingCheckFailsItsClaimAndTheRun() {
        List<Check> checks = new ArrayList<>(SampleSuite.checks());
        checks.add(SampleSuite.failingCheck("conj:sample-trace"));
        Results r = runSample(checks, Set.of(), new ArrayList<>());
        assertTrue(r.anyFailed());
        assertEquals(List.of("conj:sample-trace"), r.failed().stream().map(ClaimOutcome::id).toList());
        assertEquals(1, r.counts().get(Verdict.FAILED));
    }

    @Test
    void theFilterRunsOnlyTheNamedClaimsAndTheirChecks() {
        List<String> progress = new ArrayList<>();
        Results r = runSample(SampleSuite.checks(), Set.of("rem:sample-not-monotone"), progress);
        assertEquals(List.of("rem:sample-not-monotone"), r.claims().stream().map(ClaimOutcome::id).toList());
        assertEquals(2, progress.size());
    }

    @Test
    void anUnknownClaimIdInTheFilterIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> runSample(SampleSuite.checks(), Set.of("thm:nope"), new ArrayList<>()));
        assertTrue(e.getMessage().contains("'thm:nope'"), e.getMessage());
    }

    @Test
    void aCheckNamingAnUndeclaredClaimIsRejected() {
        List<Check> checks = List.of(SampleSuite.failingCheck("thm:undeclared"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SuiteRunner(SampleSuite.claims(), checks));
        assertTrue(e.getMessage().contains("thm:undeclared"), e.getMessage());
    }

    @Test
    void aClaimWithNoChecksIsNotRunRatherThanPassed() {
        List<Check> checks = SampleSuite.checks().stream().filter(c -> !c.claimId().equals("inst:sample-eigen")).toList();
        Results r = runSample(checks, Set.of("inst:sample-eigen"), new ArrayList<>());
        assertTrue(r.claims().get(0).verdict() != Verdict.VERIFIED, "a claim without evidence must not pass");
    }
}
