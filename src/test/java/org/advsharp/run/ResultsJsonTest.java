package org.advsharp.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.advsharp.check.Measurement;
import java.util.Set;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.report.ResultsReader;
import org.junit.jupiter.api.Test;

class ResultsJsonTest {

    private static SuiteResult run(long seed) {
        return run(seed, SampleSuite.checks());
    }

    private static SuiteResult run(long seed, List<Check> checks) {
        return new SuiteRunner(SampleSuite.claims(), checks)
                .run(new CheckContext(seed, 0, m -> { }), Set.of(), "advsharp verify --seed " + seed);
    }

    @Test
    void theSameSeedGivesIdenticalResultsApartFromTheRunSection() {
        String first = ResultsJson.toJson(run(11));
        String second = ResultsJson.toJson(run(11));
        assertEquals(ResultsReader.deterministicPart(first), ResultsReader.deterministicPart(second));
    }

    @Test
    void aDifferentSeedChangesTheDeterministicPart() {
        assertNotEquals(ResultsReader.deterministicPart(ResultsJson.toJson(run(11))),
                ResultsReader.deterministicPart(ResultsJson.toJson(run(12))));
    }

    @Test
    void evidenceAndProvenanceAreWhereTheLayoutSays() throws Exception {
        JsonNode root = new ObjectMapper().readTree(ResultsJson.toJson(run(11)));
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
        String deterministic = ResultsReader.deterministicPart(ResultsJson.toJson(run(11)));
        assertTrue(!deterministic.contains("\"run\"") && !deterministic.contains("elapsed"), deterministic);
    }

    @Test
    void nonFiniteValuesStayValidJson() throws Exception {
        var checks = List.of(SampleSuite.claimCheck("inst:sample-eigen",
                ev -> ev.measure(Measurement.atMost("diverged", Double.NaN, 1.0, "ANY"))));
        String json = ResultsJson.toJson(run(1, checks));
        JsonNode m = new ObjectMapper().readTree(json).at("/claims/4/checks/0/measurements/0");
        assertEquals("NaN", m.get("value").asText());
    }
}
