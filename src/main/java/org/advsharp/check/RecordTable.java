package org.advsharp.check;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A record (a configuration, a result) as a two-column table of its components, nested records
 * flattened with dotted names ("training.epochs"), arrays listed, so that evidence shows a configuration
 * as rows a person can read instead of a record's one-line {@code toString()}.
 */
public final class RecordTable {
    private RecordTable() {
    }

    /** The table "component | value" of {@code value}, a record. */
    public static Table of(String caption, Record value) {
        List<List<String>> rows = new ArrayList<>();
        add("", value, rows);
        return new Table(caption, List.of("setting", "value"), rows);
    }

    private static void add(String prefix, Record value, List<List<String>> rows) {
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            Object v;
            try {
                var accessor = c.getAccessor();
                accessor.setAccessible(true);
                v = accessor.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                v = "(not readable: " + e.getClass().getSimpleName() + ")";
            }
            String name = prefix + c.getName();
            if (v instanceof Record r) {
                add(name + ".", r, rows);
            } else {
                rows.add(List.of(name, text(v)));
            }
        }
    }

    private static String text(Object v) {
        if (v instanceof double[] a) {
            return Arrays.toString(a);
        }
        if (v instanceof long[] a) {
            return Arrays.toString(a);
        }
        if (v instanceof int[] a) {
            return Arrays.toString(a);
        }
        if (v instanceof Object[] a) {
            return Arrays.deepToString(a);
        }
        return String.valueOf(v);
    }
}
