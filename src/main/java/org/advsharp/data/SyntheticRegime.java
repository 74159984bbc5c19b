package org.advsharp.data;

/**
 * The three synthetic regimes of the experiments, with fixed default parameters so that "regime R,
 * seed S, N, d" names one data set. All are {@link GaussianMixture}s with noise sd = 1.
 */
public enum SyntheticRegime {
    /** Mean norm 2, wrong-side points redrawn: strictly separable through u. */
    SEPARABLE,
    /** Mean norm 1, 10% labels flipped, redrawn until not strictly separable. */
    OVERLAPPING,
    /** Mean norm 2, every margin along u raised to at least 0.5: well separated. */
    PLANTED_MARGIN;

    /** Mean norm of the separable and planted-margin regimes. */
    public static final double WIDE_MEAN_NORM = 2.0;
    /** Mean norm of the overlapping regime. */
    public static final double OVERLAP_MEAN_NORM = 1.0;
    /** Label-flip rate of the overlapping regime. */
    public static final double OVERLAP_FLIP_RATE = 0.1;
    /** Planted L2 margin of the planted-margin regime. */
    public static final double PLANTED_MARGIN_GAMMA = 0.5;
    /** Noise standard deviation of every regime. */
    public static final double NOISE_SD = 1.0;

    /** The data set of this regime for a seed and a size. */
    public Dataset generate(long seed, int n, int d) {
        return switch (this) {
            case SEPARABLE -> GaussianMixture.separable(seed, n, d, WIDE_MEAN_NORM, NOISE_SD);
            case OVERLAPPING -> GaussianMixture.overlapping(seed, n, d, OVERLAP_MEAN_NORM, NOISE_SD,
                    OVERLAP_FLIP_RATE);
            case PLANTED_MARGIN -> GaussianMixture.plantedMargin(seed, n, d, PLANTED_MARGIN_GAMMA, WIDE_MEAN_NORM,
                    NOISE_SD);
        };
    }
}
