package org.advsharp.deep;

import ai.djl.ndarray.types.DataType;
import java.util.Arrays;

/**
 * How sharpness is measured at trained weights (claim exp:resnet-paper-scale and its reduced CPU configuration,
 * exp:softmax-direction-term, inst:deep-calibration).
 *
 * @param batchSize          examples per forward pass (memory only)
 * @param attackSteps        PGD steps of the measuring attack (deterministic: no random start)
 * @param attackStepFactor   its step size = factor * eps / steps
 * @param lanczosSteps       most Lanczos steps per top eigenvalue (one more product measures the residual)
 * @param fdStep             displacement h of the finite-difference Hessian-vector products
 * @param curveDirections    number of filter-normalised directions (0: no curves)
 * @param curveAlphas        points alpha of the 1-D curves (must contain 0 when there are curves)
 * @param dataType           tensor type of the measurement (FLOAT64: see inst:deep-hvp)
 * @param seed               seeds the Lanczos start vector and the directions
 */
public record SharpnessSettings(int batchSize, int attackSteps, double attackStepFactor, int lanczosSteps,
                                double fdStep, int curveDirections, double[] curveAlphas,
                                DataType dataType, long seed) {

    /**
     * The finite-difference displacement chosen by measurement (proofs/deep.md, inst:deep-hvp): in
     * float64, h = 1e-7 keeps rounding error near 1e-16 * |grad| / h ~ 1e-9 relative while making it
     * unlikely that any ReLU of the network changes sign between w - h v and w + h v (a sign change puts
     * an O(1/h) error into the quotient; on the CPU-tier ResNet h = 1e-4 already did).
     */
    public static final double DEFAULT_FD_STEP = 1e-7;

    public SharpnessSettings {
        if (batchSize < 1 || attackSteps < 1 || lanczosSteps < 1) {
            throw new IllegalArgumentException("sharpness: batchSize = " + batchSize + ", attackSteps = " + attackSteps
                    + ", lanczosSteps = " + lanczosSteps + " must all be >= 1");
        }
        if (!(attackStepFactor > 0) || !(fdStep > 0)) {
            throw new IllegalArgumentException("sharpness: attackStepFactor = " + attackStepFactor + " and fdStep = "
                    + fdStep + " must be > 0");
        }
        if (curveDirections < 0) {
            throw new IllegalArgumentException("sharpness: curveDirections = " + curveDirections + " must be >= 0");
        }
        curveAlphas = curveAlphas == null ? new double[0] : curveAlphas.clone();
        if (curveDirections > 0 && Arrays.stream(curveAlphas).noneMatch(a -> a == 0)) {
            throw new IllegalArgumentException("sharpness: curveAlphas " + Arrays.toString(curveAlphas)
                    + " must contain 0");
        }
    }

    /**
     * Top eigenvalues only, with the usual choices: no curves, PGD step size {@link PgdSettings#MADRY_STEP_FACTOR}
     * eps / steps, the displacement {@link #DEFAULT_FD_STEP}, float64.
     */
    public static SharpnessSettings eigenvaluesOnly(int batchSize, int attackSteps, int lanczosSteps, long seed) {
        return new SharpnessSettings(batchSize, attackSteps, PgdSettings.MADRY_STEP_FACTOR, lanczosSteps,
                DEFAULT_FD_STEP, 0, new double[0], DataType.FLOAT64, seed);
    }

    @Override
    public double[] curveAlphas() {
        return curveAlphas.clone();
    }

    /** The measuring attack at radius eps (no random start, so the re-attacked loss is a function of w). */
    public PgdSettings attackAt(double eps) {
        return new PgdSettings(eps, attackSteps, attackStepFactor * eps / attackSteps, false, true);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SharpnessSettings s && s.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "SharpnessSettings[batchSize=" + batchSize + ", attackSteps=" + attackSteps + ", attackStepFactor="
                + attackStepFactor + ", lanczosSteps=" + lanczosSteps
                + ", fdStep=" + fdStep + ", curveDirections=" + curveDirections + ", curveAlphas="
                + Arrays.toString(curveAlphas) + ", dataType=" + dataType + ", seed=" + seed + "]";
    }
}
