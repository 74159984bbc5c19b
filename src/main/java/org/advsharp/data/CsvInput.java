package org.advsharp.data;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * A user's CSV files, read by the project's one CSV reader ({@code NumericCsv}: strict plain decimals, an
 * optional header row, blank and {@code #} comment lines skipped, a UTF-8 byte-order mark ignored, gzip
 * allowed): a binary classification data set, and a weight vector.
 *
 * <p>Data set: feature columns, then the label as the LAST column; labels all in {-1, 1} or all in {0, 1}
 * (0/1 is mapped by y = 2t - 1, so 1 stays +1); a file whose labels are all 1 is read as {-1, 1} labels.
 * Weights: one number per line, or all on one row; no header row; a nonzero weight smaller in magnitude than
 * the smallest normal double (2.2e-308, e.g. {@code 1e-320}) is refused, since w/||w|| is not computable from
 * it. Every problem is a {@link DataFileException} naming the file, the 1-based line (and column) and the
 * problem: unparsable number, NaN or infinite value, ragged row, unknown label, labels mixing the two
 * codings, a file with no feature column, an empty file, truncated or corrupt gzip data, a missing or
 * unreadable file.
 */
public final class CsvInput {

    private CsvInput() {
    }

    /** The data set in {@code file}. */
    public static Dataset dataset(Path file) {
        NumericCsv csv = NumericCsv.read(file);
        String source = csv.source();
        int width = csv.width();
        if (width < 2) {
            throw new DataFileException(source, "line " + csv.lineOf()[0], "only " + width
                    + " column; need at least one feature column and the label column last");
        }
        double[][] rows = csv.rows();
        double[][] features = new double[rows.length][];
        double[] labels = new double[rows.length];
        LabelCoding coding = LabelCoding.UNDECIDED;
        int decidedAt = -1;
        for (int i = 0; i < rows.length; i++) {
            double t = rows[i][width - 1];
            int line = csv.lineOf()[i];
            LabelCoding seen = LabelCoding.of(t);
            if (seen == null) {
                throw new DataFileException(source, "line " + line + ", column " + width, "unknown label "
                        + t + "; labels must be all in {-1, 1} or all in {0, 1}");
            }
            if (seen != LabelCoding.UNDECIDED) {
                if (coding != LabelCoding.UNDECIDED && coding != seen) {
                    throw new DataFileException(source, "line " + line + ", column " + width, "label " + t
                            + " belongs to the " + seen.text + " coding but line " + decidedAt + " used the "
                            + coding.text + " coding; use one coding throughout");
                }
                if (coding == LabelCoding.UNDECIDED) {
                    decidedAt = line;
                }
                coding = seen;
            }
            features[i] = Arrays.copyOf(rows[i], width - 1);
            labels[i] = t;
        }
        return coding == LabelCoding.ZERO_ONE ? Dataset.fromZeroOneLabels(features, labels)
                : Dataset.of(features, labels);
    }

    /** The weight vector in {@code file}: one number per line, or all on one row. */
    public static double[] weights(Path file) {
        NumericCsv csv = NumericCsv.read(file);
        String source = csv.source();
        if (!csv.header().isEmpty()) {
            throw new DataFileException(source, "line " + csv.headerLine(), "'" + String.join(",", csv.header())
                    + "' has no number in it: a weights file may not have a header row (only numbers, one per "
                    + "line or all on one row)");
        }
        double[][] rows = csv.rows();
        int[] lineOf = new int[rows.length == 1 ? rows[0].length : rows.length];
        double[] w;
        if (rows.length == 1) {
            w = rows[0];
            Arrays.fill(lineOf, csv.lineOf()[0]);
        } else {
            w = new double[rows.length];
            for (int i = 0; i < w.length; i++) {
                if (rows[i].length != 1) {
                    throw new DataFileException(source, "line " + csv.lineOf()[i], rows[i].length
                            + " numbers; weights are one number per line or all on one row");
                }
                w[i] = rows[i][0];
                lineOf[i] = csv.lineOf()[i];
            }
        }
        for (int i = 0; i < w.length; i++) {
            if (w[i] != 0 && Math.abs(w[i]) < Double.MIN_NORMAL) {
                throw new DataFileException(source, "line " + lineOf[i], "weight " + (i + 1) + " = " + w[i]
                        + " is subnormal (nonzero but below " + Double.MIN_NORMAL + " in magnitude); w/||w|| and "
                        + "the Hessian are not computable in double precision: scale the weights up or write 0");
            }
        }
        return w;
    }

    /** Which label coding a label value belongs to: 1 fits both, so it decides nothing. */
    private enum LabelCoding {
        UNDECIDED("either"), MINUS_PLUS("{-1, 1}"), ZERO_ONE("{0, 1}");

        private final String text;

        LabelCoding(String text) {
            this.text = text;
        }

        static LabelCoding of(double t) {
            if (t == 1.0) {
                return UNDECIDED;
            }
            if (t == -1.0) {
                return MINUS_PLUS;
            }
            if (t == 0.0) {
                return ZERO_ONE;
            }
            return null;
        }
    }
}
