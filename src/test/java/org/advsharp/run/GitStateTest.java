package org.advsharp.run;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
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
}
