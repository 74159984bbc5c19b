package org.advsharp.numerics;

/**
 * The outcome of {@link PowerIteration#top}.
 *
 * @param value      the Rayleigh quotient theta = v^T A v of the final unit vector
 * @param vector     the final unit vector v, canonical sign (largest |entry| positive)
 * @param residual   ||A v - theta v||_2, recomputed with the operator
 * @param iterations the number of products A v taken
 * @param converged  whether residual &lt;= relativeTolerance * |theta| was reached
 */
public record PowerResult(double value, double[] vector, double residual, int iterations, boolean converged) {

    /** Copies the vector. */
    public PowerResult {
        vector = vector.clone();
    }

    @Override
    public double[] vector() {
        return vector.clone();
    }
}
