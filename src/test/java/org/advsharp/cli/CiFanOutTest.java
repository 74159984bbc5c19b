package org.advsharp.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The example CI fan-out derives its groups from proofs/INDEX, so that every claim file (the Fashion-MNIST
 * claims included) runs in it; a hand-typed group list once left proofs/fashion.md out.
 */
class CiFanOutTest {

    @Test
    void theGroupsOfTheFanOutAreTheFilesOfTheIndex() throws IOException {
        String workflow = Files.readString(Path.of(".github/workflows/suite.yml"));
        assertTrue(workflow.contains("grep -v '^#' proofs/INDEX"), "the groups are read from proofs/INDEX");
        assertTrue(workflow.contains("group: ${{ fromJSON(needs.groups.outputs.groups) }}"), workflow);
        assertFalse(workflow.matches("(?s).*group: \\[[a-z, ]+\\].*"), "no hand-typed group list");
        assertTrue(workflow.contains("./advsharp report "), "the merge job makes one report");
    }
}
