package org.advsharp.deep.study;

import java.util.Arrays;
import java.util.List;

/**
 * What one run of the study (one seed, one radius) measured. Losses are means over examples; the Hessians are of
 * the mean robust loss on the measuring images without weight decay (training has it, the measured loss not).
 *
 * @param seed               seed of initialisation, shuffling, random starts, Lanczos start, probes, directions
 * @param epsilon            the training and measuring radius
 * @param epochLoss          mean adversarial training loss per epoch (at the ramped radius of each step)
 * @param epochAccuracy      training accuracy on the adversarial inputs per epoch
 * @param cleanAccuracy      accuracy on the clean test images
 * @param robustAccuracy     accuracy on the test images attacked by PGD at eps (the test attack)
 * @param robustLoss         the re-attacked robust loss L_H on the measuring images
 * @param cleanLoss          the loss on the clean measuring images
 * @param gradientNorm       ||grad L_H|| at the trained weights (measuring images, no weight decay)
 * @param weightNorm         ||w|| of the trained weights (the filter-normalised curves scale with it)
 * @param frozen             lambda_max of the frozen-attack Hessian, with its certificate
 * @param reattacked         lambda_max of the re-attacked Hessian, with its certificate (at eps = 0 the frozen one)
 * @param trace              Hutchinson's estimate of the trace of the frozen-attack Hessian
 * @param curveAlphas        points of the 1-D curves
 * @param curves             curves.get(j)[k] = L_H(w + alpha_k d_j), d_j filter-normalised
 * @param directionNorms     ||d_j|| (filter normalisation gives each filter of d the norm of w's filter)
 * @param trainingMillis     wall time of training, ms
 * @param measuringMillis    wall time of the measurements, ms
 * @param fit                how well the trained network fits its training images (null in the first study's
 *                           record, which was made before it was measured, and in reduced reruns)
 */
public record StudyCell(long seed, double epsilon, List<Double> epochLoss, List<Double> epochAccuracy,
                        double cleanAccuracy, double robustAccuracy, double robustLoss, double cleanLoss,
                        double gradientNorm, double weightNorm, Eigen frozen, Eigen reattacked, Trace trace,
                        double[] curveAlphas, List<double[]> curves, double[] directionNorms, double trainingMillis,
                        double measuringMillis, Fit fit) {

    /**
     * The fit at the trained weights on all training images, BatchNorm on its running statistics (eval mode): the
     * clean accuracy, the accuracy at the PGD point of the test attack at the cell's radius, and the adversarial
     * training margins m_n = z_{y_n}(x'_n) - max_{k != y_n} z_k(x'_n) (true-class logit minus the largest other
     * logit at that PGD point x'_n; at eps = 0 the clean margins). Quantiles interpolate linearly between order
     * statistics: q-quantile = the value at position q (n - 1) of the sorted margins.
     *
     * @param cleanAccuracy       clean training accuracy
     * @param robustAccuracy      training accuracy at the PGD points
     * @param positiveMarginShare share of training images with m_n > 0
     * @param marginLowerQuartile 0.25-quantile of m_n
     * @param marginMedian        0.5-quantile of m_n
     * @param marginUpperQuartile 0.75-quantile of m_n
     * @param examples            training images measured
     */
    public record Fit(double cleanAccuracy, double robustAccuracy, double positiveMarginShare,
                      double marginLowerQuartile, double marginMedian, double marginUpperQuartile, int examples) {

        /** The fit of margins and accuracies measured on the same images. */
        public static Fit of(double cleanAccuracy, double robustAccuracy, double[] margins) {
            if (margins.length == 0) {
                throw new IllegalArgumentException("fit: no margins");
            }
            double[] sorted = margins.clone();
            Arrays.sort(sorted);
            int positive = 0;
            for (double m : sorted) {
                if (m > 0) {
                    positive++;
                }
            }
            return new Fit(cleanAccuracy, robustAccuracy, positive / (double) sorted.length, quantile(sorted, 0.25),
                    quantile(sorted, 0.5), quantile(sorted, 0.75), sorted.length);
        }

        /** The q-quantile of sorted values: linear interpolation at position q (n - 1). */
        static double quantile(double[] sorted, double q) {
            double position = q * (sorted.length - 1);
            int below = (int) Math.floor(position);
            int above = Math.min(below + 1, sorted.length - 1);
            double fraction = position - below;
            return sorted[below] + fraction * (sorted[above] - sorted[below]);
        }
    }

    /**
     * A top eigenvalue with its certificate.
     *
     * @param value           the top Ritz value
     * @param residual        ||H y - value y|| / |value|
     * @param converged       residual within {@link org.advsharp.deep.HessianOperator#CONVERGED_RESIDUAL}
     * @param steps           Lanczos steps
     * @param kinkRefinements products whose step shrank at a kink
     * @param unresolvedKinks products still on a kink at the smallest step
     * @param medianHvpMillis median wall time of a product, ms
     */
    public record Eigen(double value, double residual, boolean converged, int steps, int kinkRefinements,
                        int unresolvedKinks, double medianHvpMillis) {
    }

    /**
     * A Hutchinson trace estimate.
     *
     * @param mean            the estimate
     * @param lower           lower end of the Student-t interval
     * @param upper           upper end
     * @param standardError   sd / sqrt(probes)
     * @param probes          Rademacher probes
     * @param confidence      nominal level of the interval
     * @param unresolvedKinks products still on a kink at the smallest step
     */
    public record Trace(double mean, double lower, double upper, double standardError, int probes, double confidence,
                        int unresolvedKinks) {
    }

    /** Mean over directions of the mean rise of the curve over its value at alpha = 0. */
    public double curveRise() {
        int zero = -1;
        for (int k = 0; k < curveAlphas.length; k++) {
            if (curveAlphas[k] == 0) {
                zero = k;
            }
        }
        if (zero < 0 || curves.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (double[] row : curves) {
            for (int k = 0; k < row.length; k++) {
                if (k != zero) {
                    sum += row[k] - row[zero];
                }
            }
        }
        return sum / (curves.size() * (curveAlphas.length - 1.0));
    }
}
