package org.advsharp.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.advsharp.claims.Claim;
import org.advsharp.claims.ClaimRegistry;
import org.advsharp.report.RecordMerge;
import org.advsharp.results.ClaimOutcome;
import org.advsharp.results.Results;
import org.advsharp.results.ResultsJson;
import org.advsharp.results.Unverified;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitStateTest {

    @Test
    void outsideARepositoryTheStateIsUnknownWithAReason(@TempDir Path tmp) {
        GitState state = GitState.of(tmp);
        assertNull(state.commit());
        assertNull(state.dirty());
        assertTrue(state.note().startsWith("git state unknown: "), state.note());
    }

    @Test
    void theRunningCodesCommitIsAFullHashWhereGitAndTheRepositoryExist() {
        GitState state = GitState.ofRunningCode();
        assertTrue(state.commit() != null || state.note() != null, "an unknown commit must say why");
        assumeTrue(state.commit() != null, () -> "no git or no repository here: " + state.note());
        assertTrue(state.commit().matches("[0-9a-f]{40}"), state.commit());
        assertNotNull(state.dirty());
    }

    /** A well-formed hash no repository holds. */
    private static final String MADE_UP = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void theHistoryHoldsHeadAndNoMadeUpCommit() {
        GitState state = GitState.ofRunningCode();
        assumeTrue(state.commit() != null, () -> "no git or no repository here: " + state.note());
        Unverified.CommitHistory history = GitState.historyOfRunningCode();
        assertNull(history.whyNotIn(state.commit()), "HEAD is in its own history");
        assertEquals("commit 0123456 is not in this repository's history", history.whyNotIn(MADE_UP));
        assertEquals("commit 'HEAD~1' is not a commit hash", history.whyNotIn("HEAD~1"), "only hashes are asked");
    }

    @Test
    void outsideARepositoryNoCommitCanBeChecked(@TempDir Path tmp) {
        assumeTrue(GitState.ofRunningCode().commit() != null, "git is needed to tell a repository's absence");
        assertEquals("commit cannot be checked: no git repository", GitState.history(tmp).whyNotIn(MADE_UP));
    }

    /** The committed records under reports/records/ come from commits of this history: they stay verified. */
    @Test
    void theCommittedRecordsStayVerified() throws Exception {
        assumeTrue(GitState.ofRunningCode().commit() != null, "no git or no repository here");
        var records = RecordMerge.records(Path.of("reports", RecordMerge.RECORDS));
        assertFalse(records.isEmpty(), "the repository ships records");
        Set<String> catalogue = new HashSet<>();
        for (Claim c : ClaimRegistry.load().claims()) {
            catalogue.add(c.id());
        }
        for (Path record : records) {
            Results marked = Unverified.mark(ResultsJson.read(record), catalogue, GitState.historyOfRunningCode());
            for (ClaimOutcome c : marked.claims()) {
                assertTrue(c.verified(), record + ": " + c.id() + ": " + c.unverified());
            }
        }
    }

    /** Runs git in {@code dir} with a fixed author, returning its output. */
    private static String git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString(),
                "-c", "user.name=advsharp test", "-c", "user.email=test@advsharp.invalid", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", args) + ": " + out);
        return out.trim();
    }

    /** A commit the repository holds but HEAD does not descend from (another branch) is outside the history. */
    @Test
    void aCommitOnAnotherBranchIsNotInTheHistoryOfHead(@TempDir Path repo) throws Exception {
        assumeTrue(GitState.ofRunningCode().commit() != null, "no git here");
        git(repo, "init", "-q");
        git(repo, "commit", "-q", "--allow-empty", "-m", "base");
        String base = git(repo, "rev-parse", "HEAD");
        git(repo, "checkout", "-q", "-b", "side");
        git(repo, "commit", "-q", "--allow-empty", "-m", "side");
        String side = git(repo, "rev-parse", "HEAD");
        git(repo, "checkout", "-q", base);
        Unverified.CommitHistory history = GitState.history(repo);
        assertNull(history.whyNotIn(base), "an ancestor of HEAD (HEAD itself) is in the history");
        assertEquals("commit " + side.substring(0, 7) + " is not in this repository's history",
                history.whyNotIn(side));
    }
}
