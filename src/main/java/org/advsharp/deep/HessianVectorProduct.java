package org.advsharp.deep;

import ai.djl.ndarray.NDManager;

/**
 * A matrix-free Hessian of a robust loss at fixed weights: v -> H v (claims inst:deep-hvp,
 * exp:resnet-paper-scale and its reduced CPU configuration).
 */
public interface HessianVectorProduct {

    /** H v, owned by {@code into}. */
    WeightVector apply(WeightVector v, NDManager into);

    /** How it is computed, for the report (e.g. "central differences of the gradient, h = 1e-3"). */
    String method();

    /** The point w at which the Hessian is taken. */
    WeightVector at();

    /** Products so far whose step was shrunk after meeting a ReLU kink (0 for exact products). */
    default int kinkRefinements() {
        return 0;
    }

    /** Products so far that still met a kink at the smallest step (0 for exact products). */
    default int unresolvedKinks() {
        return 0;
    }
}
