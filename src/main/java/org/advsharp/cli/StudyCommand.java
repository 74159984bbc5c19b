package org.advsharp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.advsharp.checks.deep.StudyRecord;
import org.advsharp.claims.Claim;
import org.advsharp.claims.ClaimRegistry;
import org.advsharp.deep.ResNetStem;
import org.advsharp.deep.engine.DjlEnvironment;
import org.advsharp.deep.study.RegisteredStudy;
import org.advsharp.deep.study.StudyCell;
import org.advsharp.deep.study.StudyConfig;
import org.advsharp.deep.study.StudyData;
import org.advsharp.deep.study.StudyRun;
import org.advsharp.deep.study.StudyRunner;
import org.advsharp.deep.study.StudySource;
import org.advsharp.results.RunRecord;
import org.advsharp.run.Provenance;
import org.advsharp.run.StudyRecordFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code advsharp study}: studies too long for the build, run once and committed as records under
 * reports/records/ (proofs/deep.md, exp:resnet-cpu-study and exp:resnet-fitted-study; {@link RegisteredStudy}).
 *
 * <ul>
 *   <li>{@code study resnet|fitted [--seeds LIST] [--out FILE]}: runs a pre-registered ResNet18 study
 *       ({@link RegisteredStudy#config()}), or only the given seeds of it (a shard), and writes its record, a
 *       results file with the study's section. Per-run progress with elapsed time and time left goes to standard
 *       error; the record is rewritten after every run (marked incomplete until the last), so an interrupted run
 *       leaves what it measured.</li>
 *   <li>{@code study merge SHARDS... --out FILE}: joins shards of one study (disjoint seeds) into one record.</li>
 *   <li>{@code study pilot --seeds LIST --radii LIST [...]}: a pilot for choosing a configuration, on seeds that
 *       are no registered study's; prints one line per run (fit, test accuracies, frozen lambda_max, time) and
 *       writes no record.</li>
 * </ul>
 */
@Command(name = "study", mixinStandardHelpOptions = true,
        subcommands = {StudyCommand.Resnet.class, StudyCommand.Fitted.class, StudyCommand.Merge.class,
                StudyCommand.Pilot.class},
        description = "Pre-registered studies outside the build; each writes a record to merge into reports.")
final class StudyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new IllegalArgumentException("study: name a study: resnet or fitted (or merge to join shards, pilot "
                + "to try a configuration)");
    }

    static Claim claim(RegisteredStudy study) {
        return ClaimRegistry.load().find(study.claimId()).orElseThrow(() ->
                new IllegalStateException("claim " + study.claimId() + " is missing from proofs/"));
    }

    static void writeAtomically(Path out, String text) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".study", ".json");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                // createTempFile makes the file private (rw-------); a record is meant to be read and committed
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: its default permissions stand
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalArgumentException("--out " + out + ": cannot be written: " + e.getMessage(), e);
        }
    }

    @Command(name = "resnet", mixinStandardHelpOptions = true,
            description = "The pre-registered ResNet18 study on Fashion-MNIST (exp:resnet-cpu-study): trains and "
                    + "measures every seed at every radius and writes the record.")
    static final class Resnet extends Runner {
        @Option(names = "--out", paramLabel = "FILE", defaultValue = StudyRecord.RECORD_PATH,
                description = "The record to write (default: ${DEFAULT-VALUE}).")
        private Path out;

        @Override
        RegisteredStudy study() {
            return RegisteredStudy.CPU;
        }

        @Override
        Path out() {
            return out;
        }
    }

    @Command(name = "fitted", mixinStandardHelpOptions = true,
            description = "The pre-registered ResNet18 study in the fitted regime on the bundled 8x8 digits "
                    + "(exp:resnet-fitted-study): trains and measures every seed at every radius and writes the "
                    + "record.")
    static final class Fitted extends Runner {
        @Option(names = "--out", paramLabel = "FILE", defaultValue = "reports/records/resnet-fitted-study.json",
                description = "The record to write (default: ${DEFAULT-VALUE}).")
        private Path out;

        @Override
        RegisteredStudy study() {
            return RegisteredStudy.FITTED;
        }

        @Override
        Path out() {
            return out;
        }
    }

    /** Runs a registered study, or a shard of its seeds, and writes its record. */
    abstract static class Runner implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--seeds", split = ",", paramLabel = "LIST",
                description = "Run only these seeds of the registered ones (a shard), e.g. 1,2.")
        private long[] seeds;

        @Option(names = "--pilot", description = "A pilot of a few minutes: the registered configuration on 200 images "
                + "for 2 epochs at the smallest and the largest radius, measured on 16 images (never a record: the "
                + "build rejects it).")
        private boolean pilot;

        abstract RegisteredStudy study();

        abstract Path out();

        @Override
        public Integer call() {
            DjlEnvironment.ensureOffline();
            RegisteredStudy study = study();
            Path out = out();
            StudyConfig registered = study.config();
            long[] chosen = seeds == null ? registered.seeds() : seeds.clone();
            for (long s : chosen) {
                if (Arrays.stream(registered.seeds()).noneMatch(r -> r == s)) {
                    throw new IllegalArgumentException("--seeds " + Arrays.toString(seeds) + ": seed " + s
                            + " is not one of the registered seeds " + Arrays.toString(registered.seeds()));
                }
            }
            double[] radii = registered.radii();
            StudyConfig ran = pilot
                    ? registered.sized(200, 16, 100, 2, new int[] {1}, 1).with(chosen,
                            new double[] {radii[0], radii[radii.length - 1]})
                    : registered.with(chosen, radii);
            Claim claim = claim(study);
            String command = "advsharp study " + study.command() + (pilot ? " --pilot" : "")
                    + (seeds == null ? "" : " --seeds " + joined(chosen)) + " --out " + out;
            RunRecord provenance = Provenance.capture(chosen[0], 0, command);
            String deepHash = StudyRecord.deepSourcesHash(Path.of(""));
            PrintWriter err = spec.commandLine().getErr();
            err.println("study: " + ran);
            err.println("study: record to " + out + "; commit " + provenance.commit()
                    + (Boolean.TRUE.equals(provenance.dirty()) ? " (working tree DIRTY)" : ""));
            err.flush();
            long start = System.nanoTime();
            List<StudyCell> cells = new ArrayList<>();
            StudyRunner.run(ran, line -> {
                err.println(line);
                err.flush();
            }, cell -> {
                cells.add(cell);
                long wall = (System.nanoTime() - start) / 1_000_000;
                if (cells.size() < chosen.length * ran.radii().length) {
                    writeAtomically(out, StudyRecordFile.write(registered, ran, cells, claim, provenance, wall, deepHash));
                }
            });
            long wall = (System.nanoTime() - start) / 1_000_000;
            writeAtomically(out, StudyRecordFile.write(registered, ran, cells, claim, provenance, wall, deepHash));
            err.println("study: wrote " + out + " (" + cells.size() + " runs, " + wall / 1000 + " s)");
            err.flush();
            return Advsharp.EXIT_OK;
        }
    }

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = "Joins shards of one ResNet18 study (disjoint seeds, same configuration) into one record.")
    static final class Merge implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "SHARD", description = "Shard records written by study resnet --seeds.")
        private List<Path> shards;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "The merged record.")
        private Path out;

        @Override
        public Integer call() {
            for (Path p : shards) {
                if (!Files.isRegularFile(p)) {
                    throw new IllegalArgumentException("study merge: " + p + ": no such file");
                }
            }
            RegisteredStudy study = StudyRecord.studyOf(StudyRecord.read(shards.get(0)));
            String merged = StudyRecordFile.merge(shards, study.config(), claim(study),
                    "advsharp study merge " + shards + " --out " + out);
            writeAtomically(out, merged);
            spec.commandLine().getErr().println("study merge: wrote " + out);
            return Advsharp.EXIT_OK;
        }
    }

    @Command(name = "pilot", mixinStandardHelpOptions = true,
            description = "A pilot run for choosing a study's configuration (never a record): trains at each radius "
                    + "from each seed (seeds disjoint from every registered study's) and prints one line per run: "
                    + "the fit on the training images, the test accuracies, the frozen-attack lambda_max and the "
                    + "time.")
    static final class Pilot implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--seeds", split = ",", required = true, paramLabel = "LIST", description = "Pilot seeds.")
        private long[] seeds;

        @Option(names = "--radii", split = ",", required = true, paramLabel = "LIST", description = "Radii.")
        private double[] radii;

        @Option(names = "--source", defaultValue = "DIGITS_8X8", paramLabel = "SOURCE",
                description = "DIGITS_8X8 or FASHION_MNIST (default: ${DEFAULT-VALUE}).")
        private StudySource source;

        @Option(names = "--stem", defaultValue = "CIFAR", paramLabel = "STEM",
                description = "CIFAR (stride 1) or STRIDE2 (default: ${DEFAULT-VALUE}).")
        private ResNetStem stem;

        @Option(names = "--width", defaultValue = "0.0625", description = "Width multiplier (default: ${DEFAULT-VALUE}).")
        private double width;

        @Option(names = "--downsample", defaultValue = "1", description = "Block side (default: ${DEFAULT-VALUE}).")
        private int downsample;

        @Option(names = "--train", defaultValue = "500", description = "Training images (default: ${DEFAULT-VALUE}).")
        private int train;

        @Option(names = "--measure", defaultValue = "64", description = "Measuring images (default: ${DEFAULT-VALUE}).")
        private int measure;

        @Option(names = "--test", defaultValue = "297", description = "Test images (default: ${DEFAULT-VALUE}).")
        private int test;

        @Option(names = "--epochs", defaultValue = "30", description = "Epochs (default: ${DEFAULT-VALUE}).")
        private int epochs;

        @Option(names = "--milestones", split = ",", defaultValue = "20,25",
                description = "Epochs after which the learning rate is cut (default: ${DEFAULT-VALUE}).")
        private int[] milestones;

        @Option(names = "--ramp", defaultValue = "3", description = "Radius ramp, epochs (default: ${DEFAULT-VALUE}).")
        private double ramp;

        @Option(names = "--full", description = "Measure everything a study's cell measures (for its time).")
        private boolean full;

        @Override
        public Integer call() {
            DjlEnvironment.ensureOffline();
            for (long s : seeds) {
                if (RegisteredStudy.isStudySeed(s)) {
                    throw new IllegalArgumentException("--seeds: seed " + s + " is a registered study seed; pilots "
                            + "use other seeds");
                }
            }
            StudyConfig config = StudyConfig.registered()
                    .shaped("pilot", source, stem, width, downsample)
                    .sized(train, measure, test, epochs, milestones, ramp).with(seeds, radii);
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter out = spec.commandLine().getOut();
            err.println("study pilot: " + config);
            err.flush();
            StudyData data = StudyData.load(config);
            for (long seed : seeds) {
                for (double eps : radii) {
                    StudyCell c = StudyRun.run(config, data, seed, eps,
                            full ? StudyRun.Depth.FULL
                                    : StudyRun.Depth.PILOT, line -> {
                                err.println(line);
                                err.flush();
                            });
                    StudyCell.Fit f = c.fit();
                    out.println(String.format(Locale.ROOT, "pilot seed %d eps %s: train clean %.4f robust "
                            + "%.4f margins+ %.4f q %.3g/%.3g/%.3g; test clean %.3f robust %.3f; lambda_max frozen "
                            + "%.5g (res %.2g)%s; last epoch loss %.4f; %.1f s training + %.1f s measuring", seed, eps,
                            f.cleanAccuracy(), f.robustAccuracy(), f.positiveMarginShare(), f.marginLowerQuartile(),
                            f.marginMedian(), f.marginUpperQuartile(), c.cleanAccuracy(), c.robustAccuracy(),
                            c.frozen().value(), c.frozen().residual(), c.reattacked() == null ? ""
                                    : String.format(Locale.ROOT, ", re-attacked %.5g",
                                    c.reattacked().value()), c.epochLoss().get(c.epochLoss().size() - 1),
                            c.trainingMillis() / 1e3, c.measuringMillis() / 1e3));
                    out.flush();
                }
            }
            return Advsharp.EXIT_OK;
        }
    }

    private static String joined(long[] v) {
        StringBuilder b = new StringBuilder();
        for (long x : v) {
            b.append(b.length() == 0 ? "" : ",").append(x);
        }
        return b.toString();
    }
}
