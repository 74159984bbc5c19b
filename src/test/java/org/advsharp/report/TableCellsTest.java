package org.advsharp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.advsharp.check.Table;
import org.junit.jupiter.api.Test;

/** Table cells keep every number on one line, and a long table's summary row says what it summarises. */
class TableCellsTest {

    @Test
    void everyNumberOutsideCodeIsKeptWhole() {
        assertEquals("<span class=\"n\">0.861</span> and <span class=\"n\">2.67e+03</span>, "
                        + "<span class=\"n\">-36</span>; resnet18 <code>--seed 31</code>",
                Html.wholeNumbers("0.861 and 2.67e+03, -36; resnet18 <code>--seed 31</code>"));
        assertEquals("[<span class=\"n\">0.67</span>, <span class=\"n\">1,032</span>]",
                Html.wholeNumbers("[0.67, 1,032]"));
        assertEquals("<a href=\"#claim-exp-x2\">exp:x2</a> at <span class=\"n\">5</span>.",
                Html.wholeNumbers("<a href=\"#claim-exp-x2\">exp:x2</a> at 5."));
    }

    @Test
    void aCellThatIsOneNumberIsRecognised() {
        assertTrue(Html.isNumber("0.861"));
        assertTrue(Html.isNumber(" -2.67e+03 "));
        assertFalse(Html.isNumber("0.86 / 1"));
        assertFalse(Html.isNumber("NaN"));
        assertFalse(Html.isNumber("seed 7"));
    }

    private static Table table(int n) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(List.of("setting" + i, i == 3 ? "NaN" : Integer.toString(i * 10), "yes", i % 2 == 0 ? "a" : "b"));
        }
        return new Table("t", List.of("setting", "value", "held", "kind"), rows);
    }

    @Test
    void theSummaryRowSaysWhatEachColumnHas() {
        assertEquals(List.of("30 different values in 30 rows", "range 0 … 290; NaN in 1 row", "all yes",
                "2 different values in 30 rows"), ClaimSection.summaryRow(table(30)));
    }
}
