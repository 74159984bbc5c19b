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
 * refused by name; blank lines are skipped; every problem is an IllegalArgumentException whose message
 * names the file, the 1-based line and the problem.
 */
final class CsvInput {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("(?i)[+-]?(nan|inf|infinity)");

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
            return rows.get(0);
        }
        double[] w = new double[rows.size()];
        for (int i = 0; i < w.length; i++) {
            if (rows.get(i).length != 1) {
                throw bad(file, lineOf.get(i), rows.get(i).length + " numbers; weights are one number per line "
                        + "or all on one row");
            }
            w[i] = rows.get(i)[0];
        }
        return w;
    }

    private static void table(Path file, List<double[]> rows, List<Integer> lineOf, boolean headerAllowed) {
        List<String> lines = read(file);
        int width = -1;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (width < 0 && headerAllowed && isHeader(cells)) {
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
