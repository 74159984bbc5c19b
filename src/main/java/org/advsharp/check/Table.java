package org.advsharp.check;

import java.util.ArrayList;
import java.util.List;

/**
 * A small evidence table: a caption, column names and rows of cells already formatted as text.
 *
 * @param caption what the table shows
 * @param columns column headings
 * @param rows    rows; each has as many cells as there are columns
 */
public record Table(String caption, List<String> columns, List<List<String>> rows) {

    public Table {
        columns = List.copyOf(columns);
        List<List<String>> copy = new ArrayList<>();
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table '" + caption + "': a row has " + row.size()
                        + " cells but there are " + columns.size() + " columns");
            }
            copy.add(List.copyOf(row));
        }
        rows = List.copyOf(copy);
    }
}
