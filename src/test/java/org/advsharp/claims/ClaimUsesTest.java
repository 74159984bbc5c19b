package org.advsharp.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Uses: lines: parsed, checked for unknown claims and circles, and the shipped ones are sound. */
class ClaimUsesTest {

    private static Claim claim(String id, String... uses) {
        return new Claim(id, "t", ClaimKind.LEMMA, List.of(), Verdict.VERIFIED, "s", "a", "p", "proofs/x.md",
                List.of(uses));
    }

    @Test
    void soundUsesHaveDepthsAndNoProblems() {
        List<Claim> claims = List.of(claim("lem:a"), claim("lem:b", "lem:a"), claim("thm:c", "lem:a", "lem:b"));
        assertEquals(List.of(), ClaimUses.problems(claims));
        assertEquals(Map.of("lem:a", 0, "lem:b", 1, "thm:c", 2), ClaimUses.depths(claims));
    }

    /** Listed top-down, each depth comes from the recursion into the claims used, not from claims seen before. */
    @Test
    void depthsDoNotDependOnTheOrderTheClaimsAreListed() {
        List<Claim> topDown = List.of(claim("thm:c", "lem:b"), claim("lem:b", "lem:a"), claim("lem:a"));
        assertEquals(Map.of("lem:a", 0, "lem:b", 1, "thm:c", 2), ClaimUses.depths(topDown));
    }

    @Test
    void unknownUsesAndCirclesAreProblems() {
        List<Claim> claims = List.of(claim("lem:a", "thm:c"), claim("lem:b", "lem:a", "lem:nope"),
                claim("thm:c", "lem:b"));
        List<String> problems = ClaimUses.problems(claims);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("uses unknown claim 'lem:nope'"), problems.get(0));
        assertTrue(problems.get(1).contains("lem:a -> thm:c -> lem:b -> lem:a"), problems.get(1));
        assertThrows(IllegalArgumentException.class, () -> ClaimUses.depths(claims));
    }

    @Test
    void theUsesLineIsParsedAndCheckedForForm() {
        String head = "## lem:a: A\n\n- **Kind:** lemma\n- **Paper:** none\n- **Expected verdict:** VERIFIED\n"
                + "- **Statement:** s\n- **Assumptions:** a\n";
        String tail = "\n### Proof\n\np\n";
        Claim c = new ClaimParser().parse("proofs/x.md", head + "- **Uses:** `lem:b`, thm:c" + tail).get(0);
        assertEquals(List.of("lem:b", "thm:c"), c.uses());
        assertEquals(List.of(), new ClaimParser().parse("proofs/x.md", head + "- **Uses:** none" + tail).get(0).uses());
        ClaimFormatException self = assertThrows(ClaimFormatException.class,
                () -> new ClaimParser().parse("proofs/x.md", head + "- **Uses:** lem:a" + tail));
        assertTrue(self.getMessage().contains("uses itself"), self.getMessage());
        ClaimFormatException bad = assertThrows(ClaimFormatException.class,
                () -> new ClaimParser().parse("proofs/x.md", head + "- **Uses:** the lemma above" + tail));
        assertTrue(bad.getMessage().contains("is not a claim id"), bad.getMessage());
    }

    @Test
    void theShippedClaimsUseOnlyDeclaredClaimsWithoutCircles() {
        List<Claim> shipped = ClaimRegistry.load().claims();
        assertEquals(List.of(), ClaimUses.problems(shipped));
        assertTrue(shipped.stream().filter(c -> !c.uses().isEmpty()).count() > shipped.size() / 2,
                "most claims name what they use");
    }
}
