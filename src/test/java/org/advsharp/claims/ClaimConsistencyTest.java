package org.advsharp.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.junit.jupiter.api.Test;

/** Claims without checks, checks naming unknown claims, and duplicate check ids are each reported. */
class ClaimConsistencyTest {

    private static final ClaimRegistry REGISTRY = ClaimRegistry.parse(Map.of("proofs/two.md",
            claim("lem:one") + claim("prop:two")));

    @Test
    void oneCheckPerClaimIsConsistent() {
        assertEquals(List.of(), ClaimConsistency.problems(REGISTRY,
                List.of(new FakeCheck("c1", "lem:one"), new FakeCheck("c2", "prop:two"))));
    }

    @Test
    void claimWithoutCheck() {
        assertEquals(List.of("claim 'prop:two' (proofs/two.md) has no check"),
                ClaimConsistency.problems(REGISTRY, List.of(new FakeCheck("c1", "lem:one"))));
    }

    @Test
    void checkNamingUnknownClaim() {
        List<String> problems = ClaimConsistency.problems(REGISTRY, List.of(new FakeCheck("c1", "lem:one"),
                new FakeCheck("c2", "prop:two"), new FakeCheck("c3", "thm:missing")));
        assertEquals(List.of("check 'c3' names unknown claim 'thm:missing'"), problems);
    }

    @Test
    void twoChecksWithTheSameId() {
        List<String> problems = ClaimConsistency.problems(REGISTRY, List.of(new FakeCheck("same", "lem:one"),
                new FakeCheck("same", "prop:two")));
        assertEquals(List.of("check id 'same' is used by 2 checks (claims lem:one, prop:two)"), problems);
    }

    @Test
    void checksWithoutIdOrClaimAreReported() {
        List<Check> checks = new ArrayList<>(List.of(new FakeCheck("c1", "lem:one"), new FakeCheck("c2", "prop:two")));
        checks.add(new FakeCheck(" ", "lem:one"));
        checks.add(new FakeCheck("c4", null));
        checks.add(null);
        assertEquals(List.of("check number 2 in the list has no id", "check 'c4' names no claim",
                "check number 4 in the list has no id"), ClaimConsistency.problems(REGISTRY, checks));
    }

    @Test
    void nullArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ClaimConsistency.problems(null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> ClaimConsistency.problems(REGISTRY, null));
    }

    private record FakeCheck(String id, String claimId) implements Check {
        @Override
        public String title() {
            return "fake check " + id;
        }

        @Override
        public String run(CheckContext context, Evidence evidence) {
            return "did nothing";
        }
    }

    private static String claim(String id) {
        return "## " + id + ": Title\n\n- **Kind:** " + (id.startsWith("lem") ? "lemma" : "proposition")
                + "\n- **Paper:** P1\n- **Expected verdict:** VERIFIED\n- **Statement:** S.\n- **Assumptions:** A.\n- **Uses:** none\n\n"
                + "### Proof\n\nP.\n\n";
    }
}
