package org.advsharp.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The claim format of proofs/: a good claim parses field by field; each malformed input names file, line, problem. */
class ClaimParserTest {

    private static final String FILE = "proofs/sample.md";

    /**
     * Line numbers: heading 5, Kind 7, Paper 8, Expected verdict 9, Statement 10-11, Assumptions 12, Uses 13,
     * Proof 14.
     */
    private static final String GOOD = """
            # Sample claims

            An introduction that is not a claim.

            ## lem:sample: A sample lemma

            - **Kind:** lemma
            - **Paper:** P1, P3
            - **Expected verdict:** VERIFIED
            - **Statement:** For $w \\neq 0$,
              continued here.
            - **Assumptions:** Mean loss.
            - **Uses:** none
            ### Proof

            Because.

            #### A sub-heading is part of the proof
            """;

    @Test
    void goodClaimParsesEveryField() {
        List<Claim> claims = new ClaimParser().parse(FILE, GOOD);
        assertEquals(1, claims.size());
        Claim c = claims.get(0);
        assertEquals("lem:sample", c.id());
        assertEquals("A sample lemma", c.title());
        assertEquals(ClaimKind.LEMMA, c.kind());
        assertEquals(List.of("P1", "P3"), c.paperClaims());
        assertEquals(Verdict.VERIFIED, c.expectedVerdict());
        assertEquals("For $w \\neq 0$,\ncontinued here.", c.statement());
        assertEquals("Mean loss.", c.assumptions());
        assertEquals("Because.\n\n#### A sub-heading is part of the proof", c.proof());
        assertEquals(FILE, c.source());
    }

    @Test
    void windowsLineEndingsParseTheSame() {
        assertEquals(new ClaimParser().parse(FILE, GOOD), new ClaimParser().parse(FILE, GOOD.replace("\n", "\r\n")));
    }

    @Test
    void instrumentWithPaperNoneHasNoPaperClaims() {
        String text = GOOD.replace("**Kind:** lemma", "**Kind:** instrument").replace("P1, P3", "none");
        assertEquals(List.of(), new ClaimParser().parse(FILE, text).get(0).paperClaims());
    }

    @Test
    void counterexampleAndConjectureUseTheirOwnSections() {
        String rem = GOOD.replace("lem:sample", "rem:sample").replace("**Kind:** lemma", "**Kind:** counterexample")
                .replace("VERIFIED", "COUNTEREXAMPLE").replace("### Proof", "### Why it can fail");
        assertEquals(ClaimKind.COUNTEREXAMPLE, new ClaimParser().parse(FILE, rem).get(0).kind());
        String conj = GOOD.replace("**Kind:** lemma", "**Kind:** conjecture").replace("VERIFIED", "SUPPORTED")
                .replace("### Proof", "### Status and evidence");
        assertEquals(Verdict.SUPPORTED, new ClaimParser().parse(FILE, conj).get(0).expectedVerdict());
    }

    @Test
    void headingInsideCodeFenceDoesNotStartAClaim() {
        String text = GOOD + "\n```\n## not:a-claim: inside a fence\n```\n";
        Claim c = new ClaimParser().parse(FILE, text).get(0);
        assertTrue(c.proof().contains("## not:a-claim"), c.proof());
    }

    @Test
    void missingField() {
        assertError(GOOD.replace("- **Assumptions:** Mean loss.\n", ""), 5, "has no '- **Assumptions:**' field");
    }

    @Test
    void missingUsesLineNamesTheClaimAndTheFile() {
        assertError(GOOD.replace("- **Uses:** none\n", ""), 5,
                "claim 'lem:sample' has no '- **Uses:**' field; a claim that relies on no other claim says");
        assertError(GOOD.replace("- **Uses:** none", "- **Uses:**"), 13, "field 'Uses' of claim 'lem:sample' is empty");
    }

    @Test
    void emptyField() {
        assertError(GOOD.replace("- **Assumptions:** Mean loss.", "- **Assumptions:**"), 12, "is empty");
    }

    @Test
    void fieldGivenTwice() {
        assertError(GOOD.replace("- **Assumptions:** Mean loss.", "- **Kind:** lemma"), 12, "given twice");
    }

    @Test
    void unknownField() {
        assertError(GOOD.replace("- **Kind:**", "- **Kinds:**"), 7, "unknown field 'Kinds'");
    }

    @Test
    void unknownKind() {
        assertError(GOOD.replace("**Kind:** lemma", "**Kind:** lemmma"), 7, "unknown claim kind 'lemmma'");
    }

    @Test
    void unknownVerdict() {
        assertError(GOOD.replace("VERIFIED", "VERIFED"), 9, "unknown verdict 'VERIFED'");
    }

    @Test
    void verdictInconsistentWithKind() {
        assertError(GOOD.replace("VERIFIED", "SUPPORTED"), 9, "inconsistent with kind lemma");
    }

    @Test
    void idNotMatchingThePattern() {
        assertError(GOOD.replace("lem:sample", "lemma:sample"), 5, "does not match");
        assertError(GOOD.replace("lem:sample", "lem:Sample"), 5, "does not match");
        assertError(GOOD.replace("lem:sample", "lem:two words"), 5, "does not match");
    }

    @Test
    void headingWithoutTitle() {
        assertError(GOOD.replace("## lem:sample: A sample lemma", "## lem:sample"), 5, "must read '## <id>: <title>'");
    }

    @Test
    void duplicateIdInOneFile() {
        assertError(GOOD + "\n" + GOOD.substring(GOOD.indexOf("## ")), 20, "duplicate claim id 'lem:sample'");
    }

    @Test
    void duplicateIdAcrossFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("proofs/a.md", GOOD);
        files.put("proofs/b.md", GOOD);
        ClaimFormatException e = assertThrows(ClaimFormatException.class, () -> ClaimRegistry.parse(files));
        assertEquals("proofs/b.md", e.file());
        assertEquals(5, e.line());
        assertTrue(e.problem().contains("already declared at proofs/a.md:5"), e.getMessage());
    }

    @Test
    void provedClaimWithoutProof() {
        assertError(GOOD.substring(0, GOOD.indexOf("### Proof")), 5, "needs a '### Proof' section");
    }

    @Test
    void counterexampleWithoutWhyItCanFail() {
        String text = GOOD.replace("**Kind:** lemma", "**Kind:** counterexample").replace("VERIFIED", "COUNTEREXAMPLE");
        assertError(text, 14, "needs '### Why it can fail', not '### Proof'");
        assertError(text.substring(0, text.indexOf("### Proof")), 5, "needs a '### Why it can fail' section");
    }

    @Test
    void conjectureWithoutStatusAndEvidence() {
        String text = GOOD.replace("**Kind:** lemma", "**Kind:** conjecture").replace("VERIFIED", "SUPPORTED");
        assertError(text, 14, "needs '### Status and evidence', not '### Proof'");
    }

    @Test
    void emptySection() {
        assertError(GOOD.substring(0, GOOD.indexOf("Because.")), 14, "section of claim 'lem:sample' is empty");
    }

    @Test
    void unknownSectionHeading() {
        assertError(GOOD.replace("### Proof", "### Proofs"), 14, "unknown section heading '### Proofs'");
    }

    @Test
    void secondSectionHeading() {
        assertError(GOOD.replace("#### A sub-heading", "### A sub-heading"), 18, "already has its '### Proof' section");
    }

    @Test
    void paperValues() {
        assertError(GOOD.replace("P1, P3", "P1, P5"), 8, "Paper value 'P5' is not one of");
        assertError(GOOD.replace("P1, P3", "none, P1"), 8, "'none' cannot be combined");
        assertError(GOOD.replace("P1, P3", "P3, P3"), 8, "'P3' is listed twice");
        assertError(GOOD.replace("P1, P3", "P1,"), 8, "Paper value '' is not one of");
    }

    @Test
    void unexpectedTextAmongFields() {
        assertError(GOOD.replace("- **Assumptions:**", "Assumptions:"), 12, "unexpected text in the fields");
    }

    @Test
    void unclosedFence() {
        assertError(GOOD + "```\n## lem:other: Hidden\n", 19, "code fence is never closed");
    }

    @Test
    void fileWithoutClaims() {
        assertError("# Only a title\n\nSome text.\n", 1, "no claims found");
    }

    @Test
    void blankFileNameRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ClaimParser().parse(" ", GOOD));
        assertTrue(e.getMessage().contains("fileName"), e.getMessage());
    }

    private static void assertError(String text, int line, String fragment) {
        ClaimFormatException e = assertThrows(ClaimFormatException.class, () -> new ClaimParser().parse(FILE, text));
        assertEquals(FILE, e.file(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.problem().contains(fragment), "expected '" + fragment + "' in: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(FILE + ":" + line + ": "), e.getMessage());
    }
}
