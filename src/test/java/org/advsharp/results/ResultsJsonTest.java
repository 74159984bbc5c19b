package org.advsharp.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.CheckResult;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.check.Outcome;
import org.advsharp.check.Series;
import org.advsharp.check.Tries;
import org.advsharp.claims.Verdict;
import org.advsharp.run.SampleSuite;
import org.advsharp.run.SuiteRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one converter: what it writes reads back to the same document; the layout; old files; bad files. */
class ResultsJsonTest {

    static Results run(long seed) {
        return run(seed, SampleSuite.checks(), 0);
    }

    static Results run(long seed, List<Check> checks, int tries) {
        return new SuiteRunner(SampleSuite.claims(), checks)
                .run(new CheckContext(seed, tries, m -> { }), Set.of(), "advsharp verify --seed " + seed);
    }

    @Test
    void aDocumentReadsBackToTheSameClaimsVerdictsAndEvidence() {
        Results run = run(11);
        Results back = ResultsJson.parse(ResultsJson.write(run), "r.json");
        assertEquals(run.counts(), back.counts());
        assertEquals(run.claims().size(), back.claims().size());
        for (int i = 0; i < run.claims().size(); i++) {
            ClaimOutcome a = run.claims().get(i);
            ClaimOutcome b = back.claims().get(i);
            assertEquals(List.of(a.id(), a.kind(), a.verdict(), a.explanation(), a.expectedVerdict()),
                    List.of(b.id(), b.kind(), b.verdict(), b.explanation(), b.expectedVerdict()));
            for (int k = 0; k < a.checks().size(); k++) {
                CheckResult x = a.checks().get(k);
                CheckResult y = b.checks().get(k);
                assertEquals(List.of(x.measurements(), x.counterexamples(), x.seeds(), x.outcome(), x.tries(),
                        x.cases(), String.valueOf(x.inconclusive()), x.elapsedMillis(), x.costs()),
                        List.of(y.measurements(), y.counterexamples(), y.seeds(), y.outcome(), y.tries(), y.cases(),
                                String.valueOf(y.inconclusive()), y.elapsedMillis(), y.costs()), x.checkId());
            }
        }
        assertEquals(run.runs().get(0).withFile("r.json"), back.runs().get(0));
        // written again, the read-back document is the same text
        assertEquals(ResultsJson.write(run), ResultsJson.write(new Results(
                List.of(back.runs().get(0).withFile(run.runs().get(0).file())), back.claims())));
    }

    @Test
    void theSameSeedGivesTheSameDeterministicPartAndAnotherSeedAnother() {
        assertEquals(ResultsJson.deterministicPart(ResultsJson.write(run(11))),
                ResultsJson.deterministicPart(ResultsJson.write(run(11))));
        assertNotEquals(ResultsJson.deterministicPart(ResultsJson.write(run(11))),
                ResultsJson.deterministicPart(ResultsJson.write(run(12))));
    }

    @Test
    void costsAndTimingsLiveInTheRunSectionOnly() throws Exception {
        List<Check> checks = List.of(SampleSuite.claimCheck("inst:sample-eigen",
                ev -> ev.fact("lambda", 2.0).cost("step ms", System.nanoTime() % 1000)));
        String a = ResultsJson.write(run(1, checks, 0));
        String b = ResultsJson.write(run(1, checks, 0));
        assertEquals(ResultsJson.deterministicPart(a), ResultsJson.deterministicPart(b));
        JsonNode root = new ObjectMapper().readTree(a);
        assertTrue(root.at("/run/costs/" + SampleSuite.checks().size()).isMissingNode());
        String check = root.at("/claims/4/checks/0/id").asText();
        assertTrue(root.at("/run/costs/" + check + "/step ms").isNumber(), a);
        assertFalse(ResultsJson.deterministicPart(a).contains("step ms"));
        assertEquals(2.0, root.at("/claims/4/checks/0/facts/lambda").asDouble());
    }

    @Test
    void evidenceBudgetAndProvenanceAreWhereTheLayoutSays() throws Exception {
        JsonNode root = new ObjectMapper().readTree(ResultsJson.write(run(11)));
        assertEquals(ResultsJson.SCHEMA, root.get("schema").asText());
        assertEquals(2, root.at("/summary/counts/VERIFIED").asInt());
        assertEquals(1, root.at("/summary/counts/NOT RUN").asInt());
        JsonNode m = root.at("/claims/0/checks/0/measurements/0");
        assertEquals("<=", m.get("comparison").asText());
        assertEquals(SampleSuite.SAMPLE_TOLERANCE, m.get("bound").asDouble());
        assertEquals("SAMPLE_TOLERANCE", m.get("boundName").asText());
        assertTrue(root.at("/claims/0/checks/0/plots/0/lines/0/y").isArray());
        assertEquals("no GPU visible (CUDA device count 0)", root.at("/claims/3/checks/0/notRunReason").asText());
        assertEquals(7, root.at("/claims/1/checks/0/counterexamples/0/shrinkSteps").asInt());
        assertEquals(11, root.at("/run/provenance/masterSeed").asLong());
        assertTrue(root.at("/run/checkMillis/decomposition-vs-fd").isNumber());
        assertTrue(root.at("/run/provenance/libraries/EJML").asText().startsWith("0.46"));
        assertTrue(root.at("/run/provenance/git").isObject());
        assertEquals("[2,9]", root.at("/claims/0/checks/0/facts/dimensions").toString());
        String deterministic = ResultsJson.deterministicPart(ResultsJson.write(run(11)));
        assertTrue(!deterministic.contains("\"run\"") && !deterministic.contains("elapsed"), deterministic);
    }

    @Test
    void theBudgetTheRuleReadIsTyped() throws Exception {
        List<Check> checks = List.of(SampleSuite.claimCheck("inst:sample-eigen", ev -> ev.cases(3, 2)));
        Results reduced = new SuiteRunner(SampleSuite.claims(), List.of(new Check() {
            public String id() {
                return "budgeted";
            }

            public String claimId() {
                return "inst:sample-eigen";
            }

            public String title() {
                return "declares 200 tries";
            }

            public String run(CheckContext context, Evidence evidence) {
                evidence.cases(context.tries(200), 100);
                return "ran";
            }
        })).run(new CheckContext(1, 10, m -> { }), Set.of("inst:sample-eigen"), "t");
        JsonNode check = new ObjectMapper().readTree(ResultsJson.write(reduced)).at("/claims/0/checks/0");
        assertEquals(200, check.at("/tries/declared").asInt());
        assertEquals(10, check.at("/tries/used").asInt());
        assertEquals(100, check.at("/cases/minimum").asInt());
        assertTrue(check.at("/inconclusive/tooFewCases").asBoolean());
        assertEquals(Verdict.INCONCLUSIVE, ResultsJson.parse(ResultsJson.write(reduced), "x").claims().get(0).verdict());
        assertEquals(3, run(1, checks, 0).claims().get(4).checks().get(0).cases().usable());
    }

    @Test
    void nonFiniteValuesStayValidJson() throws Exception {
        var checks = List.of(SampleSuite.claimCheck("inst:sample-eigen",
                ev -> ev.measure(new Measurement("diverged", Double.NaN, "<=", 1.0, "ANY", false))));
        String json = ResultsJson.write(run(1, checks, 0));
        JsonNode m = new ObjectMapper().readTree(json).at("/claims/4/checks/0/measurements/0");
        assertEquals("NaN", m.get("value").asText());
        assertTrue(Double.isNaN(ResultsJson.parse(json, "n").claims().get(4).checks().get(0).measurements().get(0)
                .value()));
    }

    @Test
    void theCommittedStudyRecordOfTheEarlierLayoutStillReads() throws IOException {
        Results record = ResultsJson.read(Path.of("reports/records/resnet-cpu-study.json"));
        ClaimOutcome study = record.claims().get(0);
        assertEquals("exp:resnet-cpu-study", study.id());
        CheckResult check = study.checks().get(0);
        assertEquals(Verdict.COUNTEREXAMPLE, study.verdict());
        assertTrue(record.runs().get(0).command().startsWith("advsharp study merge"));
        if (check.outcome() == Outcome.INCONCLUSIVE) {
            assertTrue(check.inconclusiveReason() != null);
        } else {
            assertNull(check.inconclusive());
        }
    }

    @Test
    void theFactsOfTheEarlierLayoutBecomeTypedFields() {
        String old = ResultsJson.write(run(3)).replace("\"schema\" : \"" + ResultsJson.SCHEMA, "\"schema\" : \""
                + ResultsJson.SCHEMA_1).replaceFirst("\"facts\" : \\{", "\"facts\" : {\"cost: step ms\" : 4.5, "
                + "\"declared budget (tries)\" : 300, \"tries used\" : 30, ");
        CheckResult check = ResultsJson.parse(old, "old.json").claims().get(0).checks().get(0);
        assertEquals(Map.of("step ms", 4.5), check.costs());
        assertEquals(new Tries(300, 30), check.tries());
        assertTrue(check.facts().keySet().stream().noneMatch(k -> k.startsWith("cost: ") || k.contains("tries")),
                check.facts().toString());
    }

    @Test
    void aFileThatIsNotAResultsDocumentIsRefusedByName(@TempDir Path tmp) {
        IOException missing = assertThrows(IOException.class, () -> ResultsJson.read(tmp.resolve("missing.json")));
        assertTrue(missing.getMessage().contains("missing.json"), missing.getMessage());
        IllegalArgumentException schema = assertThrows(IllegalArgumentException.class,
                () -> ResultsJson.parse("{\"schema\":\"other/9\"}", "x.json"));
        assertTrue(schema.getMessage().contains("x.json") && schema.getMessage().contains("schema"));
        IllegalArgumentException noRun = assertThrows(IllegalArgumentException.class,
                () -> ResultsJson.parse("{\"schema\":\"" + ResultsJson.SCHEMA + "\",\"claims\":[]}", "y.json"));
        assertTrue(noRun.getMessage().contains("y.json") && noRun.getMessage().contains("run"), noRun.getMessage());
        String good = ResultsJson.write(run(3));
        for (String key : List.of("\"kind\"", "\"verdict\"", "\"outcome\"", "\"masterSeed\"")) {
            String broken = good.replace(key, "\"nokey\"");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ResultsJson.parse(broken, "z.json"), key);
            assertTrue(e.getMessage().startsWith("results file z.json: "), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> ResultsJson.parse("[1]", "a.json"));
        assertThrows(IllegalArgumentException.class, () -> ResultsJson.parse("{", "b.json"));
        assertThrows(IllegalArgumentException.class, () -> ResultsMerge.merge(List.of()));
        assertEquals(Map.of(), Map.of());
    }

    @Test
    void uncertifiedPointsOfAPlotLineAreWrittenAsIndicesAndReadBackAbsentMeaningNone() throws Exception {
        Series series = new Series("top eigenvalue", "eps", "lambda", false,
                List.of(new Series.Line("flagged", new double[] {0, 1, 2}, new double[] {1, 2, 3},
                                new boolean[] {false, true, false}),
                        new Series.Line("all fine", new double[] {0, 1}, new double[] {1, 2})));
        List<Check> checks = List.of(SampleSuite.claimCheck("inst:sample-eigen", ev -> ev.plot(series)));
        String json = ResultsJson.write(run(1, checks, 0));
        JsonNode root = new ObjectMapper().readTree(json);
        JsonNode lines = root.at("/claims/4/checks/0/plots/0/lines");
        assertEquals("[1]", lines.at("/0/uncertified").toString());
        assertTrue(lines.at("/1/uncertified").isMissingNode(), "a line with every point certified has no key");
        List<Series.Line> back = ResultsJson.parse(json, "r.json").claims().get(4).checks().get(0)
                .plots().get(0).lines();
        assertEquals("[false, true, false]", Arrays.toString(back.get(0).uncertified()));
        assertFalse(back.get(1).anyUncertified());
        String bad = json.replaceFirst("(\"uncertified\"\\s*:\\s*\\[\\s*)1", "$13");
        assertNotEquals(json, bad);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultsJson.parse(bad, "b.json"));
        assertTrue(e.getMessage().startsWith("results file b.json: plot line 'flagged': uncertified point 3"),
                e.getMessage());
    }
}
