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
 * begins with) are skipped; fields are separated by commas outside double quotes, trimmed, and may be wrapped
 * in double quotes (so a quoted header name may hold a comma); a number is a plain decimal such as {@code -1},
 * {@code 0.25}, {@code .5} or {@code 1e-3} (no {@code NaN}, {@code Infinity}, hexadecimal or Java suffixes such
 * as {@code 1d}, nothing that overflows); the first remaining line is a header exactly when none of its fields
 * is a number; every row has as many fields as the first. Any violation is a {@link DataFileException} naming
 * the source, the 1-based line (and column) and the problem; a field or a one-field header holding a
 * semicolon or a tab gets a hint that the file uses another separator (and perhaps decimal commas). The path
 * {@code -} is standard input.
 *
 * <p>Numbers are read by {@link DecimalParser}: the same double as {@link Double#parseDouble} for every field,
 * at a fraction of its cost on the common short decimals.
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
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    /** The path that names standard input. */
    static final String STANDARD_INPUT = "-";

    /** Reads the file at {@code path} (gzip allowed; {@code -}: standard input); messages name it as given. */
    static NumericCsv read(Path path) {
        if (path != null && STANDARD_INPUT.equals(path.toString())) {
            return parse("standard input", FileBytes.read("standard input", System.in));
        }
        return parse(String.valueOf(path), FileBytes.read(path));
    }

    /** Parses bytes (already decompressed) as UTF-8 CSV text. */
    static NumericCsv parse(String source, byte[] bytes) {
        String text = text(source, bytes);
        int length = text.length();
        List<String> header = List.of();
        int headerLine = 0;
        List<double[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        int width = -1;
        int widthLine = 0;
        int pos = length > 0 && text.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
        DecimalParser decimals = new DecimalParser();
        for (int lineNo = 1; pos <= length; lineNo++) {
            if (width > 0) {
                double[] row = new double[width];
                int next = simpleRow(text, pos, decimals, row);
                if (next >= 0) {
                    rows.add(row);
                    lineNumbers.add(lineNo);
                    pos = next;
                    continue;
                }
            }
            int end = pos;
            while (end < length && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            int next = end < length && text.charAt(end) == '\r' && end + 1 < length && text.charAt(end + 1) == '\n'
                    ? end + 2 : end + 1;
            int from = pos;
            int to = end;
            pos = next;
            while (from < to && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
                to--;
            }
            if (from == to || text.charAt(from) == '#') {
                continue;
            }
            if (width < 0) {
                String[] fields = fields(text, from, to);
                width = fields.length;
                widthLine = lineNo;
                if (isHeader(fields)) {
                    if (width == 1) {
                        requireCommaSeparated(source, lineNo, fields[0]);
                    }
                    header = List.of(fields);
                    headerLine = lineNo;
                    continue;
                }
            }
            rows.add(row(source, lineNo, text, from, to, width, widthLine, decimals));
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

    /**
     * The common line, read in one pass: {@code row.length} plain decimals separated by single commas, nothing
     * else (no space, quote or comment), then the end of the line or of the text. Returns where the next line
     * starts, or -1 when the line is anything else, so that {@link #row} reads it and says what is wrong. Both
     * give the same numbers: the values are {@link DecimalParser}'s, which are parseDouble's.
     */
    private static int simpleRow(String text, int pos, DecimalParser decimals, double[] row) {
        int length = text.length();
        int i = pos;
        for (int j = 0; j < row.length; j++) {
            double v = decimals.read(text, i, length);
            i = decimals.end();
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                return -1;
            }
            row[j] = v;
            char c = i < length ? text.charAt(i) : '\n';
            if (j + 1 < row.length) {
                if (c != ',') {
                    return -1;
                }
                i++;
            } else if (c != '\n' && c != '\r') {
                return -1;
            }
        }
        if (i >= length) {
            return length + 1;
        }
        return text.charAt(i) == '\r' && i + 1 < length && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
    }

    /**
     * The numbers of the line text[from, to), which must have {@code width} fields, each trimmed and unquoted;
     * a field that is not a plain decimal goes to {@link #number}, which says what is wrong with it.
     */
    private static double[] row(String source, int lineNo, String text, int from, int to, int width, int widthLine,
                                DecimalParser decimals) {
        int count = 1;
        for (int i = fieldEnd(text, from, to); i < to; i = fieldEnd(text, i + 1, to)) {
            count++;
        }
        if (count != width) {
            throw new DataFileException(source, "line " + lineNo, "ragged row: " + count + " fields where the first "
                    + "row has " + width + " (line " + widthLine + ")");
        }
        double[] row = new double[width];
        int start = from;
        for (int j = 0; j < width; j++) {
            int end = fieldEnd(text, start, to);
            int a = start;
            int b = end;
            while (a < b && Character.isWhitespace(text.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
                b--;
            }
            if (b - a >= 2 && text.charAt(a) == '"' && text.charAt(b - 1) == '"') {
                row[j] = number(source, lineNo, j, text.substring(a + 1, b - 1).strip());
            } else {
                double v = decimals.read(text, a, b);
                boolean whole = decimals.end() == b && !Double.isNaN(v) && !Double.isInfinite(v);
                row[j] = whole ? v : number(source, lineNo, j, text.substring(a, b));
            }
            start = end + 1;
        }
        return row;
    }

    /** The end of the field that starts at {@code start}: the next comma outside double quotes, or {@code to}. */
    private static int fieldEnd(String text, int start, int to) {
        boolean quoted = false;
        for (int i = start; i < to; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                return i;
            }
        }
        return to;
    }

    /** The fields of text[from, to), split at commas outside double quotes, trimmed and unquoted. */
    private static String[] fields(String text, int from, int to) {
        List<String> out = new ArrayList<>();
        int start = from;
        while (true) {
            int end = fieldEnd(text, start, to);
            out.add(unquote(text.substring(start, end)));
            if (end >= to) {
                return out.toArray(new String[0]);
            }
            start = end + 1;
        }
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
                    + "' is not a number written as a plain decimal such as -1, .5 or 2e-3)" + separatorHint(field));
        }
        double v = Double.parseDouble(field);
        if (!Double.isFinite(v)) {
            throw new DataFileException(source, where, "'" + field + "' overflows to an infinite value; every "
                    + "number must be finite");
        }
        return v;
    }

    /** A one-field header that holds a semicolon or a tab: the file is not comma-separated. */
    private static void requireCommaSeparated(String source, int lineNo, String field) {
        String hint = separatorHint(field);
        if (!hint.isEmpty()) {
            throw new DataFileException(source, "line " + lineNo, "one field '" + abbreviate(field) + "' where a "
                    + "header or a row of numbers was expected" + hint);
        }
    }

    /**
     * The hint for a field that holds another separator: "; the file seems to separate fields with ';' ..."
     * (empty when it holds neither a semicolon nor a tab).
     */
    static String separatorHint(String field) {
        String separator = field.indexOf(';') >= 0 ? "';' (semicolon)" : field.indexOf('\t') >= 0 ? "a tab" : null;
        if (separator == null) {
            return "";
        }
        return "; the file seems to separate fields with " + separator + " (perhaps with decimal commas, 1,5): "
                + "advsharp reads fields separated by commas with a decimal point (1.5,-2,1); convert the file "
                + "first, e.g. with pandas: read_csv(f, sep=';' or '\\t', decimal=',' or '.').to_csv(out, index=False)";
    }

    private static String abbreviate(String field) {
        return field.length() <= 40 ? field : field.substring(0, 40) + "...";
    }
}
