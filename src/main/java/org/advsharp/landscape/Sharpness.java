package org.advsharp.landscape;

import org.advsharp.numerics.HutchinsonTrace;
import org.advsharp.numerics.Lanczos;
import org.advsharp.numerics.LanczosResult;
import org.advsharp.numerics.LinearOperator;
import org.advsharp.numerics.TraceEstimate;

/**
 * The operator-based sharpness measures at weights w of any {@link LossSurface} (linear model here,
 * the deep tier later): top-k Hessian eigenvalues (Lanczos), trace (Hutchinson), spectral density
 * (stochastic Lanczos quadrature), Keskar epsilon-sharpness. All are seeded.
 */
public final class Sharpness {
    /** Lanczos search-space cap: enough for well-separated top eigenvalues of these Hessians. */
    public static final int LANCZOS_MAX_ITERATIONS = 200;

    private Sharpness() {
    }

    /** The k largest Hessian eigenvalues at w (Lanczos with full reorthogonalisation). */
    public static LanczosResult topEigenvalues(LossSurface surface, double[] w, int k, long seed) {
        LinearOperator h = surface.hessianAt(w);
        return Lanczos.topK(h, k, Math.max(k, Math.min(h.dimension(), LANCZOS_MAX_ITERATIONS)), seed);
    }

    /** Hutchinson's trace estimate at w with a 95% Student-t interval. */
    public static TraceEstimate trace(LossSurface surface, double[] w, int samples, long seed) {
        return HutchinsonTrace.estimate(surface.hessianAt(w), samples, seed, 0.95);
    }

    /** The SLQ spectral density at w. */
    public static SpectralDensity density(LossSurface surface, double[] w, int steps, int probes, long seed) {
        return StochasticLanczosQuadrature.estimate(surface.hessianAt(w), steps, probes, seed);
    }

    /** Keskar epsilon-sharpness at w with box parameter delta. */
    public static EpsilonSharpness.Result epsilonSharpness(LossSurface surface, double[] w, double delta, long seed) {
        return EpsilonSharpness.of(surface, w, delta, seed);
    }
}
