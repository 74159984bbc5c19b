package org.advsharp.checks.problems;

import java.util.ArrayList;
import java.util.List;
import org.advsharp.data.Dataset;
import org.advsharp.property.Gen;

/**
 * Generators of instances for the adversarial logistic-regression claims, built from {@link Gen}
 * combinators only, so every instance shrinks to a small, simple one (few rows, d = 1 where possible,
 * short decimals). Notation of docs/theory.md: margins m_n = y_n w^T x_n - eps ||w||, critical radius
 * eps_c = ||(1/N) sum_n y_n x_n|| (prop:critical-radius), margin condition m_n >= 0 at eps2 for all n
 * (thm:compressed-monotone; rem:margin-condition-needed and rem:full-top-not-monotone search here).
 */
public final class ProblemGenerators {

    /** Edge-case weight norms: tiny (kappa = (eps/||w||) ... explodes) and huge (sigmoids saturate). */
    public static final double TINY_NORM = 1e-6;
    /** See {@link #TINY_NORM}. */
    public static final double HUGE_NORM = 1e3;
    /** Probability of an edge case after the first tries (which get every edge case once). */
    public static final double EDGE_PROBABILITY = 0.2;
    /** Largest noise standard deviation of the Gaussian mixture (class means +/- mu, mu ~ N(0, I)). */
    public static final double MAX_NOISE = 2.0;
    /** Below this eps_c the data carry no scale, and radii are drawn on the absolute scale 1. */
    public static final double MIN_CRITICAL_RADIUS = 1e-9;

    /** Regime threshold: ||w|| at most this is "tiny ||w||" (only the tiny edge case reaches it). */
    public static final double TINY_NORM_REGIME = 1e-3;
    /** Regime threshold: ||w|| at least this is "huge ||w||" (only the huge edge case reaches it). */
    public static final double HUGE_NORM_REGIME = 1e2;
    /** Regime threshold: eps2 above this fraction of eps_c is "eps2 > 0.9 eps_c". */
    public static final double NEAR_CRITICAL_FRACTION = 0.9;
    /** Regime threshold: min_n |m_n| / ||w|| at most this times (eps2 + max ||x_n||) is "margin near 0". */
    public static final double NEAR_ZERO_MARGIN = 1e-6;

    private ProblemGenerators() {
    }

    /**
     * Data sets with N in [minN, maxN] and d in [minD, maxD]: x_n = y_n mu + sigma z_n with mu, z_n ~ N(0, I),
     * sigma in [0, {@link #MAX_NOISE}], labels +/-1 with both classes present (if all labels agree, the
     * last row's is flipped). Shrinks to N = minN, d = minD, x_n = 0.
     *
     * @throws IllegalArgumentException unless 2 <= minN <= maxN and 1 <= minD <= maxD
     */
    public static Gen<Dataset> datasets(int minN, int maxN, int minD, int maxD) {
        requireSizes(minN, maxN, minD, maxD);
        return Gen.integers(minD, maxD).flatMap(d -> mixture(d).flatMap(mixture ->
                Gen.listOf(Gen.integers(minN, maxN), rows(mixture, Gen.constant(0.0)))
                        .map(rows -> assemble(mixture, rows))));
    }

    /**
     * Weight vectors of dimension d: norm * unit direction, the direction from N(0, I) (e_1 if it is 0),
     * the norm 10^t with t uniform in [-1, 1], or an edge case: 1 (unit), {@link #TINY_NORM},
     * {@link #HUGE_NORM}. Shrinks to w = e_1.
     */
    public static Gen<double[]> weights(int d) {
        if (d < 1) {
            throw new IllegalArgumentException("weights: dimension d = " + d + " must be at least 1");
        }
        Gen<Double> norm = Gen.withEdgeCases(EDGE_PROBABILITY, List.of(1.0, TINY_NORM, HUGE_NORM),
                Gen.reals(-1, 1).map(t -> Math.pow(10, t)));
        return norm.flatMap(r -> Gen.arrayOfReals(d, Gen.normals(0, 1)).map(z -> scaledUnit(z, r)));
    }

    /**
     * Mixed instances: data from {@link #datasets}, w from {@link #weights}, eps2 either a fraction in
     * [0.05, 1.5] of eps_c, or just below eps_c (fraction in [0.95, 0.9999]), or the smallest positive
     * y_n w_hat^T x_n (so that one margin at eps2 is 0); eps1 = f eps2 with f = 0 (edge case) or
     * f in [0, 0.99]. The margin condition may or may not hold.
     */
    public static Gen<AdversarialCase> cases(int minN, int maxN, int minD, int maxD) {
        return datasets(minN, maxN, minD, maxD).flatMap(data -> weights(data.dimension()).flatMap(w ->
                largerRadius(data, w).flatMap(eps2 -> smallerRadius(eps2).map(eps1 ->
                        new AdversarialCase(data, w, eps1, eps2)))));
    }

    /**
     * Instances that satisfy the margin condition by construction (not by filtering): draw d, w,
     * eps2 = 1 + t with t in [-0.99, 1], a mixture, a slack scale (0 as an edge case) and rows (x_n, y_n,
     * slack fraction); then move each row along w_hat until y_n w_hat^T x_n >= eps2 + slack_n
     * ({@link PlantedMargins}), so y_n w^T x_n - eps2 ||w|| >= 0 for every n, with zero-slack margins
     * exactly at (or a rounding cushion above) 0. Shrinks to N = minN, d = minD, w = e_1, eps2 = 1.
     */
    public static Gen<AdversarialCase> marginConditionCases(int minN, int maxN, int minD, int maxD) {
        requireSizes(minN, maxN, minD, maxD);
        Gen<Double> slackScale = Gen.withEdgeCases(EDGE_PROBABILITY, List.of(0.0), Gen.reals(0, MAX_NOISE));
        return Gen.integers(minD, maxD).flatMap(d -> weights(d).flatMap(w ->
                Gen.reals(-0.99, 1).map(t -> 1 + t).flatMap(eps2 -> mixture(d).flatMap(mixture ->
                        slackScale.flatMap(scale ->
                                Gen.listOf(Gen.integers(minN, maxN), rows(mixture, Gen.reals(0, scale)))
                                        .flatMap(rows -> smallerRadius(eps2).map(eps1 -> new AdversarialCase(
                                                plant(assemble(mixture, rows), rows, w, eps2), w, eps1,
                                                eps2))))))));
    }

    /** eps_c = ||(1/N) sum_n y_n x_n||_2 (prop:critical-radius). */
    public static double criticalRadius(Dataset data) {
        double[] mean = new double[data.dimension()];
        for (int n = 0; n < data.size(); n++) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += data.label(n) * data.feature(n, j) / data.size();
            }
        }
        return PlantedMargins.norm(mean);
    }

    /** The adversarial margins m_n = y_n w^T x_n - eps ||w|| (sums left to right). */
    public static double[] margins(Dataset data, double[] w, double eps) {
        double[] m = new double[data.size()];
        for (int n = 0; n < m.length; n++) {
            m[n] = PlantedMargins.margin(data.row(n), data.label(n), w, eps);
        }
        return m;
    }

    /**
     * The regimes a case falls into: "eps1 = 0", "all margins at eps2 >= 0" or "some margin at eps2 < 0",
     * "margin near 0 at eps2", "eps2 > 0.9 eps_c", "eps2 >= eps_c", "tiny ||w||", "huge ||w||"
     * (thresholds: the *_REGIME, NEAR_* constants).
     */
    public static List<String> regimes(AdversarialCase c) {
        List<String> out = new ArrayList<>();
        double[] w = c.w();
        double norm = PlantedMargins.norm(w);
        double epsC = criticalRadius(c.data());
        double[] m = margins(c.data(), w, c.eps2());
        double minMargin = Double.POSITIVE_INFINITY;
        double minAbs = Double.POSITIVE_INFINITY;
        double maxRow = 0;
        for (int n = 0; n < m.length; n++) {
            minMargin = Math.min(minMargin, m[n]);
            minAbs = Math.min(minAbs, Math.abs(m[n]));
            maxRow = Math.max(maxRow, PlantedMargins.norm(c.data().row(n)));
        }
        if (c.eps1() == 0.0) {
            out.add("eps1 = 0");
        }
        out.add(minMargin >= 0 ? "all margins at eps2 >= 0" : "some margin at eps2 < 0");
        if (minAbs / norm <= NEAR_ZERO_MARGIN * (c.eps2() + maxRow)) {
            out.add("margin near 0 at eps2");
        }
        if (c.eps2() > NEAR_CRITICAL_FRACTION * epsC) {
            out.add("eps2 > 0.9 eps_c");
        }
        if (c.eps2() >= epsC) {
            out.add("eps2 >= eps_c");
        }
        if (norm <= TINY_NORM_REGIME) {
            out.add("tiny ||w||");
        }
        if (norm >= HUGE_NORM_REGIME) {
            out.add("huge ||w||");
        }
        return out;
    }

    /** Class mean direction mu and noise level sigma of a two-class Gaussian mixture. */
    private record Mixture(double[] mu, double sigma) {
    }

    /** One row before assembly: label, standard normal noise z, and a slack (planted cases only). */
    private record Row(boolean positive, double[] z, double slack) {
    }

    private static Gen<Mixture> mixture(int d) {
        return Gen.arrayOfReals(d, Gen.normals(0, 1)).flatMap(mu ->
                Gen.reals(0, MAX_NOISE).map(sigma -> new Mixture(mu, sigma)));
    }

    private static Gen<Row> rows(Mixture mixture, Gen<Double> slack) {
        return Gen.booleans(0.5).flatMap(positive -> Gen.arrayOfReals(mixture.mu().length, Gen.normals(0, 1))
                .flatMap(z -> slack.map(s -> new Row(positive, z, s))));
    }

    /** x_n = y_n mu + sigma z_n; flips the last label if all agree, so both classes are present. */
    private static Dataset assemble(Mixture mixture, List<Row> rows) {
        int n = rows.size();
        double[] y = new double[n];
        boolean anyPositive = false;
        boolean anyNegative = false;
        for (int i = 0; i < n; i++) {
            y[i] = rows.get(i).positive() ? 1.0 : -1.0;
            anyPositive |= y[i] > 0;
            anyNegative |= y[i] < 0;
        }
        if (!(anyPositive && anyNegative)) {
            y[n - 1] = -y[n - 1];
        }
        double[][] x = new double[n][mixture.mu().length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] = y[i] * mixture.mu()[j] + mixture.sigma() * rows.get(i).z()[j];
            }
        }
        return Dataset.of(x, y);
    }

    private static Dataset plant(Dataset data, List<Row> rows, double[] w, double eps2) {
        double[][] x = data.rows();
        for (int n = 0; n < x.length; n++) {
            x[n] = PlantedMargins.plant(x[n], data.label(n), w, eps2, rows.get(n).slack());
        }
        return Dataset.of(x, data.labels());
    }

    private static Gen<Double> largerRadius(Dataset data, double[] w) {
        double epsC = criticalRadius(data);
        double scale = epsC > MIN_CRITICAL_RADIUS ? epsC : 1.0;
        double norm = PlantedMargins.norm(w);
        List<Double> positive = new ArrayList<>();
        for (int n = 0; n < data.size(); n++) {
            double r = data.label(n) * PlantedMargins.dot(w, data.row(n)) / norm;
            if (r > 0) {
                positive.add(r);
            }
        }
        positive.sort(null);
        Gen<Double> anywhere = Gen.reals(0.05, 1.5).map(f -> f * scale);
        Gen<Double> atMargin = positive.isEmpty() ? anywhere : Gen.elements(positive);
        return Gen.frequency(new double[] {3, 1, 1},
                List.of(anywhere, Gen.reals(0.95, 0.9999).map(f -> f * scale), atMargin));
    }

    private static Gen<Double> smallerRadius(double eps2) {
        return Gen.withEdgeCases(EDGE_PROBABILITY, List.of(0.0), Gen.reals(0, 0.99)).map(f -> f * eps2);
    }

    private static double[] scaledUnit(double[] z, double norm) {
        double length = PlantedMargins.norm(z);
        double[] w = new double[z.length];
        if (!(length > 0) || !Double.isFinite(length)) {
            w[0] = norm;
            return w;
        }
        for (int j = 0; j < z.length; j++) {
            w[j] = norm * z[j] / length;
        }
        return w;
    }

    private static void requireSizes(int minN, int maxN, int minD, int maxD) {
        if (minN < 2 || maxN < minN || minD < 1 || maxD < minD) {
            throw new IllegalArgumentException("problem sizes: need 2 <= minN <= maxN and 1 <= minD <= maxD"
                    + " (both classes must be present), got N in [" + minN + ", " + maxN + "], d in ["
                    + minD + ", " + maxD + "]");
        }
    }
}
