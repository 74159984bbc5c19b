package org.advsharp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where verify writes its report, and that an unwritable place is refused before any check runs. */
class ReportLocationTest {

    @TempDir
    Path tmp;

    @AfterEach
    void clearProperty() {
        System.clearProperty(ReportLocation.ROOT_PROPERTY);
    }

    @Test
    void aRunOfSomeClaimsWritesItsOwnReplayFolderAndNeverReplacesTheFullReport() throws Exception {
        Path root = tmp.resolve("repo-reports");
        System.setProperty(ReportLocation.ROOT_PROPERTY, root.toString());
        CliRun full = CliRun.of("verify", "--seed", "5");
        assertEquals(0, full.exit(), full.err());
        String fullPage = Files.readString(root.resolve("index.html"));
        CliRun one = CliRun.of("verify", "--claims", "rem:sample-not-monotone", "--seed", "5");
        assertEquals(0, one.exit(), one.err());
        Path replay = root.resolve("replay").resolve("rem-sample-not-monotone");
        assertTrue(Files.isRegularFile(replay.resolve("index.html")), one.out());
        assertTrue(one.out().contains("report: " + replay.resolve("index.html")), one.out());
        assertEquals(fullPage, Files.readString(root.resolve("index.html")), "the full report was replaced");
        CliRun two = CliRun.of("verify", "--claims", "rem:sample-not-monotone,inst:sample-eigen", "--seed", "5");
        assertEquals(0, two.exit(), two.err());
        try (var folders = Files.list(root.resolve("replay"))) {
            List<String> names = folders.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(2, names.size(), names.toString());
            assertEquals(List.of("inst-sample-eigen+rem-sample-not-monotone", "rem-sample-not-monotone"), names);
        }
        CliRun again = CliRun.of("verify", "--seed", "5");
        assertEquals(0, again.exit(), again.err());
        assertTrue(Files.isRegularFile(replay.resolve("index.html")), "a full run keeps the replay folders");
    }

    @Test
    void theFolderOfSeveralClaimsDoesNotDependOnTheirOrder() {
        Set<String> ab = new LinkedHashSet<>(List.of("a:x", "b:y"));
        Set<String> ba = new LinkedHashSet<>(List.of("b:y", "a:x"));
        assertEquals(ReportLocation.defaultFolder(tmp, ab), ReportLocation.defaultFolder(tmp, ba));
        assertEquals(tmp.resolve("replay").resolve("a-x+b-y"), ReportLocation.defaultFolder(tmp, ab));
        Set<String> many = new LinkedHashSet<>();
        for (int i = 0; i < 40; i++) {
            many.add("lem:claim-number-" + i);
        }
        String name = ReportLocation.defaultFolder(tmp, many).getFileName().toString();
        assertTrue(name.matches("lem-claim-number-0\\+39-more-[0-9a-f]{8}"), name);
        assertEquals(tmp, ReportLocation.defaultFolder(tmp, Set.of()));
        assertEquals(tmp.resolve("replay/thm-trace"), ReportLocation.defaultFolder(tmp, Set.of("thm:trace")));
    }

    @Test
    void theRepositoryIsFoundFromTheJarOrTheClassesFolder() throws Exception {
        Path repo = tmp.resolve("clone");
        Files.createDirectories(repo.resolve("target/classes"));
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        assertEquals(repo, ReportLocation.repositoryOf(repo.resolve("target/classes")));
        assertEquals(repo, ReportLocation.repositoryOf(repo.resolve("target/advsharp.jar")));
        assertNull(ReportLocation.repositoryOf(tmp.resolve("elsewhere/lib/advsharp.jar")));
        Files.delete(repo.resolve("pom.xml"));
        assertNull(ReportLocation.repositoryOf(repo.resolve("target/classes")));
    }

    @Test
    void theWritabilityProbeRemovesEveryFolderItCreated() {
        Path deep = tmp.resolve("a/b/c");
        ReportLocation.probeWritable("--out " + deep, deep);
        assertFalse(Files.exists(tmp.resolve("a")), "the probe left a/ behind");
        try (var left = Files.list(tmp)) {
            assertEquals(0, left.count());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anUncreatableFolderIsRefusedBeforeAnyCheckRuns() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");
        CliRun r = CliRun.of("verify", "--out", "/proc/advsharp-report");
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("advsharp verify: --out /proc/advsharp-report: cannot be written ("), r.err());
        assertFalse(r.out().contains("[1/"), "a check ran before the folder was refused: " + r.out());
        assertThrows(IllegalArgumentException.class,
                () -> ReportLocation.probeWritable("x", Path.of("/proc/advsharp-report/deeper")));
    }
}
