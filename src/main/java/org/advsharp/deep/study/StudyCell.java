package org.advsharp.deep.study;

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
 */
public record StudyCell(long seed, double epsilon, List<Double> epochLoss, List<Double> epochAccuracy,
                        double cleanAccuracy, double robustAccuracy, double robustLoss, double cleanLoss,
                        double gradientNorm, double weightNorm, Eigen frozen, Eigen reattacked, Trace trace,
                        double[] curveAlphas, List<double[]> curves, double[] directionNorms, double trainingMillis,
                        double measuringMillis) {

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
