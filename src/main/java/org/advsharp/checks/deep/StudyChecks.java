package org.advsharp.checks.deep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.check.Outcome;
import org.advsharp.checks.Figures;
import org.advsharp.claims.Claim;
import org.advsharp.claims.ClaimRegistry;
import org.advsharp.deep.DeepTolerances;
import org.advsharp.deep.data.FashionMnistImages;
import org.advsharp.deep.study.RegisteredStudy;
import org.advsharp.deep.study.StudyCell;
import org.advsharp.deep.study.StudyConfig;
import org.advsharp.deep.study.StudyData;
import org.advsharp.deep.study.StudyRun;
import org.advsharp.deep.study.StudySource;

/**
 * The every-build checks of a ResNet18 study ({@link RegisteredStudy}), which itself runs outside the build
 * ({@code ./advsharp study NAME}) and is committed as its record, pinned in proofs/ ({@link RecordPin}):
 *
 * <ul>
 *   <li>{@link #record}: the record's bytes have the pinned SHA-256; it is well formed, is the pre-registered
 *       configuration with the pre-registered text, holds every run, and its evidence and verdict are recomputed
 *       from its runs; the recomputed verdict must be the pinned one. A pinned record that is missing, an
 *       unpinned record and any difference from the pin are FAILED; a study with neither record nor pin has not
 *       run (NOT RUN). The record's commit and date, and whether the deep sources changed since, are reported;</li>
 *   <li>{@link #reproduces}: a reduced rerun of one of its runs, drawn from all its runs by the check's seed
 *       (training, accuracies, losses, gradient norm, frozen-attack lambda_max), gives the record's numbers within
 *       {@link DeepTolerances#STUDY_REPRODUCTION_RELATIVE} and {@link DeepTolerances#STUDY_REPRODUCTION_ACCURACY}.</li>
 * </ul>
 *
 * <p>The static {@code record} and {@code reproduces} without a study are the first study's (exp:resnet-cpu-study).
 */
final class StudyChecks {

    private StudyChecks() {
    }

    /**
     * The record file of a study, relative to the working directory (the project root under Maven and
     * ./advsharp); a system property ({@link #recordProperty}) points elsewhere (tests).
     */
    static Path recordFile(RegisteredStudy study) {
        return Path.of(System.getProperty(recordProperty(study), study.recordPath()));
    }

    /** The system property that overrides a study's record file. */
    static String recordProperty(RegisteredStudy study) {
        return study == RegisteredStudy.CPU ? "advsharp.study.record" : "advsharp.study." + study.command()
                + ".record";
    }

    static String record(CheckContext context, Evidence evidence) {
        return record(RegisteredStudy.CPU, context, evidence);
    }

    static String reproduces(CheckContext context, Evidence evidence) {
        return reproduces(RegisteredStudy.CPU, context, evidence);
    }

    /** The record check of a study against the pin of its claim in proofs/. */
    static String record(RegisteredStudy study, CheckContext context, Evidence evidence) {
        Claim claim = claim(study);
        return record(study, claim, RecordPin.of(claim).orElse(null), recordFile(study), evidence);
    }

    /**
     * The record check of a study's record file against a pin (null: none in proofs/).
     */
    static String record(RegisteredStudy study, Claim claim, RecordPin pin, Path file, Evidence evidence) {
        boolean present = Files.isRegularFile(file);
        if (pin == null && !present) {
            evidence.notRun("the study has not run: no record at " + file + " and none pinned in proofs/ (make one "
                    + "with ./advsharp study " + study.command() + ")");
            return "Not run: the study has no record yet.";
        }
        if (pin == null) {
            return defect(evidence, "the record " + file + " is not pinned in proofs/ (a line 'Record pin: ...' in "
                    + "the evidence of " + study.claimId() + ")");
        }
        if (!present) {
            return defect(evidence, "the record pinned in proofs/ (" + pin.path() + ") is missing at " + file);
        }
        String hash = RecordPin.sha256(file);
        evidence.fact("record SHA-256 (pinned in proofs/)", hash);
        if (!hash.equals(pin.sha256())) {
            return defect(evidence, "the record's SHA-256 " + hash + " is not the one pinned in proofs/ ("
                    + pin.sha256() + "): the file was changed after it was pinned");
        }
        List<String> defects = new ArrayList<>();
        StudyRecord.Section section;
        try {
            section = StudyRecord.read(file);
        } catch (IllegalArgumentException e) {
            return defect(evidence, "the record is malformed: " + e.getMessage());
        }
        StudyConfig registered = study.config();
        if (!registered.toString().equals(section.configuration())) {
            defects.add("its configuration is not the registered one: " + section.configuration());
        }
        if (!section.complete() || !Arrays.equals(section.seeds(), registered.seeds())
                || !Arrays.equals(section.radii(), registered.radii())) {
            defects.add("it is not complete (seeds " + Arrays.toString(section.seeds()) + ", radii "
                    + Arrays.toString(section.radii()) + ")");
        }
        if (!StudyRecord.preRegistrationHash(claim).equals(section.preRegistrationSha256())) {
            defects.add("the statement or assumptions of " + study.claimId() + " changed since the record was "
                    + "made (pre-registration hash " + section.preRegistrationSha256() + ", now "
                    + StudyRecord.preRegistrationHash(claim) + ")");
        }
        String[] run = StudyRecord.commitAndDate(file);
        evidence.fact("record", file.toString());
        evidence.fact("record made at commit", run[0] + ("true".equals(run[1]) ? " (working tree dirty)" : ""));
        evidence.fact("record made on", run[2]);
        String now = StudyRecord.deepSourcesHash(Path.of(""));
        String codeNote;
        if (now == null || section.deepSourcesSha256() == null) {
            codeNote = "whether the deep code changed since the record is unknown (sources not found)";
        } else if (now.equals(section.deepSourcesSha256())) {
            codeNote = "the deep code is unchanged since the record";
        } else {
            codeNote = "NOTE: the deep code has changed since the record was made (sources hash "
                    + shortHash(section.deepSourcesSha256()) + " then, " + shortHash(now)
                    + " now); the record shows what the code of its commit measured";
        }
        evidence.fact("deep code since the record", codeNote);
        if (!defects.isEmpty()) {
            return defect(evidence, "the record does not match its pre-registration: " + String.join("; ", defects));
        }
        String summary = StudyEvidence.record(registered, section.cells(), section.complete(), evidence,
                StudyRecord.replay(section), study.fitCriteria());
        String verdict = verdictOf(evidence.outcome());
        evidence.fact("verdict recomputed from the record's runs (pinned: " + pin.verdict() + ")", verdict);
        evidence.measure(Measurement.atMost("recomputed verdict " + verdict + " differs from the pinned "
                + pin.verdict(), verdict.equals(pin.verdict()) ? 0 : 1, 0, "0"));
        return finding(study, section, evidence.outcome()) + " Record of " + run[2] + " (commit " + shortHash(run[0])
                + "; " + codeNote + "): " + summary;
    }

    /**
     * The record's finding in one sentence, first in the check's summary (the report's P4 line quotes it): the
     * regime its networks were in (the fit where measured, else the last-epoch training accuracy at eps = 0) and
     * the trend its pre-registered test found.
     */
    static String finding(RegisteredStudy study, StudyRecord.Section section, Outcome outcome) {
        List<StudyCell> atZero = section.cells().stream().filter(c -> c.epsilon() == 0).toList();
        String regime;
        if (!atZero.isEmpty() && atZero.stream().allMatch(c -> c.fit() != null)) {
            double lo = atZero.stream().mapToDouble(c -> c.fit().cleanAccuracy()).min().orElse(Double.NaN);
            double hi = atZero.stream().mapToDouble(c -> c.fit().cleanAccuracy()).max().orElse(Double.NaN);
            boolean fits = study.fitCriteria() != null && meetsFit(section, study.fitCriteria());
            regime = String.format(Locale.ROOT, "%s (clean training accuracy at eps 0: %.3f to %.3f)",
                    fits ? "networks that fit" : "networks", lo, hi);
        } else if (!atZero.isEmpty()) {
            double lo = atZero.stream().mapToDouble(StudyChecks::lastEpochAccuracy).min().orElse(Double.NaN);
            double hi = atZero.stream().mapToDouble(StudyChecks::lastEpochAccuracy).max().orElse(Double.NaN);
            regime = String.format(Locale.ROOT, "%s (last-epoch training accuracy at eps 0: %.3f to %.3f)",
                    hi < RegimeMapCheck.UNDER_FIT_ACCURACY ? "under-fitted networks" : "networks", lo, hi);
        } else {
            regime = "networks";
        }
        String trend = switch (outcome) {
            case PASSED -> "the frozen-attack lambda_max rises with eps (significant)";
            case COUNTEREXAMPLE_FOUND -> "the frozen-attack lambda_max FALLS with eps (significant)";
            case INCONCLUSIVE -> "no decided trend of the frozen-attack lambda_max";
            default -> "no trend was tested";
        };
        String text = "In " + regime + ", " + trend + ".";
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * Whether a record meets fit criteria: every run at eps = 0 has clean training accuracy, every run at the
     * largest radius robust training accuracy, at least the criterion (a run without its fit does not).
     */
    static boolean meetsFit(StudyRecord.Section section, RegisteredStudy.FitCriteria criteria) {
        double largest = section.radii()[section.radii().length - 1];
        for (StudyCell c : section.cells()) {
            if (c.epsilon() == 0 && (c.fit() == null || !(c.fit().cleanAccuracy() >= criteria.cleanAtZero()))) {
                return false;
            }
            if (c.epsilon() == largest && (c.fit() == null
                    || !(c.fit().robustAccuracy() >= criteria.robustAtLargest()))) {
                return false;
            }
        }
        return true;
    }

    private static double lastEpochAccuracy(StudyCell c) {
        return c.epochAccuracy().isEmpty() ? Double.NaN : c.epochAccuracy().get(c.epochAccuracy().size() - 1);
    }

    /** The verdict a record check's outcome gives a study claim. */
    static String verdictOf(Outcome outcome) {
        return switch (outcome) {
            case PASSED -> "SUPPORTED";
            case COUNTEREXAMPLE_FOUND -> "COUNTEREXAMPLE";
            case INCONCLUSIVE -> "INCONCLUSIVE";
            case FAILED -> "FAILED";
            case NOT_RUN -> "NOT RUN";
        };
    }

    private static String defect(Evidence evidence, String what) {
        evidence.measure(Measurement.atMost("defects of the record (" + what + ")", 1, 0, "0"));
        return "The record is not the committed one: " + what + ".";
    }

    /**
     * The rerun check of a study: one of the record's runs, drawn by the check's seed from all of them, retrained
     * and remeasured (reduced: no re-attacked eigenvalue, trace, curves or fit).
     */
    static String reproduces(RegisteredStudy study, CheckContext context, Evidence evidence) {
        Path file = recordFile(study);
        Optional<RecordPin> pin = RecordPin.of(claim(study));
        if (!Files.isRegularFile(file)) {
            if (pin.isPresent()) {
                return defect(evidence, "the record pinned in proofs/ (" + pin.get().path() + ") is missing at "
                        + file);
            }
            evidence.notRun("the study has not run: no record at " + file + " to reproduce");
            return "Not run: no record.";
        }
        StudyConfig registered = study.config();
        if (registered.source() == StudySource.FASHION_MNIST && !FashionMnistImages.available()) {
            evidence.notRun("the Fashion-MNIST files are not in " + FashionMnistImages.directory()
                    + " (Debian package dataset-fashion-mnist)");
            return "Not run: no Fashion-MNIST files.";
        }
        StudyRecord.Section section = StudyRecord.read(file);
        List<StudyCell> cells = section.cells();
        if (cells.isEmpty()) {
            return defect(evidence, "the record has no runs to rerun");
        }
        long drawSeed = context.seedFor(study.rerunCheckId());
        StudyCell recorded = rerunCell(cells, drawSeed);
        long seed = recorded.seed();
        double eps = recorded.epsilon();
        StudyCell rerun = StudyRun.run(registered, StudyData.load(registered), seed, eps, StudyRun.Depth.RERUN,
                line -> context.progress().accept("study rerun: " + line));
        evidence.fact("rerun", "seed " + seed + ", eps " + eps + " (drawn from the record's " + cells.size()
                + " runs by the check's seed " + drawSeed + "): training, accuracies, losses, gradient norm and "
                + "frozen-attack lambda_max of the registered configuration");
        evidence.cost("rerun time, s (training + measuring)", String.format(Locale.ROOT,
                "%.1f + %.1f", rerun.trainingMillis() / 1e3, rerun.measuringMillis() / 1e3));
        boolean ok = true;
        ok &= relative(evidence, "robust loss", recorded.robustLoss(), rerun.robustLoss());
        ok &= relative(evidence, "clean loss", recorded.cleanLoss(), rerun.cleanLoss());
        ok &= relative(evidence, "gradient norm", recorded.gradientNorm(), rerun.gradientNorm());
        ok &= relative(evidence, "frozen-attack lambda_max", recorded.frozen().value(), rerun.frozen().value());
        ok &= evidence.measure(Measurement.atMost("|clean test accuracy, record - rerun|",
                Math.abs(recorded.cleanAccuracy() - rerun.cleanAccuracy()), DeepTolerances.STUDY_REPRODUCTION_ACCURACY,
                "DeepTolerances.STUDY_REPRODUCTION_ACCURACY"));
        ok &= evidence.measure(Measurement.atMost("|robust test accuracy, record - rerun|",
                Math.abs(recorded.robustAccuracy() - rerun.robustAccuracy()),
                DeepTolerances.STUDY_REPRODUCTION_ACCURACY, "DeepTolerances.STUDY_REPRODUCTION_ACCURACY"));
        return String.format(Locale.ROOT, "Rerun of seed %d at eps %s %s the record: lambda_max %.6g vs %.6g, robust "
                + "loss %.6g vs %.6g, robust accuracy %.3f vs %.3f.", seed, Figures.fourDigits(eps),
                ok ? "reproduces" : "does NOT reproduce", rerun.frozen().value(), recorded.frozen().value(),
                rerun.robustLoss(), recorded.robustLoss(), rerun.robustAccuracy(), recorded.robustAccuracy());
    }

    /**
     * The run to rerun: the runs in (seed, eps) order, whatever the record's order, and one of them drawn
     * uniformly by a generator seeded with {@code drawSeed} (the check's seed), so every run can be the one.
     */
    static StudyCell rerunCell(List<StudyCell> cells, long drawSeed) {
        List<StudyCell> sorted = new ArrayList<>(cells);
        sorted.sort(Comparator.comparingLong(StudyCell::seed).thenComparingDouble(StudyCell::epsilon));
        return sorted.get(new SplittableRandom(drawSeed).nextInt(sorted.size()));
    }

    private static Claim claim(RegisteredStudy study) {
        return ClaimRegistry.load().find(study.claimId()).orElseThrow(() ->
                new IllegalStateException("claim " + study.claimId() + " is not in proofs/"));
    }

    private static String shortHash(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }

    private static boolean relative(Evidence evidence, String name, double recorded, double rerun) {
        double rel = Math.abs(recorded - rerun) / Math.max(Math.abs(recorded), Double.MIN_NORMAL);
        return evidence.measure(Measurement.atMost("relative difference of the " + name + ", record vs rerun", rel,
                DeepTolerances.STUDY_REPRODUCTION_RELATIVE, "DeepTolerances.STUDY_REPRODUCTION_RELATIVE"));
    }
}
