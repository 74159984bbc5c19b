package org.advsharp.deep;

import java.util.List;
import org.advsharp.numerics.RankTrend;

/**
 * The outcome of {@code deep.experiment.ResNetExperiment.run}.
 *
 * @param config             the configuration that ran
 * @param network            description of the network (says REDUCED width where it is)
 * @param parameterCount     trainable parameters of the network
 * @param device             the device it ran on
 * @param engine             engine name and version (e.g. "PyTorch 2.7.1")
 * @param data               description of the images
 * @param perEpsilon         one entry per radius, in increasing order
 * @param frozenTrend        trend of lambda_max(frozen) over the radii
 * @param reattackedTrend    trend of lambda_max(re-attacked) over the radii
 * @param gapTrend           trend of lambda_max(re-attacked) - lambda_max(frozen) over the radii
 * @param curveTrend         trend of the mean rise of the 1-D curves over the radii (null without curves)
 * @param peakResidentMiB    peak resident memory of the process (JVM + native) at the end, MiB (NaN if unknown)
 * @param totalMillis        wall time of the whole experiment, ms
 */
public record ResNetResult(ResNetConfig config, String network, long parameterCount, String device, String engine,
                           String data, List<EpsilonResult> perEpsilon, RankTrend frozenTrend,
                           RankTrend reattackedTrend, RankTrend gapTrend, RankTrend curveTrend,
                           double peakResidentMiB, double totalMillis) {

    public ResNetResult {
        perEpsilon = List.copyOf(perEpsilon);
    }

    /**
     * The result of the radii measured, with the four trends computed from them: lambda_max frozen, lambda_max
     * re-attacked, their gap (re-attacked - frozen, per radius), and the mean rise of the curves (only with curves).
     */
    public static ResNetResult of(ResNetConfig config, String network, long parameterCount, String device,
                                  String engine, String data, List<EpsilonResult> perEpsilon, double peakResidentMiB,
                                  double totalMillis) {
        double[] frozen = frozenTop(perEpsilon);
        double[] re = reattackedTop(perEpsilon);
        double[] gap = new double[frozen.length];
        for (int i = 0; i < gap.length; i++) {
            gap[i] = re[i] - frozen[i];
        }
        double[] rise = curveRise(perEpsilon);
        return new ResNetResult(config, network, parameterCount, device, engine, data, perEpsilon,
                RankTrend.of(frozen), RankTrend.of(re), RankTrend.of(gap), rise == null ? null : RankTrend.of(rise),
                peakResidentMiB, totalMillis);
    }

    /** Radii, in order. */
    public double[] epsilons() {
        return perEpsilon.stream().mapToDouble(EpsilonResult::epsilon).toArray();
    }

    /** lambda_max with the attack frozen, per radius. */
    public double[] frozenTop() {
        return frozenTop(perEpsilon);
    }

    /** lambda_max with the attack recomputed, per radius. */
    public double[] reattackedTop() {
        return reattackedTop(perEpsilon);
    }

    /** Mean rise of the 1-D robust-loss curves (mean over directions), per radius; null without curves. */
    public double[] curveRise() {
        return curveRise(perEpsilon);
    }

    private static double[] frozenTop(List<EpsilonResult> perEpsilon) {
        return perEpsilon.stream().mapToDouble(e -> e.sharpness().frozen().value()).toArray();
    }

    private static double[] reattackedTop(List<EpsilonResult> perEpsilon) {
        return perEpsilon.stream().mapToDouble(e -> e.sharpness().reattacked().value()).toArray();
    }

    private static double[] curveRise(List<EpsilonResult> perEpsilon) {
        if (perEpsilon.get(0).sharpness().curves() == null) {
            return null;
        }
        return perEpsilon.stream().mapToDouble(e -> mean(e.sharpness().curves().meanRise())).toArray();
    }

    /** Median wall time of a training step over all radii with an attack (eps > 0), ms. */
    public double medianStepMillis() {
        double[] s = perEpsilon.stream().filter(e -> e.epsilon() > 0).mapToDouble(EpsilonResult::medianStepMillis)
                .sorted().toArray();
        return s.length == 0 ? Double.NaN : s[s.length / 2];
    }

    /** Median wall time of a re-attacked Hessian-vector product over the radii with an attack, ms. */
    public double medianReattackedHvpMillis() {
        double[] s = perEpsilon.stream().filter(e -> e.epsilon() > 0)
                .mapToDouble(e -> e.sharpness().reattacked().medianHvpMillis()).sorted().toArray();
        return s.length == 0 ? Double.NaN : s[s.length / 2];
    }

    /** Median wall time of a frozen-attack Hessian-vector product over all radii, ms. */
    public double medianFrozenHvpMillis() {
        double[] s = perEpsilon.stream().mapToDouble(e -> e.sharpness().frozen().medianHvpMillis()).sorted().toArray();
        return s[s.length / 2];
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
