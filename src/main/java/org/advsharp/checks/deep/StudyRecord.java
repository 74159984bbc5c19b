package org.advsharp.checks.deep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.advsharp.check.Check;
import org.advsharp.check.CheckResult;
import org.advsharp.check.Evidence;
import org.advsharp.check.FunctionalCheck;
import org.advsharp.claims.Claim;
import org.advsharp.deep.study.RegisteredStudy;
import org.advsharp.deep.study.StudyCell;
import org.advsharp.deep.study.StudyConfig;

/**
 * The results of record of a ResNet18 study ({@link RegisteredStudy}; the constants name the first one,
 * exp:resnet-cpu-study): a results file in the layout of
 * {@code reports/results.json} (the claim with its verdict and evidence, and the {@code run} section with the
 * provenance: commit, machine, JVM, libraries, command, wall time) plus a {@value #RECORD_KEY} section holding
 * what the every-build check needs to validate and reproduce it: the configuration, the seeds and radii, every
 * run's measurements, the hash of the claim's pre-registered text and the hash of the deep sources that ran.
 *
 * <p>Shards (a subset of the seeds, e.g. one process per seed) are records with {@code complete = false}.
 * This class reads records and computes their section and check result; the file itself, a results document,
 * is written and merged by {@code run.StudyRecordFile}, so that the checks never reach up into the run.
 */
public final class StudyRecord {
    /** The claim the first study decides. */
    public static final String CLAIM_ID = "exp:resnet-cpu-study";
    /** The check that shows the first study's record in every build. */
    public static final String CHECK_ID = "deep-resnet-study-record";
    /** The first study's committed record, relative to the project root. */
    public static final String RECORD_PATH = "reports/records/resnet-cpu-study.json";
    /** The sources whose hash is recorded, relative to the project root. */
    public static final String DEEP_SOURCES = "src/main/java/org/advsharp/deep";
    /** Key of the record section. */
    public static final String RECORD_KEY = "record";
    /** Layout of the record section. */
    public static final String RECORD_SCHEMA = "advsharp-study-record/1";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StudyRecord() {
    }

    /**
     * What a record holds besides its results.
     *
     * @param schema                {@link #RECORD_SCHEMA}
     * @param study                 the configuration's name
     * @param configuration         {@link StudyConfig#toString()} of the configuration that ran
     * @param seeds                 seeds of the configuration
     * @param radii                 radii of the configuration
     * @param preRegistrationSha256 SHA-256 of the claim's statement and assumptions as they were when it ran
     * @param deepSourcesSha256     SHA-256 of the deep sources that ran (null if they could not be read)
     * @param complete              whether every seed of the registered configuration is in it
     * @param cells                 every run
     */
    public record Section(String schema, String study, String configuration, long[] seeds, double[] radii,
                          String preRegistrationSha256, String deepSourcesSha256, boolean complete,
                          List<StudyCell> cells) {
    }

    /**
     * The record section of a (possibly partial) run.
     *
     * @param registered the registered configuration (the shard's seeds are a subset of its seeds)
     * @param ran        the configuration that ran (the registered one, perhaps with fewer seeds)
     * @param cells      its runs
     * @param claim      the study's claim (from proofs/)
     * @param deepHash   hash of the deep sources (null if unknown)
     */
    public static Section section(StudyConfig registered, StudyConfig ran, List<StudyCell> cells, Claim claim,
                                  String deepHash) {
        boolean complete = Arrays.equals(ran.seeds(), registered.seeds())
                && Arrays.equals(ran.radii(), registered.radii())
                && cells.size() == ran.seeds().length * ran.radii().length;
        return new Section(RECORD_SCHEMA, ran.name(), ran.toString(), ran.seeds(), ran.radii(),
                preRegistrationHash(claim), deepHash, complete, cells);
    }

    /**
     * The result of the record check for a section, as a record file holds it: the study's evidence and verdict
     * summary computed from the section's runs. {@code run.StudyRecordFile} writes it with the section.
     */
    public static CheckResult result(Section section) {
        RegisteredStudy study = studyOf(section);
        StudyConfig config = configOf(section);
        Evidence evidence = new Evidence();
        long t0 = System.nanoTime();
        String evidenceSummary = StudyEvidence.record(config, section.cells(), section.complete(), evidence,
                replay(section), study.fitCriteria());
        String summary = StudyChecks.finding(study, section, evidence.outcome()) + " " + evidenceSummary;
        Check check = new FunctionalCheck(study.recordCheckId(), study.claimId(), "ResNet18 study of record",
                (c, e) -> summary);
        return evidence.toResult(check, summary, (System.nanoTime() - t0) / 1_000_000);
    }

    /** The command that makes the record again. */
    public static String replay(Section section) {
        RegisteredStudy study = studyOf(section);
        return "./advsharp study " + study.command() + " --out " + study.recordPath();
    }

    /** The registered study a section belongs to, by its configuration's name. */
    public static RegisteredStudy studyOf(Section section) {
        return RegisteredStudy.ofName(section.study());
    }

    /**
     * Reads the record section of a record file.
     *
     * @throws IllegalArgumentException naming the file and the problem if it is not a study record
     */
    public static Section read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** As {@link #read} on text. */
    public static Section parse(String text, String name) {
        try {
            JsonNode tree = MAPPER.readTree(text);
            JsonNode node = tree == null ? null : tree.get(RECORD_KEY);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(name + ": no '" + RECORD_KEY + "' section (not a study record)");
            }
            Section s = MAPPER.treeToValue(node, Section.class);
            if (!RECORD_SCHEMA.equals(s.schema())) {
                throw new IllegalArgumentException(name + ": record schema '" + s.schema() + "', expected '"
                        + RECORD_SCHEMA + "'");
            }
            if (s.cells() == null || s.configuration() == null || s.seeds() == null || s.radii() == null) {
                throw new IllegalArgumentException(name + ": the record lacks its configuration, seeds, radii or runs");
            }
            return s;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(name + ": not a parsable study record: " + e.getOriginalMessage(), e);
        }
    }

    /** The commit and start time of a record file's run, from its {@code run} section. */
    public static String[] commitAndDate(Path file) {
        try {
            JsonNode run = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8)).path("run").path("provenance");
            return new String[] {run.path("git").path("commit").asText("unknown"),
                    run.path("git").path("dirty").asText("unknown"), run.path("startedAt").asText("unknown")};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The configuration a record section describes: the registered one with the record's seeds and radii. */
    static StudyConfig configOf(Section s) {
        return studyOf(s).config().with(s.seeds(), s.radii());
    }

    /** SHA-256 of the claim's statement and assumptions: what was pre-registered. */
    public static String preRegistrationHash(Claim claim) {
        return sha256((claim.statement() + "\n" + claim.assumptions()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * SHA-256 over the deep sources under {@code root}: every file's relative path and bytes, in path order; null
     * when the folder is not there (e.g. a run from the jar outside the project).
     */
    public static String deepSourcesHash(Path root) {
        Path dir = root.resolve(DEEP_SOURCES);
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path f : sorted) {
                digest.update(dir.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Reads a list of cells from JSON (for tests). */
    static List<StudyCell> cells(String json) throws JsonProcessingException {
        return MAPPER.readValue(json, new TypeReference<List<StudyCell>>() { });
    }
}
