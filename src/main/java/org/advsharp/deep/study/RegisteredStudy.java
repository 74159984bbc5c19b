package org.advsharp.deep.study;

import java.util.Arrays;

/**
 * The pre-registered studies, one per study claim of proofs/deep.md: the claim it decides, the command that runs
 * it, the committed record and the configuration, which changes only with a new pre-registration.
 *
 * <ul>
 *   <li>{@link #CPU}: exp:resnet-cpu-study, the first study (Fashion-MNIST 14x14, stride-2 stem, 12 epochs), whose
 *       networks under-fit;</li>
 *   <li>{@link #FITTED}: exp:resnet-fitted-study, the same question where the networks are trained to fit their
 *       training images, with {@link FitCriteria} that its record must meet.</li>
 * </ul>
 */
public enum RegisteredStudy {
    CPU("resnet", "exp:resnet-cpu-study", "deep-resnet-study-record", "deep-resnet-study-reproduces",
            "reports/records/resnet-cpu-study.json", null),
    FITTED("fitted", "exp:resnet-fitted-study", "deep-resnet-fitted-study-record",
            "deep-resnet-fitted-study-reproduces", "reports/records/resnet-fitted-study.json",
            new FitCriteria(0.99, 0.9));

    private final String command;
    private final String claimId;
    private final String recordCheckId;
    private final String rerunCheckId;
    private final String recordPath;
    private final FitCriteria fitCriteria;

    RegisteredStudy(String command, String claimId, String recordCheckId, String rerunCheckId, String recordPath,
                    FitCriteria fitCriteria) {
        this.command = command;
        this.claimId = claimId;
        this.recordCheckId = recordCheckId;
        this.rerunCheckId = rerunCheckId;
        this.recordPath = recordPath;
        this.fitCriteria = fitCriteria;
    }

    /**
     * The pre-registered fit: in every seed, the clean training accuracy (eval mode) at eps = 0 and the robust
     * training accuracy at the largest radius reach these values ({@link StudyCell.Fit}); a record that misses them
     * is INCONCLUSIVE, whatever its trend.
     *
     * @param cleanAtZero    least clean training accuracy of the eps = 0 run
     * @param robustAtLargest least robust training accuracy of the largest radius's run
     */
    public record FitCriteria(double cleanAtZero, double robustAtLargest) {
    }

    /** The subcommand of {@code advsharp study} that runs it. */
    public String command() {
        return command;
    }

    /** The claim it decides. */
    public String claimId() {
        return claimId;
    }

    /** The every-build check of its record. */
    public String recordCheckId() {
        return recordCheckId;
    }

    /** The every-build check that reruns one of its cells. */
    public String rerunCheckId() {
        return rerunCheckId;
    }

    /** The committed record, relative to the project root. */
    public String recordPath() {
        return recordPath;
    }

    /** Its fit criteria, or null for a study that registered none. */
    public FitCriteria fitCriteria() {
        return fitCriteria;
    }

    /** The registered configuration. */
    public StudyConfig config() {
        return this == CPU ? StudyConfig.registered() : StudyConfig.fitted();
    }

    /** The study whose configuration is named {@code name} ({@link StudyConfig#name()}). */
    public static RegisteredStudy ofName(String name) {
        return Arrays.stream(values()).filter(s -> s.config().name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no registered study has the configuration name '" + name + "'"));
    }

    /** Whether {@code seed} is a seed of any registered study (pilots must use others). */
    public static boolean isStudySeed(long seed) {
        return Arrays.stream(values()).anyMatch(s -> Arrays.stream(s.config().seeds()).anyMatch(r -> r == seed));
    }
}
