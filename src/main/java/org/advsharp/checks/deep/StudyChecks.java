package org.advsharp.checks.deep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.claims.Claim;
import org.advsharp.claims.ClaimRegistry;
import org.advsharp.deep.DeepTolerances;
import org.advsharp.deep.data.FashionMnistImages;
import org.advsharp.deep.study.StudyCell;
import org.advsharp.deep.study.StudyConfig;
import org.advsharp.deep.study.StudyData;
import org.advsharp.deep.study.StudyRun;

/**
 * The every-build checks of the ResNet18 study (exp:resnet-cpu-study), which itself runs outside the build
 * ({@code ./advsharp study resnet}) and is committed as {@value StudyRecord#RECORD_PATH}:
 *
 * <ul>
 *   <li>{@link #record}: the record is well formed, is the pre-registered configuration with the pre-registered
 *       text, holds every run, and its evidence is recomputed from its runs (the verdict is the record's finding);
 *       the record's commit and date, and whether the deep sources changed since, are reported;</li>
 *   <li>{@link #reproduces}: a reduced rerun of one of its runs (the first seed at the largest radius: training,
 *       accuracies, losses, gradient norm, frozen-attack lambda_max) gives the record's numbers within
 *       {@link DeepTolerances#STUDY_REPRODUCTION_RELATIVE} and {@link DeepTolerances#STUDY_REPRODUCTION_ACCURACY}.</li>
 * </ul>
 */
final class StudyChecks {

    private StudyChecks() {
    }

    /** The record file, relative to the working directory (the project root under Maven and ./advsharp). */
    static Path recordFile() {
        return Path.of(System.getProperty("advsharp.study.record", StudyRecord.RECORD_PATH));
    }

    static String record(CheckContext context, Evidence evidence) {
        Path file = recordFile();
        if (!Files.isRegularFile(file)) {
            evidence.notRun("no record of the study at " + file + " (make one with ./advsharp study resnet)");
            return "Not run: no record at " + file + ".";
        }
        List<String> defects = new ArrayList<>();
        StudyRecord.Section section;
        try {
            section = StudyRecord.read(file);
        } catch (IllegalArgumentException e) {
            evidence.measure(Measurement.atMost("defects of the record (" + e.getMessage() + ")", 1, 0, "0"));
            return "The record is malformed: " + e.getMessage();
        }
        StudyConfig registered = StudyConfig.registered();
        Claim claim = ClaimRegistry.load().find(StudyRecord.CLAIM_ID).orElseThrow(() ->
                new IllegalStateException("claim " + StudyRecord.CLAIM_ID + " is not in proofs/"));
        if (!registered.toString().equals(section.configuration())) {
            defects.add("its configuration is not the registered one: " + section.configuration());
        }
        if (!section.complete() || !Arrays.equals(section.seeds(), registered.seeds())
                || !Arrays.equals(section.radii(), registered.radii())) {
            defects.add("it is not complete (seeds " + Arrays.toString(section.seeds()) + ", radii "
                    + Arrays.toString(section.radii()) + ")");
        }
        if (!StudyRecord.preRegistrationHash(claim).equals(section.preRegistrationSha256())) {
            defects.add("the statement or assumptions of " + StudyRecord.CLAIM_ID + " changed since the record was "
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
        evidence.measure(Measurement.atMost("defects of the record (" + (defects.isEmpty() ? "none"
                : String.join("; ", defects)) + ")", defects.size(), 0, "0"));
        if (!defects.isEmpty()) {
            return "The record does not match its pre-registration: " + String.join("; ", defects) + ".";
        }
        String summary = StudyEvidence.record(registered, section.cells(), section.complete(), evidence,
                StudyRecord.replay(section));
        return "Record of " + run[2] + " (commit " + shortHash(run[0]) + "; "
                + codeNote + "): " + summary;
    }

    static String reproduces(CheckContext context, Evidence evidence) {
        Path file = recordFile();
        if (!Files.isRegularFile(file)) {
            evidence.notRun("no record of the study at " + file + " to reproduce");
            return "Not run: no record.";
        }
        if (!FashionMnistImages.available()) {
            evidence.notRun("the Fashion-MNIST files are not in " + FashionMnistImages.directory()
                    + " (Debian package dataset-fashion-mnist)");
            return "Not run: no Fashion-MNIST files.";
        }
        StudyRecord.Section section = StudyRecord.read(file);
        StudyConfig registered = StudyConfig.registered();
        long seed = registered.seeds()[0];
        double eps = registered.radii()[registered.radii().length - 1];
        StudyCell recorded = section.cells().stream().filter(c -> c.seed() == seed && c.epsilon() == eps).findFirst()
                .orElse(null);
        if (recorded == null) {
            evidence.measure(Measurement.atMost("record has the run seed " + seed + ", eps " + eps, 1, 0, "0"));
            return "The record lacks the run seed " + seed + ", eps " + eps + ".";
        }
        StudyCell rerun = StudyRun.run(registered, StudyData.load(registered), seed, eps, false,
                line -> context.progress().accept("study rerun: " + line));
        evidence.fact("rerun", "seed " + seed + ", eps " + eps + ": training, accuracies, losses, gradient norm and "
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
                + "loss %.6g vs %.6g, robust accuracy %.3f vs %.3f.", seed, DeepChecks.fmt(eps),
                ok ? "reproduces" : "does NOT reproduce", rerun.frozen().value(), recorded.frozen().value(),
                rerun.robustLoss(), recorded.robustLoss(), rerun.robustAccuracy(), recorded.robustAccuracy());
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
