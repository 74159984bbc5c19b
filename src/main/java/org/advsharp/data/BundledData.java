package org.advsharp.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The two small real data sets bundled in the jar under {@code datasets/} (CC BY 4.0; citations in
 * {@code datasets/ATTRIBUTION.md}), so that experiments run offline on real data.
 *
 * <ul>
 *   <li>Digits (Alpaydin and Kaynak 1998, doi:10.24432/C50P49): 1,797 images 8x8, grey levels 0..16
 *       divided by 16 so pixels lie in [0, 1]; d = 64, ten classes.</li>
 *   <li>Breast cancer diagnostic (Wolberg et al. 1995, doi:10.24432/C5DW2B): 569 samples, 30 features,
 *       label +1 benign (357), -1 malignant (212). Each feature is standardised with the data set's own
 *       mean and POPULATION standard deviation (divisor N, not N - 1): x' = (x - mean) / sd.</li>
 * </ul>
 *
 * <p>No bias feature is added: the model of the paper is f(x) = w^T x.
 */
public final class BundledData {
    /** Classpath location of the digits file. */
    public static final String DIGITS_RESOURCE = "/datasets/digits_8x8.csv.gz";
    /** Classpath location of the breast cancer file. */
    public static final String BREAST_CANCER_RESOURCE = "/datasets/breast_cancer_wdbc.csv";
    /** Largest grey level of the digits images; pixels are divided by it. */
    public static final double DIGITS_MAX_GREY = 16.0;
    private static final int DIGITS_SIDE = 8;
    private static final int DIGITS_CLASSES = 10;
    private static final int BREAST_CANCER_FEATURES = 30;

    private BundledData() {
    }

    /** All 1,797 digits, ten classes, pixels in [0, 1] (for the deep tier: rows and int labels). */
    public static LabelledImages digits() {
        return Holder.DIGITS;
    }

    /**
     * Digits {@code negative} (label -1) against digits {@code positive} (label +1), pixels in [0, 1],
     * d = 64, in file order.
     */
    public static Dataset digitsPair(int negative, int positive) {
        return digits().binaryPair(negative, positive);
    }

    /** Digit 0 (label -1) against digit 1 (label +1): 178 + 182 = 360 images. */
    public static Dataset digits0vs1() {
        return digitsPair(0, 1);
    }

    /** Digit 3 (label -1) against digit 8 (label +1): 183 + 174 = 357 images. */
    public static Dataset digits3vs8() {
        return digitsPair(3, 8);
    }

    /**
     * Breast cancer diagnostic: 569 x 30, standardised per feature with its own mean and population
     * standard deviation; label +1 benign, -1 malignant.
     */
    public static Dataset breastCancer() {
        return Holder.BREAST_CANCER;
    }

    /**
     * Standardises each column: (x - mean) / sd with the population sd (divisor N). A constant column
     * (sd = 0) is only centred.
     */
    public static double[][] standardise(double[][] rows) {
        int n = rows.length;
        int d = rows[0].length;
        double[][] out = new double[n][d];
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (double[] row : rows) {
                mean += row[j];
            }
            mean /= n;
            double var = 0;
            for (double[] row : rows) {
                var += (row[j] - mean) * (row[j] - mean);
            }
            double sd = Math.sqrt(var / n);
            for (int i = 0; i < n; i++) {
                out[i][j] = sd > 0 ? (rows[i][j] - mean) / sd : rows[i][j] - mean;
            }
        }
        return out;
    }

    private static NumericCsv resource(String name) {
        try (InputStream in = BundledData.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bundled data set " + name + " is missing from the classpath");
            }
            return NumericCsv.parse(name, FileBytes.read(name, in));
        } catch (IOException e) {
            throw new UncheckedIOException("bundled data set " + name + " cannot be read", e);
        }
    }

    private static LabelledImages loadDigits() {
        NumericCsv csv = resource(DIGITS_RESOURCE);
        int d = DIGITS_SIDE * DIGITS_SIDE;
        if (csv.width() != d + 1) {
            throw new IllegalStateException(DIGITS_RESOURCE + " has " + csv.width() + " columns, expected " + (d + 1));
        }
        double[][] rows = csv.rows();
        double[][] pixels = new double[rows.length][d];
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < d; j++) {
                pixels[i][j] = rows[i][j] / DIGITS_MAX_GREY;
            }
            labels[i] = (int) rows[i][d];
        }
        return new LabelledImages(pixels, labels, DIGITS_CLASSES, 1, DIGITS_SIDE, DIGITS_SIDE);
    }

    private static Dataset loadBreastCancer(NumericCsv csv) {
        if (csv.width() != BREAST_CANCER_FEATURES + 1) {
            throw new IllegalStateException(BREAST_CANCER_RESOURCE + " has " + csv.width() + " columns, expected "
                    + (BREAST_CANCER_FEATURES + 1));
        }
        double[][] rows = csv.rows();
        double[][] x = new double[rows.length][];
        double[] t = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            x[i] = Arrays.copyOf(rows[i], BREAST_CANCER_FEATURES);
            t[i] = rows[i][BREAST_CANCER_FEATURES];
        }
        return Dataset.fromZeroOneLabels(standardise(x), t);
    }

    /** Lazy, thread-safe loading: each set is parsed once, on first use. */
    private static final class Holder {
        static final LabelledImages DIGITS = loadDigits();
        static final Dataset BREAST_CANCER = loadBreastCancer(resource(BREAST_CANCER_RESOURCE));
    }
}
