package org.advsharp.checks.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.advsharp.check.Table;
import org.advsharp.claims.ClaimRegistry;
import org.advsharp.oracle.MarginLoss;
import org.junit.jupiter.api.Test;

/**
 * The family table of proofs/losses.md, {@link LossFamilyTable} and the claims agree: the same rows and
 * cells, every cell's claim exists, and the verdict written in each cell is the one that claim declares
 * (which LossesClaimsTest and DeclaredVerdictsTest then require the run to compute).
 */
class LossFamilyTableTest {

    private static final String HEADING = "**The family in one table.**";

    /** The markdown rows of the table: cells split on '|', header and separator dropped. */
    static List<List<String>> markdownRows() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("proofs/losses.md"));
        int start = lines.indexOf(HEADING);
        assertTrue(start >= 0, "proofs/losses.md has the heading " + HEADING);
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("|")) {
                inTable = true;
                List<String> cells = new ArrayList<>();
                for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
                    cells.add(cell.strip());
                }
                rows.add(cells);
            } else if (inTable) {
                break;
            }
        }
        return rows.subList(2, rows.size());
    }

    @Test
    void theTableInLossesMdIsTheTableInTheCodeWithTheDeclaredVerdicts() throws IOException {
        ClaimRegistry registry = ClaimRegistry.load();
        List<List<String>> markdown = markdownRows();
        List<LossFamilyTable.Row> rows = LossFamilyTable.rows();
        assertEquals(rows.size(), markdown.size(), "rows");
        for (int r = 0; r < rows.size(); r++) {
            assertEquals(rows.get(r).statement(), markdown.get(r).get(0));
            for (int k = 0; k < MarginLoss.NAMES.size(); k++) {
                String id = rows.get(r).claimIds().get(k);
                String declared = registry.get(id).expectedVerdict().label();
                assertEquals(id + " " + declared, markdown.get(r).get(k + 1), "row " + r + ", " + MarginLoss.NAMES.get(k));
            }
        }
    }

    @Test
    void renderFillsEachCellWithTheVerdictGivenAndTheClaim() {
        Table table = LossFamilyTable.render(id -> "V(" + id + ")");
        assertEquals(List.of("statement", "logistic", "exponential", "probit"), table.columns());
        assertEquals("V(rem:margin-condition-needed) (rem:margin-condition-needed)", table.rows().get(3).get(1));
        assertEquals("V(thm:margin-loss-compressed-monotone) (thm:margin-loss-compressed-monotone)", table.rows().get(3).get(2));
        assertTrue(LossFamilyTable.claimIds().contains("conj:probit-trace-monotone-margin"));
    }
}
