package org.advsharp.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.advsharp.data.Dataset;

/**
 * Reads the command line's input files: a data set (feature columns, the label last, in {-1, 1} or
 * {0, 1}, an optional header row) and a weight vector (one number per line, or one row).
 *
 * <p>Strict: a number is a plain decimal ({@code -1}, {@code .5}, {@code 2e-3}); NaN and infinities are
 * refused by name; blank lines and lines whose first non-blank character is {@code #} (comments, as the
 * tool's own CSV output begins with) are skipped; a UTF-8 byte-order mark at the start of the file is
 * ignored; a header row (a line with no number in it) is allowed in a data file and refused in a weights
 * file; a nonzero weight smaller in magnitude than the smallest normal double (2.2e-308, e.g.
 * {@code 1e-320}) is refused, since w/||w|| is not computable from it. Every problem is an
 * IllegalArgumentException whose message names the file, the 1-based line and the problem.
 */
final class CsvInput {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("(?i)[+-]?(nan|inf|infinity)");
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private CsvInput() {
    }

    /** The data set in {@code file}. */
    static Dataset dataset(Path file) {
        List<double[]> rows = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        table(file, rows, lineOf, true);
        int width = rows.get(0).length;
        if (width < 2) {
            throw bad(file, lineOf.get(0), "only one column; need feature columns and the label last");
        }
        double[][] features = new double[rows.size()][];
        double[] labels = new double[rows.size()];
        boolean zero = false;
        boolean minus = false;
        for (int i = 0; i < rows.size(); i++) {
            double t = rows.get(i)[width - 1];
            if (t != 1 && t != -1 && t != 0) {
                throw bad(file, lineOf.get(i), "label " + t + " is not in {-1, 1} or {0, 1}");
            }
            zero |= t == 0;
            minus |= t == -1;
            if (zero && minus) {
                throw bad(file, lineOf.get(i), "labels mix -1 and 0; use {-1, 1} or {0, 1} throughout");
            }
            features[i] = java.util.Arrays.copyOf(rows.get(i), width - 1);
            labels[i] = t;
        }
        return zero ? Dataset.fromZeroOneLabels(features, labels) : Dataset.of(features, labels);
    }

    /** The weight vector in {@code file}: one number per line, or all on one row. */
    static double[] weights(Path file) {
        List<double[]> rows = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        table(file, rows, lineOf, false);
        if (rows.size() == 1) {
            return normalWeights(file, rows.get(0), lineOf);
        }
        double[] w = new double[rows.size()];
        for (int i = 0; i < w.length; i++) {
            if (rows.get(i).length != 1) {
                throw bad(file, lineOf.get(i), rows.get(i).length + " numbers; weights are one number per line "
                        + "or all on one row");
            }
            w[i] = rows.get(i)[0];
        }
        return normalWeights(file, w, lineOf);
    }

    /** Refuses subnormal weights by file and line: w/||w|| and the Hessian cannot be formed from them. */
    private static double[] normalWeights(Path file, double[] w, List<Integer> lineOf) {
        for (int i = 0; i < w.length; i++) {
            if (w[i] != 0 && Math.abs(w[i]) < Double.MIN_NORMAL) {
                int line = lineOf.size() == 1 ? lineOf.get(0) : lineOf.get(i);
                throw bad(file, line, "weight " + (i + 1) + " = " + w[i] + " is subnormal (nonzero but below "
                        + Double.MIN_NORMAL + " in magnitude); w/||w|| and the Hessian are not computable in double "
                        + "precision: scale the weights up or write 0");
            }
        }
        return w;
    }

    private static void table(Path file, List<double[]> rows, List<Integer> lineOf, boolean headerAllowed) {
        List<String> lines = read(file);
        int width = -1;
        for (int n = 0; n < lines.size(); n++) {
            String raw = lines.get(n);
            String line = (n == 0 && raw.startsWith(BYTE_ORDER_MARK) ? raw.substring(1) : raw).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (width < 0 && isHeader(cells)) {
                if (!headerAllowed) {
                    throw bad(file, n + 1, "'" + line + "' has no number in it: a weights file may not have a "
                            + "header row (only numbers, one per line or all on one row)");
                }
                width = cells.length;
                continue;
            }
            if (width >= 0 && cells.length != width) {
                throw bad(file, n + 1, cells.length + " columns but " + (rows.isEmpty() ? "the header has "
                        : "line " + lineOf.get(0) + " has ") + width + " (ragged rows)");
            }
            width = cells.length;
            double[] row = new double[cells.length];
            for (int j = 0; j < cells.length; j++) {
                row[j] = number(file, n + 1, j + 1, cells[j]);
            }
            rows.add(row);
            lineOf.add(n + 1);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + ": no numbers in the file");
        }
    }

    private static boolean isHeader(String[] cells) {
        for (String c : cells) {
            String s = unquote(c);
            if (DECIMAL.matcher(s).matches() || NOT_FINITE.matcher(s).matches()) {
                return false;
            }
        }
        return true;
    }

    private static double number(Path file, int line, int column, String cell) {
        String s = unquote(cell);
        if (NOT_FINITE.matcher(s).matches()) {
            throw bad(file, line, "column " + column + " is " + s + "; every number must be finite");
        }
        if (!DECIMAL.matcher(s).matches()) {
            throw bad(file, line, "column " + column + ": '" + s + "' is not a number");
        }
        return Double.parseDouble(s);
    }

    private static String unquote(String cell) {
        String s = cell.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).strip() : s;
    }

    private static List<String> read(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new IllegalArgumentException(file + ": is a folder, not a file");
            }
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(file + ": not readable (permission denied)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e + ")", e);
        }
    }

    private static IllegalArgumentException bad(Path file, int line, String problem) {
        return new IllegalArgumentException(file + ": line " + line + ": " + problem);
    }
}
