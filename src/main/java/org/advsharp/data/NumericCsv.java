package org.advsharp.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A comma-separated table of finite decimal numbers with an optional header row, parsed strictly.
 *
 * <p>Rules: fields are separated by commas and trimmed; blank lines are skipped; a number is a plain
 * decimal such as {@code -1}, {@code 0.25}, {@code .5} or {@code 1e-3} (no {@code NaN},
 * {@code Infinity}, hexadecimal or Java suffixes such as {@code 1d}); the first non-blank line is a
 * header exactly when none of its fields is a number; every row has as many fields as the first. Any
 * violation is a {@link DataFileException} naming the source, the 1-based line and the problem.
 *
 * @param source  the file or resource name used in messages
 * @param header  the header fields, or an empty list when the file has no header
 * @param rows    the numeric rows
 * @param lineOf  the 1-based line number of each row in the file (for messages of later checks)
 */
record NumericCsv(String source, List<String> header, double[][] rows, int[] lineOf) {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("(?i)[+-]?(nan|inf|infinity)");

    /** Parses bytes (already decompressed) as UTF-8 CSV text. */
    static NumericCsv parse(String source, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] lines = text.split("\r?\n|\r", -1);
        List<String> header = List.of();
        List<double[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        int width = -1;
        for (int k = 0; k < lines.length; k++) {
            int lineNo = k + 1;
            String line = k == 0 && lines[k].startsWith("\uFEFF") ? lines[k].substring(1) : lines[k];
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (width < 0) {
                width = fields.length;
                if (isHeader(fields)) {
                    List<String> names = new ArrayList<>();
                    for (String f : fields) {
                        names.add(f.trim());
                    }
                    header = List.copyOf(names);
                    continue;
                }
            }
            if (fields.length != width) {
                throw new DataFileException(source, "line " + lineNo, "ragged row: " + fields.length
                        + " fields where the first row has " + width);
            }
            double[] row = new double[width];
            for (int j = 0; j < width; j++) {
                row[j] = number(source, lineNo, j, fields[j].trim());
            }
            rows.add(row);
            lineNumbers.add(lineNo);
        }
        if (width < 0) {
            throw new DataFileException(source, "", "empty file: no data rows (and no header)");
        }
        if (rows.isEmpty()) {
            throw new DataFileException(source, "", "empty file: a header row but no data rows");
        }
        int[] lineOf = lineNumbers.stream().mapToInt(Integer::intValue).toArray();
        return new NumericCsv(source, header, rows.toArray(new double[0][]), lineOf);
    }

    /** Number of columns. */
    int width() {
        return rows[0].length;
    }

    private static boolean isHeader(String[] fields) {
        for (String f : fields) {
            String t = f.trim();
            if (DECIMAL.matcher(t).matches() || NOT_FINITE.matcher(t).matches()) {
                return false;
            }
        }
        return true;
    }

    private static double number(String source, int lineNo, int column, String field) {
        String where = "line " + lineNo + ", column " + (column + 1);
        if (field.isEmpty()) {
            throw new DataFileException(source, where, "empty field where a number is expected");
        }
        if (NOT_FINITE.matcher(field).matches()) {
            throw new DataFileException(source, where, "'" + field + "' is not a finite number (NaN and "
                    + "infinite values are not allowed)");
        }
        if (!DECIMAL.matcher(field).matches()) {
            throw new DataFileException(source, where, "unparsable number '" + field + "'");
        }
        double v = Double.parseDouble(field);
        if (!Double.isFinite(v)) {
            throw new DataFileException(source, where, "'" + field + "' overflows to an infinite value");
        }
        return v;
    }
}
