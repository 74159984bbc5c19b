package org.advsharp.training;

/**
 * The objective has no minimiser, so there is nothing to train to (prop:separable-divergence): with no
 * weight decay, if some w makes every margin positive then F(t w) decreases to its infimum 0 as t grows
 * and ||w|| diverges along any minimising sequence. The message gives the certificate.
 */
public final class NoFiniteMinimiserException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public NoFiniteMinimiserException(String message) {
        super(message);
    }
}
