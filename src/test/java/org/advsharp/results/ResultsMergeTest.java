package org.advsharp.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.advsharp.check.Check;
import org.advsharp.claims.Verdict;
import org.advsharp.run.SampleSuite;
import org.junit.jupiter.api.Test;

/** The one merge rule: the last document that ran a claim gives it; stability only across several. */
class ResultsMergeTest {

    private static Results only(String claimId, long seed) {
        List<Check> checks = SampleSuite.checks().stream().filter(c -> c.claimId().equals(claimId)).toList();
        Results all = ResultsJsonTest.run(seed, checks, 0);
        return new Results(all.runs(), all.claims().stream().filter(c -> c.id().equals(claimId)).toList());
    }

    private static Results withVerdict(Results r, String claimId, Verdict v) {
        List<ClaimOutcome> claims = new ArrayList<>();
        for (ClaimOutcome c : r.claims()) {
            claims.add(!c.id().equals(claimId) ? c : new ClaimOutcome(c.id(), c.title(), c.kind(), c.paperClaims(),
                    c.source(), c.expectedVerdict(), v, c.explanation(), c.checks(), c.run(), c.stability()));
        }
        return new Results(r.runs(), claims);
    }

    private static ClaimOutcome claim(Results r, String id) {
        return r.claims().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theLastDocumentThatRanAClaimGivesItAndANotRunReplacesNothing() {
        Results first = ResultsJsonTest.run(7);
        Results second = withVerdict(only("inst:sample-eigen", 8), "inst:sample-eigen", Verdict.FAILED);
        Results third = withVerdict(only("inst:sample-eigen", 9), "inst:sample-eigen", Verdict.NOT_RUN);
        Results merged = ResultsMerge.merge(List.of(first, second, third));
        assertEquals(3, merged.runs().size());
        assertEquals(SampleSuite.claims().size(), merged.claims().size(), "each claim once");
        ClaimOutcome eigen = claim(merged, "inst:sample-eigen");
        assertEquals(Verdict.FAILED, eigen.verdict(), "the later run replaces, the NOT RUN after it does not");
        assertEquals(8, merged.runOf(eigen).masterSeed());
        assertEquals(List.of(Verdict.VERIFIED, Verdict.FAILED, Verdict.NOT_RUN), eigen.stability().verdicts());
        assertEquals(Stability.Status.VARIES, eigen.stability().status());
        // a claim every document left NOT RUN stays NOT RUN
        assertEquals(Verdict.NOT_RUN, claim(merged, "exp:sample-resnet").verdict());
        assertEquals(Stability.Status.NOT_RUN, claim(merged, "exp:sample-resnet").stability().status());
    }

    @Test
    void aClaimFoundInOneDocumentIsNeverStable() {
        Results merged = ResultsMerge.merge(List.of(ResultsJsonTest.run(7), only("inst:sample-eigen", 8)));
        ClaimOutcome once = claim(merged, "prop:sample-decomposition");
        assertEquals(Stability.Status.ONE_FILE, once.stability().status());
        assertEquals("VERIFIED, - (in one file only)", once.stability().text());
        assertEquals(Stability.Status.STABLE, claim(merged, "inst:sample-eigen").stability().status());
        String summary = ResultsMerge.stability(merged, List.of("a.json", "b.json"));
        assertTrue(summary.startsWith("# verdict per claim in each file: 1 = a.json, 2 = b.json\n"), summary);
        assertTrue(summary.contains("inst:sample-eigen: VERIFIED, VERIFIED (stable)\n"), summary);
        assertFalse(summary.contains("prop:sample-decomposition: VERIFIED, - (stable)"), summary);
    }

    @Test
    void aMergedDocumentWritesEveryRunAndReadsBackWithItsStability() {
        Results merged = ResultsMerge.merge(List.of(ResultsJsonTest.run(7), only("inst:sample-eigen", 8)));
        Results back = ResultsJson.parse(ResultsJson.write(merged), "merged.json");
        assertEquals(2, back.runs().size());
        assertEquals(merged.claims().stream().map(ClaimOutcome::stability).toList(),
                back.claims().stream().map(ClaimOutcome::stability).toList());
        assertEquals(8, back.runOf(claim(back, "inst:sample-eigen")).masterSeed());
        assertEquals(ResultsJson.write(merged), ResultsJson.write(back));
        assertNull(ResultsJsonTest.run(7).claims().get(0).stability(), "one run's document has no stability");
    }

    /** The ids of the sample claims, less {@code left}: a catalogue that does not know that claim. */
    private static Set<String> catalogueWithout(Results r, String left) {
        Set<String> ids = new HashSet<>();
        r.claims().forEach(c -> ids.add(c.id()));
        ids.remove(left);
        return ids;
    }

    private static final Unverified.CommitHistory IN_HISTORY = commit -> null;

    @Test
    void aClaimOutsideTheCatalogueIsUnverifiedAndCountsAsNoVerdict() {
        Results failing = withVerdict(ResultsJsonTest.run(7), "inst:sample-eigen", Verdict.FAILED);
        Results marked = Unverified.mark(failing, catalogueWithout(failing, "inst:sample-eigen"), IN_HISTORY);
        ClaimOutcome eigen = claim(marked, "inst:sample-eigen");
        assertEquals(Unverified.NOT_IN_CATALOGUE, eigen.unverified());
        assertEquals(Verdict.FAILED, eigen.verdict(), "the data are kept as the file has them");
        assertEquals(List.of(eigen), marked.unverified());
        assertFalse(marked.anyFailed(), "an unverified FAILED fails nothing");
        assertEquals(0, marked.counts().get(Verdict.FAILED));
        assertEquals(failing.claims().size() - 1, marked.counts().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(marked.claims().size() - 1, marked.verifiedOnly().claims().size());
        // every other claim is in the catalogue and its commit in the history: verified
        assertTrue(marked.claims().stream().filter(c -> c != eigen).allMatch(ClaimOutcome::verified));
    }

    @Test
    void aClaimFromACommitOutsideTheHistoryOrWithNoCommitIsUnverifiedWithTheHistorysReason() {
        Results run = ResultsJsonTest.run(7);
        Set<String> all = catalogueWithout(run, "");
        Results outside = Unverified.mark(run, all, commit -> "commit " + commit.substring(0, 7)
                + " is not in this repository's history");
        assertTrue(outside.claims().stream().noneMatch(ClaimOutcome::verified));
        assertTrue(outside.counts().values().stream().allMatch(n -> n == 0), "no verdict is counted");
        RunRecord r = run.runs().get(0);
        Results noCommit = new Results(List.of(new RunRecord(r.file(), r.startedAt(), null, null, "no git", r.jvm(),
                r.os(), r.cpus(), r.libraries(), r.device(), r.masterSeed(), r.tries(), r.command(),
                r.elapsedMillis())), run.claims());
        Results marked = Unverified.mark(noCommit, all, IN_HISTORY);
        assertTrue(marked.claims().stream().allMatch(c -> Unverified.NO_COMMIT.equals(c.unverified())));
        // a mark already made keeps its reason when marked again
        assertEquals(outside.claims(), Unverified.mark(outside, Set.of(), IN_HISTORY).claims());
    }

    @Test
    void anUnverifiedClaimReplacesNoVerifiedOneAndReadsBackWithItsReason() {
        Results verified = ResultsJsonTest.run(7);
        Results later = Unverified.mark(withVerdict(only("inst:sample-eigen", 8), "inst:sample-eigen",
                Verdict.FAILED), Set.of("inst:sample-eigen"), commit -> "commit cannot be checked: "
                + "no git repository");
        ClaimOutcome kept = claim(ResultsMerge.merge(List.of(verified, later)), "inst:sample-eigen");
        assertTrue(kept.verified(), "a file of unknown origin does not hide a verdict of this repository");
        assertEquals(Verdict.VERIFIED, kept.verdict());
        ClaimOutcome replaced = claim(ResultsMerge.merge(List.of(later, verified)), "inst:sample-eigen");
        assertTrue(replaced.verified(), "a verified later file replaces an unverified one");
        Results alone = ResultsMerge.merge(List.of(later));
        String json = ResultsJson.write(alone);
        assertTrue(json.contains("\"unverified\" : \"commit cannot be checked: no git repository\""), json);
        assertEquals(ResultsJson.write(alone), ResultsJson.write(ResultsJson.parse(json, "m.json")));
        assertFalse(ResultsJson.write(verified).contains("\"unverified\""), "a verified document is unchanged");
        assertEquals("inst:sample-eigen: UNVERIFIED, commit cannot be checked: no git repository\n",
                ResultsMerge.stability(alone, List.of("m.json")).lines().skip(1).findFirst().orElseThrow() + "\n");
    }
}
