package org.advsharp.data;

import java.util.Arrays;

/**
 * An immutable binary classification data set: N rows x_n in R^d with labels y_n in {-1, +1}.
 *
 * <p>Construction validates eagerly: every feature must be finite, every row must have the same
 * length d >= 1, there must be at least one row, and every label must be exactly -1 or +1. Labels
 * in {0, 1} are mapped by y = 2t - 1 with {@link #fromZeroOneLabels}. Errors name the offending row
 * and column so that a person can find them in their file.
 */
public final class Dataset {
    private final int n;
    private final int d;
    /** Row-major features, length n * d. Never exposed. */
    private final double[] features;
    private final double[] labels;

    private Dataset(int n, int d, double[] features, double[] labels) {
        this.n = n;
        this.d = d;
        this.features = features;
        this.labels = labels;
    }

    /**
     * Builds a data set from rows and labels in {-1, +1}; arrays are copied.
     *
     * @throws IllegalArgumentException naming the row (0-based) and the problem
     */
    public static Dataset of(double[][] rows, double[] labels) {
        if (rows == null || labels == null) {
            throw new IllegalArgumentException("data set: rows and labels must not be null");
        }
        if (rows.length == 0) {
            throw new IllegalArgumentException("data set: it has no rows; at least one sample is needed");
        }
        if (rows.length != labels.length) {
            throw new IllegalArgumentException("data set: " + rows.length + " feature rows but "
                    + labels.length + " labels");
        }
        int d = rows[0] == null ? 0 : rows[0].length;
        if (d == 0) {
            throw new IllegalArgumentException("data set: row 0 has no features; d must be at least 1");
        }
        double[] flat = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            double[] row = rows[i];
            if (row == null || row.length != d) {
                throw new IllegalArgumentException("data set: row " + i + " has "
                        + (row == null ? 0 : row.length) + " features but row 0 has " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException("data set: feature " + j + " of row " + i
                            + " is " + row[j] + "; all features must be finite numbers");
                }
                flat[i * d + j] = row[j];
            }
        }
        double[] y = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 1.0 && labels[i] != -1.0) {
                throw new IllegalArgumentException("data set: label of row " + i + " is " + labels[i]
                        + "; labels must be -1 or +1 (use fromZeroOneLabels for 0/1 labels)");
            }
            y[i] = labels[i];
        }
        return new Dataset(rows.length, d, flat, y);
    }

    /** Builds a data set from labels in {0, 1}, mapped to {-1, +1} by y = 2t - 1. */
    public static Dataset fromZeroOneLabels(double[][] rows, double[] zeroOne) {
        if (zeroOne == null) {
            throw new IllegalArgumentException("data set: labels must not be null");
        }
        double[] y = new double[zeroOne.length];
        for (int i = 0; i < zeroOne.length; i++) {
            if (zeroOne[i] != 0.0 && zeroOne[i] != 1.0) {
                throw new IllegalArgumentException("data set: label of row " + i + " is " + zeroOne[i]
                        + "; expected 0 or 1");
            }
            y[i] = 2.0 * zeroOne[i] - 1.0;
        }
        return of(rows, y);
    }

    /** Number of samples N. */
    public int size() {
        return n;
    }

    /** Number of features d. */
    public int dimension() {
        return d;
    }

    /** Feature j of row i. */
    public double feature(int i, int j) {
        return features[i * d + j];
    }

    /** Label of row i, -1 or +1. */
    public double label(int i) {
        return labels[i];
    }

    /** A copy of row i. */
    public double[] row(int i) {
        return Arrays.copyOfRange(features, i * d, (i + 1) * d);
    }

    /** A copy of all rows. */
    public double[][] rows() {
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = row(i);
        }
        return out;
    }

    /** A copy of the labels. */
    public double[] labels() {
        return labels.clone();
    }

    /** A copy of the features, row-major, length N * d. */
    public double[] featuresRowMajor() {
        return features.clone();
    }

    /** A data set made of the given rows of this one, in the given order. */
    public Dataset subset(int[] rowIndices) {
        double[][] rows = new double[rowIndices.length][];
        double[] y = new double[rowIndices.length];
        for (int k = 0; k < rowIndices.length; k++) {
            rows[k] = row(rowIndices[k]);
            y[k] = labels[rowIndices[k]];
        }
        return of(rows, y);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Dataset)) {
            return false;
        }
        Dataset other = (Dataset) o;
        return n == other.n && d == other.d && Arrays.equals(features, other.features)
                && Arrays.equals(labels, other.labels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(features) + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "Dataset[N=" + n + ", d=" + d + "]";
    }
}
