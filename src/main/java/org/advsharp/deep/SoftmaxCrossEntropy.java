package org.advsharp.deep;

import ai.djl.ndarray.NDArray;

/**
 * Softmax cross-entropy of logits z (N, K) against integer labels t_n in {0..K-1}:
 *
 * <pre>
 *   l_n = log sum_k exp(z_nk) - z_{n t_n},       L = (1/N) sum_n l_n   (the MEAN, as in docs/theory.md section 1)
 * </pre>
 *
 * <p>With K = 2 and z = W x, l_n = softplus(-y_n (w_1 - w_2)^T x_n) with y_n = +1 for class 0 and -1
 * for class 1 (inst:deep-calibration).
 */
public final class SoftmaxCrossEntropy {

    private SoftmaxCrossEntropy() {
    }

    /** Per-example losses l_n, shape (N). */
    private static NDArray perExample(NDArray logits, NDArray oneHot) {
        NDArray logp = logits.logSoftmax(1);
        return logp.mul(oneHot).sum(new int[] {1}).neg();
    }

    /** Mean loss L, a scalar. */
    public static NDArray mean(NDArray logits, NDArray oneHot) {
        return perExample(logits, oneHot).mean();
    }

    /** Sum of the per-example losses (its input gradient is the per-example input gradient). */
    public static NDArray sum(NDArray logits, NDArray oneHot) {
        return perExample(logits, oneHot).sum();
    }
}
