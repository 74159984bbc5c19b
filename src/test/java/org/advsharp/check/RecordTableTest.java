package org.advsharp.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A configuration record becomes a table of its settings, nested records flattened. */
class RecordTableTest {

    record Inner(int epochs, double rate) {
    }

    record Outer(String tier, double[] radii, Inner training) {
    }

    @Test
    void componentsBecomeRowsAndNestedRecordsDottedNames() {
        Table t = RecordTable.of("configuration", new Outer("cpu", new double[] {0, 0.5}, new Inner(3, 0.1)));
        assertEquals(List.of("setting", "value"), t.columns());
        assertEquals(List.of(List.of("tier", "cpu"), List.of("radii", "[0.0, 0.5]"), List.of("training.epochs", "3"),
                List.of("training.rate", "0.1")), t.rows());
    }
}
