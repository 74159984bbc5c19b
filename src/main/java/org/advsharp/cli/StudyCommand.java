package org.advsharp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.advsharp.checks.deep.StudyRecord;
import org.advsharp.claims.Claim;
import org.advsharp.claims.ClaimRegistry;
import org.advsharp.deep.engine.DjlEnvironment;
import org.advsharp.deep.study.StudyCell;
import org.advsharp.deep.study.StudyConfig;
import org.advsharp.deep.study.StudyRunner;
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
 * reports/records/ (proofs/deep.md, exp:resnet-cpu-study).
 *
 * <ul>
 *   <li>{@code study resnet [--seeds LIST] [--out FILE]}: runs the pre-registered ResNet18 study
 *       ({@link StudyConfig#registered()}), or only the given seeds of it (a shard), and writes its record, a
 *       results file with the study's section. Per-run progress with elapsed time and time left goes to standard
 *       error; the record is rewritten after every run (marked incomplete until the last), so an interrupted run
 *       leaves what it measured.</li>
 *   <li>{@code study merge SHARDS... --out FILE}: joins shards of the study (disjoint seeds) into one record.</li>
 * </ul>
 */
@Command(name = "study", mixinStandardHelpOptions = true,
        subcommands = {StudyCommand.Resnet.class, StudyCommand.Merge.class},
        description = "Pre-registered studies outside the build; each writes a record to merge into reports.")
final class StudyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new IllegalArgumentException("study: name a study: resnet (or merge to join shards)");
    }

    static Claim claim() {
        return ClaimRegistry.load().find(StudyRecord.CLAIM_ID).orElseThrow(() ->
                new IllegalStateException("claim " + StudyRecord.CLAIM_ID + " is missing from proofs/"));
    }

    static void writeAtomically(Path out, String text) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".study", ".json");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                // createTempFile makes the file private (rw-------); a record is meant to be read and committed
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
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
    static final class Resnet implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--seeds", split = ",", paramLabel = "LIST",
                description = "Run only these seeds of the registered ones (a shard), e.g. 1,2.")
        private long[] seeds;

        @Option(names = "--out", paramLabel = "FILE", defaultValue = StudyRecord.RECORD_PATH,
                description = "The record to write (default: ${DEFAULT-VALUE}).")
        private Path out;

        @Option(names = "--pilot", description = "A pilot of a few minutes: the registered configuration on 200 images "
                + "for 2 epochs at eps 0 and 1, measured on 16 images (never a record: the build rejects it).")
        private boolean pilot;

        @Override
        public Integer call() {
            DjlEnvironment.ensureOffline();
            StudyConfig registered = StudyConfig.registered();
            long[] chosen = seeds == null ? registered.seeds() : seeds.clone();
            for (long s : chosen) {
                if (Arrays.stream(registered.seeds()).noneMatch(r -> r == s)) {
                    throw new IllegalArgumentException("--seeds " + Arrays.toString(seeds) + ": seed " + s
                            + " is not one of the registered seeds " + Arrays.toString(registered.seeds()));
                }
            }
            StudyConfig ran = pilot
                    ? registered.sized(200, 16, 100, 2, new int[] {1}, 1).with(chosen, new double[] {0, 1})
                    : registered.with(chosen, registered.radii());
            Claim claim = claim();
            String command = "advsharp study resnet" + (pilot ? " --pilot" : "")
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
            description = "Joins shards of the ResNet18 study (disjoint seeds, same configuration) into one record.")
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
            String merged = StudyRecordFile.merge(shards, StudyConfig.registered(), claim(),
                    "advsharp study merge " + shards + " --out " + out);
            writeAtomically(out, merged);
            spec.commandLine().getErr().println("study merge: wrote " + out);
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
