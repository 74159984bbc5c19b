package org.advsharp.deep;

/**
 * What a trainable tensor is, which fixes how a filter-normalised direction treats it
 * (Li et al. 2018, used by claim exp:resnet-paper-scale and its reduced CPU configuration):
 *
 * <ul>
 *   <li>{@link #FILTER}: a convolution kernel (out, in, kh, kw); one filter per output channel;</li>
 *   <li>{@link #DENSE}: a dense weight (out, in); one "filter" per output unit (a 1x1 convolution);</li>
 *   <li>{@link #BIAS}, {@link #BN_SCALE}, {@link #BN_SHIFT}: left unperturbed by random directions.</li>
 * </ul>
 */
public enum ParameterRole {
    FILTER,
    DENSE,
    BIAS,
    BN_SCALE,
    BN_SHIFT;

    /** Whether random landscape directions perturb this tensor (only filters and dense weights). */
    public boolean perturbedByDirections() {
        return this == FILTER || this == DENSE;
    }
}
