package org.advsharp.landscape;

/**
 * An estimate of the spectral density phi(t) = (1/d) sum_i delta(t - lambda_i) of a symmetric operator
 * as a discrete measure: nodes theta_k with weights w_k >= 0 summing to 1 (the average of the Gauss
 * quadrature rules of all probes; see {@link StochasticLanczosQuadrature}).
 *
 * @param nodes     the Ritz values of all probes
 * @param weights   their weights, (1/probes) tau_k with tau_k the squared first component of the
 *                  k-th eigenvector of the probe's T; they sum to 1
 * @param dimension d, the operator's dimension
 * @param probes    the number of probe vectors
 * @param steps     the Lanczos steps per probe (at most)
 */
public record SpectralDensity(double[] nodes, double[] weights, int dimension, int probes, int steps) {

    public SpectralDensity {
        if (nodes.length != weights.length) {
            throw new IllegalArgumentException("spectral density: " + nodes.length + " nodes but " + weights.length
                    + " weights");
        }
        nodes = nodes.clone();
        weights = weights.clone();
    }

    @Override
    public double[] nodes() {
        return nodes.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** sum_k w_k theta_k^p: an estimate of (1/d) trace(A^p), exact in expectation for p <= 2 steps - 1. */
    public double moment(int p) {
        double s = 0;
        for (int k = 0; k < nodes.length; k++) {
            s += weights[k] * Math.pow(nodes[k], p);
        }
        return s;
    }

    /** d * moment(1): the trace estimate (equals Hutchinson's estimate with the same normalised probes). */
    public double traceEstimate() {
        return dimension * moment(1);
    }

    /** The largest node: approaches lambda_max as the number of steps grows. */
    public double largestNode() {
        double m = Double.NEGATIVE_INFINITY;
        for (double t : nodes) {
            m = Math.max(m, t);
        }
        return m;
    }

    /** The density smoothed by a Gaussian of standard deviation sigma: sum_k w_k N(t; theta_k, sigma^2). */
    public double density(double t, double sigma) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("smoothing width sigma is " + sigma + "; it must be > 0");
        }
        double s = 0;
        double c = 1.0 / (sigma * Math.sqrt(2 * Math.PI));
        for (int k = 0; k < nodes.length; k++) {
            double z = (t - nodes[k]) / sigma;
            s += weights[k] * c * Math.exp(-0.5 * z * z);
        }
        return s;
    }

    /** The smoothed density on a grid. */
    public double[] density(double[] grid, double sigma) {
        double[] out = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            out[i] = density(grid[i], sigma);
        }
        return out;
    }
}
