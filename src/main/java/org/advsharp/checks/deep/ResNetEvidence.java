package org.advsharp.checks.deep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Counterexample;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.check.RecordTable;
import org.advsharp.check.SeedRecord;
import org.advsharp.check.Series;
import org.advsharp.check.Table;
import org.advsharp.checks.Figures;
import org.advsharp.deep.DeepTolerances;
import org.advsharp.deep.EpsilonResult;
import org.advsharp.deep.ResNetResult;
import org.advsharp.numerics.RankTrend;

/**
 * Turns a {@link ResNetResult} into evidence, the same way for both tiers. The trend statistic is
 * lambda_max of the re-attacked robust loss (the analogue of H, what P4 is about) against eps, tested by
 * the exact one-sided permutation test of {@link RankTrend} at {@link DeepTolerances#TREND_SIGNIFICANCE};
 * a series that fails the test is recorded as a counterexample to "sharpness increases with eps". The
 * other series (frozen attack, their gap, the 1-D curves) are reported with their own trend statistics.
 */
final class ResNetEvidence {

    private ResNetEvidence() {
    }

    static String record(ResNetResult r, CheckContext context, Evidence evidence, long seed) {
        double[] eps = r.epsilons();
        double[] frozen = r.frozenTop();
        double[] re = r.reattackedTop();
        double[] rise = r.curveRise();
        evidence.seed(new SeedRecord("initial weights, shuffling, PGD random starts, Lanczos start, directions", seed,
                context.replayCommand()));
        evidence.fact("network", r.network());
        evidence.fact("data", r.data());
        evidence.fact("device", r.device() + ", " + r.engine());
        evidence.table(RecordTable.of("configuration", r.config()));
        evidence.cost("median training step (PGD + forward + backward + update), ms", round1(r.medianStepMillis()));
        evidence.cost("median frozen-attack HVP, ms", round1(r.medianFrozenHvpMillis()));
        evidence.cost("median re-attacked HVP, ms", round1(r.medianReattackedHvpMillis()));
        evidence.cost("peak resident memory of the process, MiB", round1(r.peakResidentMiB()));
        evidence.cost("total time, s", round1(r.totalMillis() / 1000));
        List<List<String>> rows = new ArrayList<>();
        int nonFinite = 0;
        for (EpsilonResult e : r.perEpsilon()) {
            double curve = e.sharpness().curves() == null ? Double.NaN : mean(e.sharpness().curves().meanRise());
            double[] v = {e.sharpness().frozen().value(), e.sharpness().reattacked().value(), e.sharpness().robustLoss(),
                    e.sharpness().cleanLoss(), curve};
            for (double x : v) {
                if (!Double.isFinite(x)) {
                    nonFinite++;
                }
            }
            rows.add(List.of(Figures.fourDigits(e.epsilon()), Figures.fourDigits(v[0]), Figures.fourDigits(v[1]),
                    Figures.fourDigits(v[1] - v[0]), Figures.fourDigits(curve), Figures.fourDigits(v[2]), Figures.fourDigits(v[3]),
                    Figures.fourDigits(e.epochAccuracy().get(e.epochAccuracy().size() - 1))));
            evidence.fact("eps " + Figures.fourDigits(e.epsilon()) + ": relative residual, converged and unresolved kinks "
                    + "of lambda_max frozen; re-attacked", String.format(Locale.ROOT, "%.1e, %s, %d; %.1e, %s, %d",
                    e.sharpness().frozen().residual(), e.sharpness().frozen().converged(),
                    e.sharpness().frozen().unresolvedKinks(), e.sharpness().reattacked().residual(),
                    e.sharpness().reattacked().converged(), e.sharpness().reattacked().unresolvedKinks()));
            evidence.cost("eps " + Figures.fourDigits(e.epsilon())
                    + ": median training step ms, median frozen / re-attacked HVP ms, training s",
                    String.format(Locale.ROOT, "%.1f, %.1f / %.1f, %.1f", e.medianStepMillis(),
                            e.sharpness().frozen().medianHvpMillis(), e.sharpness().reattacked().medianHvpMillis(),
                            e.trainingMillis() / 1000));
        }
        evidence.table(new Table(r.network() + ": sharpness at the trained weights, per training radius",
                List.of("eps", "lambda_max frozen", "lambda_max re-attacked", "gap", "mean 1-D curve rise",
                        "robust loss", "clean loss", "final adv. train acc."), rows));
        // a point whose Lanczos solve stopped with its residual above tolerance is drawn open
        boolean[] frozenOpen = new boolean[eps.length];
        boolean[] reOpen = new boolean[eps.length];
        for (int i = 0; i < eps.length; i++) {
            frozenOpen[i] = !r.perEpsilon().get(i).sharpness().frozen().converged();
            reOpen[i] = !r.perEpsilon().get(i).sharpness().reattacked().converged();
        }
        List<Series.Line> lines = new ArrayList<>();
        lines.add(new Series.Line("attack frozen", eps, frozen, frozenOpen));
        lines.add(new Series.Line("attack recomputed", eps, re, reOpen));
        evidence.plot(new Series(r.config().tier() + " tier: top Hessian eigenvalue of the robust loss", "eps",
                "lambda_max", false, lines));
        if (rise != null) {
            evidence.plot(new Series(r.config().tier() + " tier: mean rise of the filter-normalised robust-loss curves",
                    "eps", "mean rise", false, List.of(new Series.Line("mean over directions", eps, rise))));
        }
        evidence.measure(Measurement.atMost("non-finite sharpness values (would mean a broken measurement)",
                nonFinite, 0, "0"));
        if (nonFinite > 0) {
            return "The measurement produced " + nonFinite + " non-finite values.";
        }
        RankTrend trend = RankTrend.of(re);
        evidence.fact("re-attacked lambda_max: Spearman rho, p", trend.rho() + ", " + trend.pValue());
        evidence.fact("frozen lambda_max: Spearman rho, p", r.frozenTrend().rho() + ", " + r.frozenTrend().pValue());
        evidence.fact("gap: Spearman rho, p", r.gapTrend().rho() + ", " + r.gapTrend().pValue());
        if (r.curveTrend() != null) {
            evidence.fact("curve rise: Spearman rho, p", r.curveTrend().rho() + ", " + r.curveTrend().pValue());
        }
        String series = "lambda_max(re-attacked) at eps " + Arrays.toString(eps) + " = "
                + Arrays.toString(Figures.roundedToFour(re));
        if (trend.pValue() > DeepTolerances.TREND_SIGNIFICANCE) {
            evidence.counterexample(new Counterexample(String.format(Locale.ROOT,
                    "%s does not increase with eps (Spearman rho %.2f, one-sided p = %.3f > %.2f)", series, trend.rho(),
                    trend.pValue(), DeepTolerances.TREND_SIGNIFICANCE), series + "\n" + r.config(), seed, 0,
                    context.replayCommand()));
            return String.format(Locale.ROOT, "No increasing trend at this scale: %s (rho %.2f, p = %.3f).", series,
                    trend.rho(), trend.pValue());
        }
        return String.format(Locale.ROOT, "Increasing trend: %s (rho %.2f, p = %.3f).", series, trend.rho(),
                trend.pValue());
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
