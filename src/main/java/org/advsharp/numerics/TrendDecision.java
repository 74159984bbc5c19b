package org.advsharp.numerics;

/**
 * The one decision of every trend test of the suite (Kendall's test of one curve, {@link KendallTrend}; Page's
 * test of several, the study's pooled trend): from the exact one-sided p-values of a rise and of a fall and a
 * one-sided level alpha,
 *
 * <ol>
 *   <li>p_rise &lt;= alpha: {@link #RISE};</li>
 *   <li>otherwise p_fall &lt;= alpha: {@link #FALL};</li>
 *   <li>otherwise {@link #NEITHER}.</li>
 * </ol>
 *
 * <p>With alpha &lt; 1/2 at most one tail can be significant (the two tails of one exact law overlap only at the
 * observed value), so the order of the first two steps decides nothing in practice; it is fixed so that the
 * rule is one rule. A test of level alpha per tail is a two-sided test of level 2 alpha.
 */
public enum TrendDecision {
    /** A significant rise. */
    RISE,
    /** A significant fall. */
    FALL,
    /** Significant in neither direction. */
    NEITHER;

    /**
     * The decision at one-sided level {@code level}.
     *
     * @throws IllegalArgumentException if a p-value is outside [0, 1] or the level outside (0, 1)
     */
    public static TrendDecision of(double pRise, double pFall, double level) {
        if (!(pRise >= 0 && pRise <= 1) || !(pFall >= 0 && pFall <= 1)) {
            throw new IllegalArgumentException("trend decision: p-values " + pRise + " (rise) and " + pFall
                    + " (fall) must lie in [0, 1]");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("trend decision: level " + level + " must lie in (0, 1)");
        }
        if (pRise <= level) {
            return RISE;
        }
        if (pFall <= level) {
            return FALL;
        }
        return NEITHER;
    }
}
