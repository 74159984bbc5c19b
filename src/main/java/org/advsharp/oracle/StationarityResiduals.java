package org.advsharp.oracle;

/**
 * How far w is from a stationary point of L_eps(w) + (lambda/2)||w||^2, split along and across w
 * (claim prop:stationarity). With g the penalized gradient:
 *
 * <pre>
 *   radial     = -w^T g = (1/N) sum_n sigma(-m_n) m_n - lambda ||w||^2
 *   tangential = ||P g|| = ||(1/N) sum_n sigma(-m_n) y_n P x_n||
 * </pre>
 *
 * <p>At a minimiser w* != 0 both are 0. A trainer is trusted only when they are near 0.
 *
 * @param radial         (1/N) sum_n sigma(-m_n) m_n - lambda ||w||^2
 * @param tangentialNorm ||(1/N) sum_n sigma(-m_n) y_n P x_n||
 * @param gradientNorm   ||grad (L_eps + (lambda/2)||w||^2)||
 */
public record StationarityResiduals(double radial, double tangentialNorm, double gradientNorm) {

    /** The residuals of the penalized adversarial objective at w != 0. */
    public static StationarityResiduals at(AdversarialLoss loss, double lambda, double[] w) {
        PenalizedAdversarialLoss objective = new PenalizedAdversarialLoss(loss, lambda);
        double[] g = objective.gradient(w);
        double norm = Require.nonZeroNorm(w, "the split of the gradient along and across w");
        double[] m = loss.margins(w);
        double radialSum = 0.0;
        for (double mi : m) {
            radialSum += Logistic.sigmoid(-mi) * mi;
        }
        return split(radialSum / m.length - lambda * norm * norm, g, w, norm);
    }

    /**
     * The residuals for any margin loss l (the same split with -l'(m_n) in place of sigma(-m_n)):
     * radial = (1/N) sum_n (-l'(m_n)) m_n - lambda ||w||^2, tangential = ||P g||; for the logistic loss the
     * numbers are those of {@link #at(AdversarialLoss, double, double[])} bit for bit (-l' = sigma(-m) exactly).
     */
    public static StationarityResiduals at(MarginAdversarialLoss loss, double lambda, double[] w) {
        double[] g = WeightDecay.gradient(loss.gradient(w), w, WeightDecay.checked(lambda));
        double norm = Require.nonZeroNorm(w, "the split of the gradient along and across w");
        double[] m = loss.margins(w);
        double radialSum = 0.0;
        for (double mi : m) {
            radialSum += -loss.loss().slope(mi) * mi;
        }
        return split(radialSum / m.length - lambda * norm * norm, g, w, norm);
    }

    /** The residuals from the radial one and the gradient g (with weight decay) at w of norm {@code norm}. */
    private static StationarityResiduals split(double radial, double[] g, double[] w, double norm) {
        double along = 0.0;
        for (int j = 0; j < w.length; j++) {
            along += g[j] * w[j] / norm;
        }
        double tangentialSquared = 0.0;
        for (int j = 0; j < w.length; j++) {
            double pj = g[j] - along * w[j] / norm;
            tangentialSquared += pj * pj;
        }
        return new StationarityResiduals(radial, Math.sqrt(tangentialSquared), Require.norm(g));
    }
}
