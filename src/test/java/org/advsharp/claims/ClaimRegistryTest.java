package org.advsharp.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shipped proofs/ files: every one parses, the index is honest, ids, kinds and cross-references hold. */
class ClaimRegistryTest {

    /** The claims of docs/theory.md sections 1-4 and 6 (deep.md), in report order, with kind and expected verdict. */
    private static final String[][] SHIPPED = {
        {"lem:worst-case-l2", "LEMMA", "VERIFIED"},
        {"lem:closed-form-loss", "LEMMA", "VERIFIED"},
        {"lem:convex", "LEMMA", "VERIFIED"},
        {"prop:pgd-reaches-worst-case", "PROPOSITION", "VERIFIED"},
        {"prop:linf-no-direction-term", "PROPOSITION", "VERIFIED"},
        {"prop:hessian", "PROPOSITION", "VERIFIED"},
        {"prop:decomposition", "PROPOSITION", "VERIFIED"},
        {"prop:kappa-monotone", "PROPOSITION", "VERIFIED"},
        {"prop:random-noise", "PROPOSITION", "VERIFIED"},
        {"lem:compressed-form", "LEMMA", "VERIFIED"},
        {"prop:spectral-bounds", "PROPOSITION", "VERIFIED"},
        {"thm:compressed-monotone", "THEOREM", "VERIFIED"},
        {"rem:full-top-not-monotone", "COUNTEREXAMPLE", "COUNTEREXAMPLE"},
        {"rem:margin-condition-needed", "COUNTEREXAMPLE", "COUNTEREXAMPLE"},
        {"thm:trace-monotone-margin", "THEOREM", "VERIFIED"},
        {"rem:trace-falls-in-two-dimensions", "COUNTEREXAMPLE", "COUNTEREXAMPLE"},
        {"inst:eigen-solvers", "INSTRUMENT", "VERIFIED"},
        {"inst:lanczos", "INSTRUMENT", "VERIFIED"},
        {"inst:hutchinson", "INSTRUMENT", "VERIFIED"},
        {"inst:derivatives", "INSTRUMENT", "VERIFIED"},
        {"prop:stationarity", "PROPOSITION", "VERIFIED"},
        {"prop:critical-radius", "PROPOSITION", "VERIFIED"},
        {"prop:separable-divergence", "PROPOSITION", "VERIFIED"},
        {"exp:trained-sharpness-rises-to-half-critical", "EMPIRICAL", "SUPPORTED"},
        {"rem:trained-top-dips", "COUNTEREXAMPLE", "COUNTEREXAMPLE"},
        {"conj:kappa-at-optimum-monotone", "CONJECTURE", "SUPPORTED"},
        {"conj:trained-trace-monotone", "CONJECTURE", "SUPPORTED"},
        {"rem:trained-trace-dips", "COUNTEREXAMPLE", "COUNTEREXAMPLE"},
        {"exp:adversarial-noise-gap-grows", "EMPIRICAL", "SUPPORTED"},
        {"exp:real-data-sharpness-rises", "EMPIRICAL", "SUPPORTED"},
        {"exp:linf-grows-less-than-l2", "EMPIRICAL", "SUPPORTED"},
        {"lem:margin-losses", "LEMMA", "VERIFIED"},
        {"prop:margin-loss-hessian", "PROPOSITION", "VERIFIED"},
        {"prop:margin-loss-kappa-monotone", "PROPOSITION", "VERIFIED"},
        {"thm:margin-loss-compressed-monotone", "THEOREM", "VERIFIED"},
        {"thm:exponential-trace-monotone", "THEOREM", "VERIFIED"},
        {"conj:probit-trace-monotone-margin", "CONJECTURE", "SUPPORTED"},
        {"rem:probit-trace-falls-in-two-dimensions", "COUNTEREXAMPLE", "COUNTEREXAMPLE"},
        {"rem:margin-loss-full-top-not-monotone", "COUNTEREXAMPLE", "COUNTEREXAMPLE"},
        {"prop:margin-loss-critical-radius", "PROPOSITION", "VERIFIED"},
        {"conj:margin-loss-kappa-at-optimum-monotone", "CONJECTURE", "SUPPORTED"},
        {"inst:matrix-free-matches-dense", "INSTRUMENT", "VERIFIED"},
        {"inst:matrix-free-matches-dense-784", "INSTRUMENT", "VERIFIED"},
        {"exp:fashion-sharpness-rises", "EMPIRICAL", "SUPPORTED"},
        {"exp:fashion-noise-gap-grows", "EMPIRICAL", "SUPPORTED"},
        {"exp:fashion-linf-grows-less-than-l2", "EMPIRICAL", "SUPPORTED"},
        {"inst:deep-pgd", "INSTRUMENT", "VERIFIED"},
        {"inst:deep-hvp", "INSTRUMENT", "VERIFIED"},
        {"inst:deep-calibration", "INSTRUMENT", "VERIFIED"},
        {"inst:deep-lanczos", "INSTRUMENT", "VERIFIED"},
        {"exp:softmax-direction-term", "EMPIRICAL", "SUPPORTED"},
        {"exp:resnet-paper-scale", "EMPIRICAL", "SUPPORTED"},
        {"exp:resnet-cpu-study", "STUDY", "SUPPORTED"},
        {"exp:resnet-fitted-study", "STUDY", "SUPPORTED"},
        {"exp:resnet-regime-map", "STUDY", "SUPPORTED"},
        {"exp:linear-regime-mechanism", "EMPIRICAL", "SUPPORTED"},
    };

    /** A reference to a claim inside proofs text, e.g. "prop:hessian". */
    private static final Pattern REFERENCE = Pattern.compile("\\b(lem|prop|thm|rem|conj|exp|inst):[a-z0-9-]+[a-z0-9]");

    @Test
    void shippedClaimsLoadFromTheClasspathWithTheirKindsAndVerdicts() {
        ClaimRegistry registry = ClaimRegistry.load();
        List<String> expectedIds = new ArrayList<>();
        for (String[] row : SHIPPED) {
            expectedIds.add(row[0]);
            Claim claim = registry.get(row[0]);
            assertEquals(ClaimKind.valueOf(row[1]), claim.kind(), row[0]);
            assertEquals(Verdict.valueOf(row[2]), claim.expectedVerdict(), row[0]);
        }
        assertEquals(expectedIds, registry.ids());
    }

    @Test
    void everyShippedClaimIsComplete() {
        for (Claim c : ClaimRegistry.load().claims()) {
            assertFalse(c.title().isBlank(), c.id());
            assertTrue(c.source().startsWith(ClaimRegistry.PROOFS_FOLDER), c.id() + " source " + c.source());
            assertEquals(c.kind() == ClaimKind.INSTRUMENT, c.paperClaims().isEmpty(), c.id() + " Paper field");
            if (c.kind() != ClaimKind.INSTRUMENT) {
                assertTrue(c.statement().toLowerCase(Locale.ROOT).contains("mean loss"),
                        c.id() + ": the statement must say that the loss is the mean");
                assertTrue(c.statement().toLowerCase(Locale.ROOT).contains("weight decay"),
                        c.id() + ": the statement must say what weight decay does");
            }
        }
    }

    @Test
    void everyClaimReferenceInTheProofsResolves() {
        ClaimRegistry registry = ClaimRegistry.load();
        for (Claim c : registry.claims()) {
            Matcher m = REFERENCE.matcher(c.statement() + "\n" + c.assumptions() + "\n" + c.proof());
            while (m.find()) {
                assertTrue(registry.find(m.group()).isPresent(), c.id() + " refers to unknown claim " + m.group());
            }
        }
    }

    @Test
    void indexListsExactlyTheMarkdownFilesOfTheProofsDirectory() throws IOException {
        Path proofs = Path.of("proofs");
        List<String> indexed = ClaimRegistry.indexEntries(Files.readString(proofs.resolve("INDEX"), StandardCharsets.UTF_8));
        TreeSet<String> onDisk = new TreeSet<>();
        try (Stream<Path> files = Files.list(proofs)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).forEach(onDisk::add);
        }
        assertEquals(onDisk, new TreeSet<>(indexed), "proofs/INDEX must list every proofs/*.md file, and only those");
        assertEquals(indexed.size(), new TreeSet<>(indexed).size(), "no file listed twice");
    }

    @Test
    void unknownIdIsAClearError() {
        ClaimRegistry registry = ClaimRegistry.load();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.get("prop:nonexistent"));
        assertTrue(e.getMessage().contains("unknown claim id 'prop:nonexistent'"), e.getMessage());
        assertTrue(e.getMessage().contains("prop:hessian"), "message lists the known ids: " + e.getMessage());
        assertTrue(registry.find("prop:nonexistent").isEmpty());
        assertTrue(registry.find(null).isEmpty());
    }

    @Test
    void parseKeepsFileOrderThenSectionOrder() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("z.md", claimText("lem:zeta") + claimText("lem:alpha"));
        files.put("a.md", claimText("lem:beta"));
        ClaimRegistry registry = ClaimRegistry.parse(files);
        assertEquals(List.of("lem:zeta", "lem:alpha", "lem:beta"), registry.ids());
        assertEquals("a.md", registry.get("lem:beta").source());
    }

    @Test
    void missingIndexOnTheClasspathIsAClearError() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ClaimRegistry.load(empty));
            assertTrue(e.getMessage().contains(ClaimRegistry.INDEX_RESOURCE), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> ClaimRegistry.load(null));
        assertThrows(IllegalArgumentException.class, () -> ClaimRegistry.parse(Map.of()));
    }

    @Test
    void malformedIndexEntriesAreRejectedWithTheirLine() {
        assertEquals(List.of("a.md", "b.md"), ClaimRegistry.indexEntries("# comment\n a.md \n\nb.md\n"));
        assertIndexError("a.md\nsub/b.md\n", 2, "not a plain file name");
        assertIndexError("a.md\nnotes.txt\n", 2, "not a plain file name");
        assertIndexError("a.md\na.md\n", 2, "listed twice");
        assertIndexError("# nothing\n", 1, "lists no files");
    }

    private static void assertIndexError(String index, int line, String fragment) {
        ClaimFormatException e = assertThrows(ClaimFormatException.class, () -> ClaimRegistry.indexEntries(index));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.problem().contains(fragment), e.getMessage());
    }

    private static String claimText(String id) {
        return "## " + id + ": Title of " + id + "\n\n- **Kind:** lemma\n- **Paper:** P1\n"
                + "- **Expected verdict:** VERIFIED\n- **Statement:** S.\n- **Assumptions:** A.\n- **Uses:** none\n\n### Proof\n\nP.\n\n";
    }
}
