package org.advsharp.data;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The project's one CSV reader: a comma-separated table of finite decimal numbers with an optional header
 * row, parsed strictly. The command line's input files ({@link CsvInput}) and the bundled data sets
 * ({@link BundledData}) are both read through it.
 *
 * <p>Rules: the bytes are UTF-8 text (a byte-order mark at the start is ignored) and may be gzip-compressed;
 * blank lines and lines whose first non-blank character is {@code #} (comments, as the tool's own CSV output
 * begins with) are skipped; fields are separated by commas, trimmed, and may be wrapped in double quotes; a
 * number is a plain decimal such as {@code -1}, {@code 0.25}, {@code .5} or {@code 1e-3} (no {@code NaN},
 * {@code Infinity}, hexadecimal or Java suffixes such as {@code 1d}, nothing that overflows); the first
 * remaining line is a header exactly when none of its fields is a number; every row has as many fields as
 * the first. Any violation is a {@link DataFileException} naming the source, the 1-based line (and column)
 * and the problem.
 *
 * @param source     the file or resource name used in messages
 * @param header     the header fields, or an empty list when the file has no header
 * @param headerLine the 1-based line of the header, 0 when there is none
 * @param rows       the numeric rows
 * @param lineOf     the 1-based line number of each row in the file (for messages of later checks)
 */
record NumericCsv(String source, List<String> header, int headerLine, double[][] rows, int[] lineOf) {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("(?i)[+-]?(nan|inf|infinity)");
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    /** Reads the file at {@code path} (gzip allowed); messages name it as given. */
    static NumericCsv read(Path path) {
        return parse(String.valueOf(path), FileBytes.read(path));
    }

    /** Parses bytes (already decompressed) as UTF-8 CSV text. */
    static NumericCsv parse(String source, byte[] bytes) {
        String[] lines = text(source, bytes).split("\r?\n|\r", -1);
        List<String> header = List.of();
        int headerLine = 0;
        List<double[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        int width = -1;
        int widthLine = 0;
        for (int k = 0; k < lines.length; k++) {
            int lineNo = k + 1;
            String line = (k == 0 && lines[k].startsWith(BYTE_ORDER_MARK) ? lines[k].substring(1) : lines[k]).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",", -1);
            for (int j = 0; j < fields.length; j++) {
                fields[j] = unquote(fields[j]);
            }
            if (width < 0) {
                width = fields.length;
                widthLine = lineNo;
                if (isHeader(fields)) {
                    header = List.of(fields);
                    headerLine = lineNo;
                    continue;
                }
            }
            if (fields.length != width) {
                throw new DataFileException(source, "line " + lineNo, "ragged row: " + fields.length
                        + " fields where the first row has " + width + " (line " + widthLine + ")");
            }
            double[] row = new double[width];
            for (int j = 0; j < width; j++) {
                row[j] = number(source, lineNo, j, fields[j]);
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
        return new NumericCsv(source, header, headerLine, rows.toArray(new double[0][]), lineOf);
    }

    /** Number of columns. */
    int width() {
        return rows[0].length;
    }

    /** The bytes as UTF-8 text; a byte sequence that UTF-8 does not allow is refused, not replaced. */
    private static String text(String source, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DataFileException(source, "", "not UTF-8 text (" + e.getMessage() + ")", e);
        }
    }

    private static String unquote(String field) {
        String s = field.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).strip() : s;
    }

    private static boolean isHeader(String[] fields) {
        for (String f : fields) {
            if (DECIMAL.matcher(f).matches() || NOT_FINITE.matcher(f).matches()) {
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
            throw new DataFileException(source, where, "'" + field + "' is not a finite number; every number must "
                    + "be finite (NaN and infinite values are refused)");
        }
        if (!DECIMAL.matcher(field).matches()) {
            throw new DataFileException(source, where, "unparsable number '" + field + "' ('" + field
                    + "' is not a number written as a plain decimal such as -1, .5 or 2e-3)");
        }
        double v = Double.parseDouble(field);
        if (!Double.isFinite(v)) {
            throw new DataFileException(source, where, "'" + field + "' overflows to an infinite value; every "
                    + "number must be finite");
        }
        return v;
    }
}
