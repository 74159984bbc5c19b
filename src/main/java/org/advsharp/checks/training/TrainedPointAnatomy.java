package org.advsharp.checks.training;

import static org.advsharp.checks.training.TrainingFigures.DIGITS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advsharp.check.Evidence;
import org.advsharp.check.Series;
import org.advsharp.check.Table;
import org.advsharp.checks.Figures;
import org.advsharp.data.Dataset;
import org.advsharp.landscape.LinearSharpness;
import org.advsharp.numerics.Vectors;

/**
 * What the fixed-weight theorems need to know about the trained points of many sweeps, radius by radius:
 * whether the margin condition of thm:compressed-monotone (every adversarial margin
 * y_n w^T x_n - eps ||w|| >= 0) holds at w*(eps), the clean and robust training accuracy, and the
 * decomposition of the rise of lambda_max and of the trace from eps = 0 into
 * <ul>
 *   <li>the adversarial-input part: lambda(A(w*(eps))) - lambda(A(w*(0))), the fixed-input Hessian at the
 *       attacked inputs of the trained weights against the clean Hessian at w*(0) (A = H at eps = 0), and</li>
 *   <li>the direction term: lambda(H(w*(eps))) - lambda(A(w*(eps))), what kappa P adds (P2: the noise is
 *       aligned with the loss-increasing direction; for the trace it is exactly (d - 1) kappa).</li>
 * </ul>
 * The two parts add up to the rise exactly. Every part is divided by lambda(H(w*(0))) so that problems of
 * different scale can be pooled; the table and the plots give each column's own median across problems, and
 * medians do not add: the median rise need not be the sum of the parts' medians.
 */
public final class TrainedPointAnatomy {
    /**
     * A part counts as larger than the other only by more than this (relative to the value at eps = 0):
     * H and A are computed by different code paths, and where the direction term is 0 in exact
     * arithmetic (random noise, eps = 0) the two differ by rounding of about 1e-15.
     */
    static final double PART_ROUNDING = 1e-9;
    private final String title;
    private final double[] ratios;
    private final boolean marginConditionApplies;
    private final Map<String, FamilyMargins> families = new LinkedHashMap<>();
    private final List<double[][]> lambdaParts = new ArrayList<>();
    private final List<double[][]> traceParts = new ArrayList<>();
    private final List<double[]> clean = new ArrayList<>();
    private final List<double[]> robust = new ArrayList<>();

    /**
     * @param title                  what was trained, e.g. "adversarial training"
     * @param ratios                 the grid of eps/eps_c, starting at 0
     * @param marginConditionApplies whether to report the margin condition (the adversarial margins at the
     *                               trained weights; meaningless for weights trained another way)
     */
    public TrainedPointAnatomy(String title, double[] ratios, boolean marginConditionApplies) {
        if (ratios.length < 2 || ratios[0] != 0) {
            throw new IllegalArgumentException("the anatomy needs a grid starting at eps = 0, got "
                    + Arrays.toString(ratios));
        }
        this.title = title;
        this.ratios = ratios.clone();
        this.marginConditionApplies = marginConditionApplies;
    }

    /**
     * Adds one sweep: the trained weights at each radius and the sharpness profile of the loss there.
     *
     * @param family   the problem family (a regime or "mixture"), for the per-family shares
     * @param data     the clean data
     * @param epsilons the radii of the sweep, aligned with the grid
     * @param weights  w*(eps) at each radius
     * @param profiles the sharpness of the trained loss at each radius (H and its fixed-input part A)
     */
    public void add(String family, Dataset data, double[] epsilons, List<double[]> weights,
                    List<LinearSharpness> profiles) {
        int k = ratios.length;
        if (epsilons.length != k || weights.size() != k || profiles.size() != k) {
            throw new IllegalArgumentException("a sweep of " + epsilons.length + " radii for a grid of " + k);
        }
        FamilyMargins margins = families.computeIfAbsent(family, f -> new FamilyMargins(k));
        margins.sweeps++;
        LinearSharpness zero = profiles.get(0);
        double[][] lam = new double[3][k];
        double[][] tr = new double[3][k];
        double[] cleanAcc = new double[k];
        double[] robustAcc = new double[k];
        for (int i = 0; i < k; i++) {
            double[] w = weights.get(i);
            double eps = epsilons[i];
            double wn = Vectors.norm(w);
            int correct = 0;
            int robustCorrect = 0;
            double smallestAdversarialMargin = Double.POSITIVE_INFINITY;
            for (int n = 0; n < data.size(); n++) {
                double margin = data.label(n) * Vectors.dot(w, data.row(n));
                correct += margin > 0 ? 1 : 0;
                robustCorrect += margin - eps * wn > 0 ? 1 : 0;
                smallestAdversarialMargin = Math.min(smallestAdversarialMargin, margin - eps * wn);
            }
            margins.holds[i] += smallestAdversarialMargin >= 0 ? 1 : 0;
            cleanAcc[i] = correct / (double) data.size();
            robustAcc[i] = robustCorrect / (double) data.size();
            LinearSharpness s = profiles.get(i);
            lam[0][i] = (s.lambdaMaxH() - zero.lambdaMaxH()) / zero.lambdaMaxH();
            lam[1][i] = (s.lambdaMaxA() - zero.lambdaMaxA()) / zero.lambdaMaxH();
            lam[2][i] = (s.lambdaMaxH() - s.lambdaMaxA()) / zero.lambdaMaxH();
            tr[0][i] = (s.traceH() - zero.traceH()) / zero.traceH();
            tr[1][i] = (s.traceA() - zero.traceA()) / zero.traceH();
            tr[2][i] = (s.traceH() - s.traceA()) / zero.traceH();
        }
        lambdaParts.add(lam);
        traceParts.add(tr);
        clean.add(cleanAcc);
        robust.add(robustAcc);
    }

    /** The share of trained points at radius index i where the margin condition holds, over all families. */
    double marginShare(int i) {
        int holds = 0;
        int total = 0;
        for (FamilyMargins f : families.values()) {
            holds += f.holds[i];
            total += f.sweeps;
        }
        return holds / (double) total;
    }

    /** Median over the sweeps of part p (0 rise, 1 input, 2 direction) of lambda_max at radius index i. */
    double medianLambdaPart(int p, int i) {
        return median(lambdaParts, p, i);
    }

    /** Records the tables, plots and headline facts. */
    public void record(Evidence evidence) {
        int k = ratios.length;
        if (marginConditionApplies) {
            List<String> columns = new ArrayList<>(List.of("eps/eps_c"));
            families.forEach((name, f) -> columns.add(name + " (" + f.sweeps + ")"));
            columns.add("all");
            List<List<String>> rows = new ArrayList<>();
            List<Series.Line> lines = new ArrayList<>();
            for (var e : families.entrySet()) {
                double[] share = new double[k];
                for (int i = 0; i < k; i++) {
                    share[i] = e.getValue().share(i);
                }
                lines.add(new Series.Line(e.getKey(), ratios, share));
            }
            double[] all = new double[k];
            for (int i = 0; i < k; i++) {
                List<String> row = new ArrayList<>(List.of(Figures.significant(ratios[i], DIGITS)));
                for (FamilyMargins f : families.values()) {
                    row.add(Figures.significant(f.share(i), DIGITS));
                }
                all[i] = marginShare(i);
                row.add(Figures.significant(all[i], DIGITS));
                rows.add(row);
            }
            lines.add(new Series.Line("all problems", ratios, all));
            evidence.table(new Table(title + ": share of trained points w*(eps) where the margin condition (every "
                    + "y_n w^T x_n - eps ||w|| >= 0) holds, per radius and family (problems in brackets)", columns, rows));
            evidence.plot(new Series(title + ": share of trained points satisfying the margin condition",
                    "eps/eps_c", "share with every adversarial margin >= 0", false, lines));
            evidence.fact(title + ": margin-condition share at eps/eps_c = 0.1, 0.5, 0.9", String.join(", ",
                    shareAt(0.1), shareAt(0.5), shareAt(0.9)));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double[] row = {ratios[i], median(lambdaParts, 0, i), median(lambdaParts, 1, i),
                    median(lambdaParts, 2, i), shareDirectionLarger(lambdaParts, i), median(traceParts, 0, i),
                    median(traceParts, 1, i), median(traceParts, 2, i), medianOf(clean, i), medianOf(robust, i)};
            rows.add(Arrays.stream(row).mapToObj(v -> Figures.significant(v, DIGITS)).toList());
        }
        evidence.table(new Table(title + ": rise from eps = 0 split into the adversarial-input part (A at w*(eps) "
                + "against A at w*(0)) and the direction term (H - A at w*(eps), kappa P), each divided by the value at "
                + "eps = 0; each column is its own median over " + lambdaParts.size() + " sweeps (in each sweep the two "
                + "parts add up to the rise; their medians need not); training accuracy clean and against the L2 "
                + "worst case at eps",
                List.of("eps/eps_c", "lambda_max rise", "input part", "direction part", "share direction > input",
                        "trace rise", "input part", "direction part", "clean accuracy", "robust accuracy"), rows));
        evidence.plot(new Series(title + ": median rise of lambda_max(H(w*)) from eps = 0 and its two parts "
                + "(relative to lambda_max at eps = 0)", "eps/eps_c", "relative change", false, List.of(
                new Series.Line("rise", ratios, medians(lambdaParts, 0)),
                new Series.Line("adversarial-input part A(w*(eps)) - A(w*(0))", ratios, medians(lambdaParts, 1)),
                new Series.Line("direction term H - A", ratios, medians(lambdaParts, 2)))));
        evidence.plot(new Series(title + ": median rise of trace(H(w*)) from eps = 0 and its two parts "
                + "(relative to the trace at eps = 0)", "eps/eps_c", "relative change", false, List.of(
                new Series.Line("rise", ratios, medians(traceParts, 0)),
                new Series.Line("adversarial-input part", ratios, medians(traceParts, 1)),
                new Series.Line("direction term (d - 1) kappa", ratios, medians(traceParts, 2)))));
        evidence.plot(new Series(title + ": median training accuracy at w*(eps)", "eps/eps_c", "accuracy", false,
                List.of(new Series.Line("clean", ratios, medianCurve(clean)),
                        new Series.Line("robust (L2 worst case at eps)", ratios, medianCurve(robust)))));
    }

    private String shareAt(double ratio) {
        for (int i = 0; i < ratios.length; i++) {
            if (ratios[i] == ratio) {
                return Figures.significant(marginShare(i), DIGITS);
            }
        }
        return "not on the grid";
    }

    private static double shareDirectionLarger(List<double[][]> parts, int i) {
        int larger = 0;
        for (double[][] p : parts) {
            larger += p[2][i] > p[1][i] + PART_ROUNDING ? 1 : 0;
        }
        return larger / (double) parts.size();
    }

    private double[] medians(List<double[][]> parts, int p) {
        double[] out = new double[ratios.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = median(parts, p, i);
        }
        return out;
    }

    private double[] medianCurve(List<double[]> values) {
        double[] out = new double[ratios.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = medianOf(values, i);
        }
        return out;
    }

    private static double median(List<double[][]> parts, int p, int i) {
        double[] v = new double[parts.size()];
        for (int s = 0; s < v.length; s++) {
            v[s] = parts.get(s)[p][i];
        }
        return median(v);
    }

    private static double medianOf(List<double[]> values, int i) {
        double[] v = new double[values.size()];
        for (int s = 0; s < v.length; s++) {
            v[s] = values.get(s)[i];
        }
        return median(v);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    /** One problem family's sweeps, and at each radius how many of them satisfy the margin condition there. */
    private static final class FamilyMargins {
        final int[] holds;
        int sweeps;

        FamilyMargins(int radii) {
            holds = new int[radii];
        }

        /** The share of the family's sweeps whose trained point at radius index i satisfies the condition. */
        double share(int i) {
            return holds[i] / (double) sweeps;
        }
    }
}
