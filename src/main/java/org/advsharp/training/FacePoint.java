package org.advsharp.training;

import org.advsharp.numerics.Lanczos;
import org.advsharp.numerics.LanczosResult;

/**
 * One trained and measured radius of the Linf sweep: the sharpness where the loss is twice differentiable,
 * lambda_max of its Hessian on the face S = {j : w*_j != 0}, by Lanczos with its residual, and how close each
 * component at 0 is to entering the face.
 *
 * <pre>
 *   faceSize      = |S|
 *   lambdaMaxFace = lambda_max((1/N) sum s_n x''_nS x''_nS^T)           (the face Hessian of {@link LinfKernel})
 *   smallestSlack = min over j not in S of (b - |a_j|) / b            (NaN at eps = 0 or with none at 0)
 * </pre>
 *
 * @param ratio           eps / eps_c
 * @param epsilon         the Linf radius
 * @param result          the training run (its gradient norm is the minimum-norm subgradient's)
 * @param lambdaMaxFace   lambda_max of the loss's Hessian on the face of w*
 * @param residual        ||H_S v - theta v|| of the computed top eigenpair
 * @param faceSize        |S|, the components of w* that are not 0
 * @param smallestSlack   min over the components at 0 of (b - |a_j|) / b
 * @param hessianProducts products Lanczos used
 */
public record FacePoint(double ratio, double epsilon, TrainingResult result, double lambdaMaxFace, double residual,
                        int faceSize, double smallestSlack, int hessianProducts) implements MeasuredRadius {

    /** The face sharpness and the slack of the components at 0 at a trained point, in the order of the block. */
    static FacePoint measure(LinfKernel kernel, double ratio, TrainingResult result) {
        double[] w = result.w();
        LinfKernel.State state = kernel.at(w);
        int face = 0;
        double slack = Double.NaN;
        double b = state.kinkHalfJump();
        for (int j = 0; j < w.length; j++) {
            if (w[j] != 0) {
                face++;
            } else if (b > 0) {
                double s = (b - Math.abs(state.smoothPartial(j))) / b;
                slack = Double.isNaN(slack) ? s : Math.min(slack, s);
            }
        }
        if (face == 0) {
            throw new IllegalStateException("Linf sweep: w* = 0 at eps/eps_c = " + ratio + " (below the critical "
                    + "radius w* cannot be 0; the training failed)");
        }
        LanczosResult top = Lanczos.topK(state.faceHessian(), 1, Math.min(PointSharpness.LANCZOS_MAX_STEPS,
                w.length), PointSharpness.LANCZOS_SEED);
        return new FacePoint(ratio, kernel.epsilon(), result, top.eigenvalues()[0], top.residualNorms()[0], face, slack,
                top.iterations() + 1);
    }
}
