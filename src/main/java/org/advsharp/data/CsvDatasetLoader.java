package org.advsharp.data;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Loads a user's binary classification data from a CSV file (optionally gzip-compressed).
 *
 * <p>Format: feature columns, then the label as the LAST column; an optional header row (a first line
 * with no number in it); labels all in {-1, 1} or all in {0, 1} (0/1 is mapped by y = 2t - 1, so 1
 * stays +1). A file whose labels are all 1 is read as {-1, 1} labels. Every problem is a
 * {@link DataFileException} naming the file, the 1-based line and the problem: unparsable number,
 * NaN or infinite value, ragged row, unknown label, labels mixing the two codings, a file with no
 * feature column, an empty file, truncated or corrupt gzip data.
 */
public final class CsvDatasetLoader {

    private CsvDatasetLoader() {
    }

    /** Reads the file at {@code path}. */
    public static Dataset load(Path path) {
        return fromBytes(String.valueOf(path), FileBytes.read(path));
    }

    /** Reads a stream; {@code sourceName} is what error messages call it. */
    public static Dataset load(String sourceName, InputStream in) {
        return fromBytes(sourceName, FileBytes.read(sourceName, in));
    }

    private static Dataset fromBytes(String source, byte[] bytes) {
        NumericCsv csv = NumericCsv.parse(source, bytes);
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
            features[i] = java.util.Arrays.copyOf(rows[i], width - 1);
            labels[i] = t;
        }
        if (coding == LabelCoding.ZERO_ONE) {
            for (int i = 0; i < labels.length; i++) {
                labels[i] = 2.0 * labels[i] - 1.0;
            }
        }
        return Dataset.of(features, labels);
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
