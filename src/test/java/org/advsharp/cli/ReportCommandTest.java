package org.advsharp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.advsharp.run.GitState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code advsharp report}: says what it merged, writes the merged results, refuses a missing file once. */
class ReportCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aMergeSaysWhatItMergedAndWritesTheMergedResultsAndTheStability() {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, CliRun.of("verify", "--seed", "5", "--out", a.toString()).exit());
        assertEquals(0, CliRun.of("verify", "--seed", "6", "--out", b.toString()).exit());
        assertFalse(Files.exists(a.resolve("verdict-stability.txt")), "plain verify writes no stability summary");
        Path out = tmp.resolve("merged");
        CliRun r = CliRun.of("report", a.resolve("results.json").toString(), b.resolve("results.json").toString(),
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("merged 2 files (5 claims, 2 runs): "), r.out());
        assertTrue(r.out().contains("inst:sample-eigen: VERIFIED, VERIFIED (stable)"), r.out());
        assertTrue(Files.isRegularFile(out.resolve("results.json")));
        assertTrue(Files.isRegularFile(out.resolve("verdict-stability.txt")));
        CliRun one = CliRun.of("report", a.resolve("results.json").toString(), "--out", tmp.resolve("one").toString());
        assertEquals(0, one.exit(), one.err());
        assertFalse(one.out().contains("(stable)"), one.out());
        assertFalse(Files.exists(tmp.resolve("one").resolve("verdict-stability.txt")));
    }

    @Test
    void aMissingFileIsRefusedWithOnePrefix() {
        CliRun r = CliRun.of("report", "nosuch.json", "--out", tmp.resolve("x").toString());
        assertEquals(2, r.exit());
        assertEquals("advsharp report: nosuch.json: no such file", r.err().strip());
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void aFileFromThisHistoryStaysVerifiedAndOneFromAMadeUpCommitOrAnUnknownClaimIsShownUnverified()
            throws Exception {
        assumeTrue(GitState.ofRunningCode().commit() != null, "no git or no repository here");
        Path a = tmp.resolve("a");
        assertEquals(0, CliRun.of("verify", "--seed", "5", "--out", a.toString()).exit());
        String json = Files.readString(a.resolve("results.json"));

        // the run's own commit is HEAD: nothing is marked
        CliRun own = CliRun.of("report", a.resolve("results.json").toString(), "--out", tmp.resolve("own").toString());
        assertEquals(0, own.exit(), own.err());
        assertFalse(own.out().contains("UNVERIFIED"), own.out());
        String ownPage = Files.readString(tmp.resolve("own").resolve("index.html"));
        assertFalse(ownPage.contains("UNVERIFIED"));
        assertTrue(ownPage.contains("badge v-VERIFIED"));

        Path madeUp = tmp.resolve("made-up.json");
        String replaced = json.replaceAll("\"commit\" : \"[0-9a-f]{40}\"",
                "\"commit\" : \"0123456789abcdef0123456789abcdef01234567\"");
        assertFalse(replaced.equals(json), "the results file records its commit");
        Files.writeString(madeUp, replaced);
        Path out = tmp.resolve("made-up");
        CliRun r = CliRun.of("report", madeUp.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        String reason = "commit 0123456 is not in this repository's history";
        assertTrue(r.out().contains("UNVERIFIED inst:sample-eigen (../made-up.json): " + reason), r.out());
        String page = Files.readString(out.resolve("index.html"));
        assertTrue(page.contains("<div class=\"overall none\">No verdict: 5 results are UNVERIFIED"), page);
        assertFalse(page.contains("badge v-"), "no claim is shown with a verdict badge");
        assertFalse(page.contains("class=\"count v-"), "no verdict is counted");
        assertTrue(page.contains("commit 0123456 is not in this repository"), "the page gives the reason");
        String merged = Files.readString(out.resolve("results.json"));
        assertTrue(merged.contains("\"unverified\" : \"" + reason + "\""), "the merged results mark the claim");
        assertTrue(merged.contains("\"verdict\" : \"VERIFIED\""), "and keep its data");

        Path unknown = tmp.resolve("unknown.json");
        Files.writeString(unknown, json.replaceFirst("\"id\" : \"inst:sample-eigen\"",
                "\"id\" : \"inst:not-in-catalogue\""));
        Path both = tmp.resolve("both");
        CliRun u = CliRun.of("report", a.resolve("results.json").toString(), unknown.toString(),
                "--out", both.toString());
        assertEquals(0, u.exit(), u.err());
        assertTrue(u.out().contains("UNVERIFIED inst:not-in-catalogue (../unknown.json): claim not in this catalogue"),
                u.out());
        assertTrue(u.out().contains("inst:not-in-catalogue: UNVERIFIED, claim not in this catalogue"), u.out());
        String bothPage = Files.readString(both.resolve("index.html"));
        assertTrue(bothPage.contains("1 more shown UNVERIFIED (listed below, no verdict)"), bothPage);
        assertTrue(bothPage.contains("<section class=\"claim c-UNVERIFIED\" id=\"claim-inst-not-in-catalogue\">"));
    }
}
