package org.advsharp.checks.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.advsharp.check.CheckContext;
import org.advsharp.check.CheckResult;
import org.advsharp.check.Evidence;
import org.advsharp.check.FunctionalCheck;
import org.advsharp.check.Outcome;
import org.advsharp.claims.Claim;
import org.advsharp.claims.ClaimRegistry;
import org.advsharp.claims.Verdict;
import org.advsharp.deep.study.RegisteredStudy;
import org.advsharp.deep.study.StudyCell;
import org.advsharp.deep.study.StudyConfig;
import org.advsharp.report.RecordMerge;
import org.advsharp.results.Results;
import org.advsharp.results.ResultsJson;
import org.advsharp.results.RunRecord;
import org.advsharp.run.Provenance;
import org.advsharp.run.StudyRecordFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records of the study without training anything: made-up runs with a planted trend go through shards, the merge,
 * the file and the every-build record check; the verdict follows the planted trend, and a record that is not the
 * registered study is a defect.
 */
class StudyRecordTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final StudyConfig registered = StudyConfig.registered();
    private final Claim claim = ClaimRegistry.load().find(StudyRecord.CLAIM_ID).orElseThrow();

    private List<StudyCell> cells(long[] seeds, double slope) {
        List<StudyCell> out = new ArrayList<>();
        for (long s : seeds) {
            for (double eps : registered.radii()) {
                double lambda = 20 + slope * eps + 0.3 * Math.sin(7 * s + 11 * eps);
                StudyCell.Eigen e = new StudyCell.Eigen(lambda, 1e-9, true, 20, 0, 0, 10);
                StudyCell.Eigen r = new StudyCell.Eigen(lambda + eps, 1e-3, true, 20, 0, 0, 30);
                out.add(new StudyCell(s, eps, List.of(2.0, 1.0), List.of(0.3, 0.6), 0.8 - 0.2 * eps, 0.8 - 0.4 * eps,
                        0.5 + eps, 0.4, 1.0, 30, e, r, new StudyCell.Trace(100, 90, 110, 5, 20, 0.95, 0),
                        new double[] {-0.5, 0, 0.5}, List.of(new double[] {1.0, 0.5, 1.2}), new double[] {30}, 1000,
                        500, null));
            }
        }
        return out;
    }

    private RunRecord provenance() {
        return Provenance.capture(1, 0, "test");
    }

    private Path shard(Path dir, String name, long[] seeds, double slope) throws Exception {
        StudyConfig ran = registered.with(seeds, registered.radii());
        Path p = dir.resolve(name);
        Files.writeString(p, StudyRecordFile.write(registered, ran, cells(seeds, slope), claim, provenance(), 1000, "abc"));
        return p;
    }

    @Test
    void shardsMergeIntoOneCompleteRecordWhoseVerdictFollowsTheData(@TempDir Path dir) throws Exception {
        Path a = shard(dir, "a.json", new long[] {1, 2}, 10);
        Path b = shard(dir, "b.json", new long[] {3, 4, 5}, 10);
        StudyRecord.Section partial = StudyRecord.read(a);
        assertFalse(partial.complete());
        assertEquals("INCONCLUSIVE", MAPPER.readTree(Files.readString(a)).path("claims").get(0).path("verdict").asText());
        String merged = StudyRecordFile.merge(List.of(a, b), registered, claim, "merge");
        StudyRecord.Section s = StudyRecord.parse(merged, "merged");
        assertTrue(s.complete());
        assertEquals(25, s.cells().size());
        assertEquals(registered.toString(), s.configuration());
        JsonNode tree = MAPPER.readTree(merged);
        assertEquals("SUPPORTED", tree.path("claims").get(0).path("verdict").asText());
        assertEquals(ResultsJson.SCHEMA, tree.path("schema").asText());
        String falling = StudyRecordFile.merge(List.of(shard(dir, "c.json", new long[] {1, 2}, -10),
                shard(dir, "d.json", new long[] {3, 4, 5}, -10)), registered, claim, "merge");
        assertEquals("COUNTEREXAMPLE", MAPPER.readTree(falling).path("claims").get(0).path("verdict").asText());
        String flat = StudyRecordFile.merge(List.of(shard(dir, "e.json", new long[] {1, 2}, 0),
                shard(dir, "f.json", new long[] {3, 4, 5}, 0)), registered, claim, "merge");
        assertEquals("INCONCLUSIVE", MAPPER.readTree(flat).path("claims").get(0).path("verdict").asText());
    }

    @Test
    void overlappingShardsAndForeignConfigurationsAreRefused(@TempDir Path dir) throws Exception {
        Path a = shard(dir, "a.json", new long[] {1, 2}, 10);
        Path b = shard(dir, "b.json", new long[] {2, 3}, 10);
        assertThrows(IllegalArgumentException.class, () -> StudyRecordFile.merge(List.of(a, b), registered, claim, "m"));
        Path pilot = dir.resolve("pilot.json");
        StudyConfig small = registered.sized(200, 16, 100, 2, new int[] {1}, 1).with(new long[] {4},
                registered.radii());
        Files.writeString(pilot, StudyRecordFile.write(registered, small, cells(new long[] {4}, 1), claim, provenance(),
                10, "abc"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StudyRecordFile.merge(List.of(a, pilot), registered, claim, "m"));
        assertTrue(e.getMessage().contains("not the registered one"), e.getMessage());
    }

    @Test
    void theBuildCheckShowsAGoodRecordAndFailsATamperedOne(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("record.json");
        Files.writeString(good, StudyRecordFile.merge(List.of(shard(dir, "a.json", new long[] {1, 2}, -10),
                shard(dir, "b.json", new long[] {3, 4, 5}, -10)), registered, claim, "merge"));
        assertEquals(Outcome.COUNTEREXAMPLE_FOUND, runRecordCheck(good, pinOf(good, "COUNTEREXAMPLE")).outcome());
        Path tampered = dir.resolve("tampered.json");
        Files.writeString(tampered, Files.readString(good).replace("\"trainExamples=1000", "\"trainExamples=999")
                .replace("trainExamples=1000", "trainExamples=999"));
        assertEquals(Outcome.FAILED, runRecordCheck(tampered, pinOf(tampered, "COUNTEREXAMPLE")).outcome());
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"schema\": \"advsharp-results/1\"}");
        assertEquals(Outcome.FAILED, runRecordCheck(broken, pinOf(broken, "COUNTEREXAMPLE")).outcome());
        assertTrue(Arrays.asList(Outcome.values()).contains(Outcome.INCONCLUSIVE));
    }

    @Test
    void aRecordThatIsEditedReorderedMissingOrUnpinnedIsFailed(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("record.json");
        Files.writeString(good, StudyRecordFile.merge(List.of(shard(dir, "a.json", new long[] {1, 2}, -10),
                shard(dir, "b.json", new long[] {3, 4, 5}, -10)), registered, claim, "merge"));
        RecordPin pin = pinOf(good, "COUNTEREXAMPLE");
        // reorder the frozen eigenvalues of seeds 2-5 so that they rise: same bytes count, new hash
        Path reordered = dir.resolve("reordered.json");
        Files.writeString(reordered, risingFrozen(Files.readString(good)));
        Evidence edited = runRecordCheck(reordered, pin);
        assertEquals(Outcome.FAILED, edited.outcome());
        assertTrue(resultOf(edited).measurements().get(0).name().contains("SHA-256"),
                resultOf(edited).measurements().toString());
        // even re-pinned with its new hash, the recomputed verdict is not the pinned one
        assertEquals(Outcome.FAILED, runRecordCheck(reordered, new RecordPin(pin.path(),
                RecordPin.sha256(reordered), "COUNTEREXAMPLE")).outcome());
        assertEquals(Outcome.FAILED, runRecordCheck(good, new RecordPin(pin.path(), pin.sha256(), "SUPPORTED"))
                .outcome());
        // a pinned record that is missing is FAILED, never NOT RUN
        assertEquals(Outcome.FAILED, runRecordCheck(dir.resolve("missing.json"), pin).outcome());
        // an unpinned record is FAILED; no record and no pin: the study has not run
        assertEquals(Outcome.FAILED, runRecordCheck(good, null).outcome());
        assertEquals(Outcome.NOT_RUN, runRecordCheck(dir.resolve("missing.json"), null).outcome());
    }

    @Test
    void convergenceIsRecomputedFromTheResidualNotReadFromTheFile(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("record.json");
        Files.writeString(good, StudyRecordFile.merge(List.of(shard(dir, "a.json", new long[] {1, 2}, -10),
                shard(dir, "b.json", new long[] {3, 4, 5}, -10)), registered, claim, "merge"));
        // one primary residual far above the tolerance while its flag still says converged
        ObjectNode tree = (ObjectNode) MAPPER.readTree(Files.readString(good));
        ObjectNode frozen = (ObjectNode)
                tree.path("record").path("cells").get(3).path("frozen");
        frozen.put("residual", 0.5);
        frozen.put("converged", true);
        Path flagged = dir.resolve("flagged.json");
        Files.writeString(flagged, MAPPER.writeValueAsString(tree));
        Evidence e = runRecordCheck(flagged, pinOf(flagged, "INCONCLUSIVE"));
        assertEquals(Outcome.INCONCLUSIVE, e.outcome());
        assertTrue(String.valueOf(resultOf(e).inconclusiveReason()).contains("not certified"),
                resultOf(e).facts().toString());
    }

    @Test
    void theRerunCellIsDrawnFromAllCellsByTheSeedWhateverTheirOrder() {
        List<StudyCell> all = cells(registered.seeds(), 1);
        List<StudyCell> reversed = new ArrayList<>(all);
        Collections.reverse(reversed);
        Set<String> drawn = new HashSet<>();
        for (long seed = 0; seed < 400; seed++) {
            StudyCell c = StudyChecks.rerunCell(all, seed);
            assertEquals(c, StudyChecks.rerunCell(reversed, seed));
            drawn.add(c.seed() + "/" + c.epsilon());
        }
        assertEquals(all.size(), drawn.size(), drawn.toString());
    }

    @Test
    void theFittedStudyRunsThePreRegisteredRadiiAndSeeds() {
        StudyConfig fitted = StudyConfig.fitted();
        assertTrue(Arrays.equals(new double[] {0, 0.1, 0.2, 0.3, 0.4}, fitted.radii()), Arrays.toString(fitted.radii()));
        assertTrue(Arrays.equals(new long[] {1, 2, 3, 4, 5}, fitted.seeds()), Arrays.toString(fitted.seeds()));
        String statement = ClaimRegistry.load().find("exp:resnet-fitted-study").orElseThrow().statement();
        assertTrue(statement.contains("\\lbrace 0, 0.1, 0.2, 0.3, 0.4 \\rbrace"), statement);
        // the first study's configuration text is the one its record quotes
        assertFalse(registered.toString().contains("source="), registered.toString());
        assertTrue(fitted.toString().endsWith(", source=DIGITS_8X8, stem=CIFAR]"), fitted.toString());
    }

    @Test
    void theCommittedRecordMatchesItsPinAndItsPinnedVerdict() {
        Evidence evidence = new Evidence();
        StudyChecks.record(RegisteredStudy.CPU, CheckContext.defaults(), evidence);
        assertEquals(Outcome.COUNTEREXAMPLE_FOUND, evidence.outcome(), resultOf(evidence).measurements().toString());
    }

    /** The record's text with the frozen eigenvalues of every seed but the first sorted to rise with eps. */
    private static String risingFrozen(String json) throws Exception {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(json);
        JsonNode cells = tree.path("record").path("cells");
        for (long seed = 2; seed <= 5; seed++) {
            List<ObjectNode> frozen = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (JsonNode c : cells) {
                if (c.path("seed").asLong() == seed) {
                    frozen.add((ObjectNode) c.path("frozen"));
                    values.add(c.path("frozen").path("value").asDouble());
                }
            }
            values.sort(Double::compare);
            for (int i = 0; i < frozen.size(); i++) {
                frozen.get(i).put("value", values.get(i));
            }
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
    }

    private static CheckResult resultOf(Evidence e) {
        return e.toResult(new FunctionalCheck("t", StudyRecord.CLAIM_ID, "t", (c, x) -> ""), "", 0);
    }

    private static RecordPin pinOf(Path file, String verdict) {
        return new RecordPin("reports/records/test.json", RecordPin.sha256(file), verdict);
    }

    @Test
    void reportsMergeRecordsAndShowVerdictStability(@TempDir Path dir) throws Exception {
        Path rising = dir.resolve("rising.json");
        Files.writeString(rising, StudyRecordFile.merge(List.of(shard(dir, "a.json", new long[] {1, 2}, 10),
                shard(dir, "b.json", new long[] {3, 4, 5}, 10)), registered, claim, "merge"));
        Path falling = dir.resolve("falling.json");
        Files.writeString(falling, StudyRecordFile.merge(List.of(shard(dir, "c.json", new long[] {1, 2}, -10),
                shard(dir, "d.json", new long[] {3, 4, 5}, -10)), registered, claim, "merge"));
        String stability = RecordMerge.stability(RecordMerge.merge(List.of(rising, falling)), List.of(rising, falling));
        assertTrue(stability.contains(StudyRecord.CLAIM_ID + ": SUPPORTED, COUNTEREXAMPLE (VARIES)"), stability);
        assertTrue(RecordMerge.stability(RecordMerge.merge(
                List.of(rising, rising)), List.of(rising, rising)).contains("SUPPORTED, SUPPORTED (stable)"));
        // a later file that did not run the claim does not replace the record's verdict
        Path notRun = dir.resolve("not-run.json");
        ObjectNodeEdit.write(notRun, Files.readString(rising), "NOT RUN");
        Results merged = RecordMerge.merge(List.of(rising, notRun));
        assertEquals(Verdict.SUPPORTED, merged.claims().get(0).verdict());
        RecordMerge.write(List.of(falling, rising), ClaimRegistry.load().claims(),
                commit -> null, dir.resolve("report"));
        Path index = dir.resolve("report").resolve("index.html");
        assertTrue(Files.readString(index).contains(StudyRecord.CLAIM_ID));
        assertTrue(Files.isRegularFile(dir.resolve("report").resolve(RecordMerge.STABILITY)));
    }

    /** Sets every claim's verdict of a results file to the given label (a run that did not run it). */
    private static final class ObjectNodeEdit {
        static void write(Path out, String json, String verdict) throws Exception {
            ObjectNode tree = (ObjectNode) MAPPER.readTree(json);
            for (JsonNode c : tree.path("claims")) {
                ((ObjectNode) c).put("verdict", verdict);
                for (JsonNode check : c.path("checks")) {
                    ((ObjectNode) check).put("outcome", "NOT_RUN");
                    ((ObjectNode) check).put("notRunReason", "no GPU here");
                }
            }
            Files.writeString(out, MAPPER.writeValueAsString(tree));
        }
    }

    private Evidence runRecordCheck(Path file, RecordPin pin) {
        Evidence evidence = new Evidence();
        StudyChecks.record(RegisteredStudy.CPU, claim, pin, file, evidence);
        return evidence;
    }
}
