package org.advsharp.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.advsharp.check.Cases;
import org.advsharp.check.CheckResult;
import org.advsharp.check.Inconclusive;
import org.advsharp.check.Tries;
import org.advsharp.check.Counterexample;
import org.advsharp.check.Reproduction;
import org.advsharp.check.Measurement;
import org.advsharp.check.Outcome;
import org.advsharp.check.SeedRecord;
import org.advsharp.check.Series;
import org.advsharp.check.Table;
import org.advsharp.claims.ClaimKind;
import org.advsharp.claims.Verdict;

/**
 * Reads {@code results.json} files back (layout {@value #SCHEMA}, written by the run) into {@link Results},
 * and merges several into one. The HTML report is rendered only from what this reader returns, so a report
 * can be made from results computed on another machine or at another time.
 *
 * <p>Merging: {@link #readAll(List)} reads each file and merges them with {@link Results#merge}: every run
 * is kept (the report lists each one's provenance), and a claim that appears in several files is shown
 * from the last file that has it.
 *
 * <p>Errors name the file and what is wrong with it; nothing is returned for a file that cannot be read.
 */
public final class ResultsReader {

    /** The layout this reader understands. */
    public static final String SCHEMA = "advsharp-results/1";

    /** The key of the non-deterministic section. */
    public static final String RUN_KEY = "run";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResultsReader() {
    }

    /** Reads one results file. */
    public static Results read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException("results file " + file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return parse(text, file.toString());
    }

    /**
     * Reads several results files and merges them, in the given order (see the class comment).
     *
     * @throws IllegalArgumentException when the list is empty or a file is not a results file
     */
    public static Results readAll(List<Path> files) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("results files: none given");
        }
        List<Results> parts = new ArrayList<>();
        for (Path file : files) {
            parts.add(read(file));
        }
        return Results.merge(parts);
    }

    /**
     * Parses the text of a results file.
     *
     * @param name what to call the file in error messages and in the report
     * @throws IllegalArgumentException naming the file when the text is not a results document
     */
    public static Results parse(String json, String name) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("results file " + name + ": not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("results file " + name + ": the top level is not an object");
        }
        String schema = root.path("schema").asText("");
        if (!SCHEMA.equals(schema)) {
            throw new IllegalArgumentException("results file " + name + ": schema '" + schema + "', expected '"
                    + SCHEMA + "'");
        }
        try {
            JsonNode run = required(root, RUN_KEY);
            List<ClaimOutcome> claims = new ArrayList<>();
            for (JsonNode c : required(root, "claims")) {
                claims.add(claim(c, run));
            }
            return new Results(List.of(runRecord(name, run)), claims);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("results file " + name + ": " + e.getMessage(), e);
        }
    }

    /** The document without its {@code run} section: what must be identical for the same seed. */
    public static String deterministicPart(String json) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (!(tree instanceof ObjectNode object)) {
                throw new IllegalArgumentException("results JSON: the top level is not an object");
            }
            object.remove(RUN_KEY);
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"));
            printer.indentArraysWith(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
            return MAPPER.writer(printer).writeValueAsString(object) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("results JSON: not parsable: " + e.getOriginalMessage(), e);
        }
    }

    /** Facts under which files of schema 1 before the typed fields kept a check's budget, reason and costs. */
    private static final String LEGACY_DECLARED_BUDGET = "declared budget (tries)";
    private static final String LEGACY_TRIES_USED = "tries used";
    private static final String LEGACY_INCONCLUSIVE = "inconclusive because";
    private static final String LEGACY_COST_PREFIX = "cost: ";

    private static int intOf(Object value) {
        return value instanceof Number n ? n.intValue() : value == null ? 0 : Integer.parseInt(value.toString().trim());
    }

    private static RunRecord runRecord(String name, JsonNode run) {
        JsonNode p = required(run, "provenance");
        JsonNode git = p.path("git");
        Map<String, String> libraries = new LinkedHashMap<>();
        p.path("libraries").fields().forEachRemaining(e -> libraries.put(e.getKey(), e.getValue().asText()));
        return new RunRecord(name, text(p, "startedAt"), text(git, "commit"),
                git.path("dirty").isBoolean() ? git.get("dirty").booleanValue() : null, text(git, "note"),
                text(p, "jvm"), text(p, "os"), p.path("cpus").asInt(), libraries, text(p, "device"),
                required(p, "masterSeed").asLong(), p.path("tries").asInt(), text(p, "command"),
                run.path("elapsedMillis").asLong());
    }

    private static ClaimOutcome claim(JsonNode c, JsonNode run) {
        String id = text(required(c, "id"));
        List<CheckResult> checks = new ArrayList<>();
        for (JsonNode r : c.path("checks")) {
            checks.add(check(r, id, run));
        }
        ClaimKind kind;
        try {
            kind = ClaimKind.valueOf(text(required(c, "kind")).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("claim " + id + ": unknown kind '" + c.get("kind").asText() + "'", e);
        }
        return new ClaimOutcome(id, text(c, "title"), kind, strings(c.path("paperClaims")), text(c, "source"),
                Verdict.parse(text(required(c, "expectedVerdict"))), Verdict.parse(text(required(c, "verdict"))),
                text(c, "explanation"), checks, 0);
    }

    private static CheckResult check(JsonNode r, String claimId, JsonNode run) {
        String id = text(required(r, "id"));
        List<Measurement> measurements = new ArrayList<>();
        for (JsonNode m : r.path("measurements")) {
            measurements.add(new Measurement(text(m, "name"), number(m.path("value")), text(m, "comparison"),
                    number(m.path("bound")), text(m, "boundName"), m.path("passed").asBoolean()));
        }
        List<Table> tables = new ArrayList<>();
        for (JsonNode t : r.path("tables")) {
            List<List<String>> rows = new ArrayList<>();
            t.path("rows").forEach(row -> rows.add(strings(row)));
            tables.add(new Table(text(t, "caption"), strings(t.path("columns")), rows));
        }
        List<Series> plots = new ArrayList<>();
        for (JsonNode s : r.path("plots")) {
            List<Series.Line> lines = new ArrayList<>();
            for (JsonNode line : s.path("lines")) {
                lines.add(new Series.Line(text(line, "name"), numbers(line.path("x")), numbers(line.path("y"))));
            }
            plots.add(new Series(text(s, "title"), text(s, "xLabel"), text(s, "yLabel"),
                    s.path("logY").asBoolean(), lines));
        }
        List<Counterexample> counterexamples = new ArrayList<>();
        for (JsonNode c : r.path("counterexamples")) {
            List<Reproduction.File> files = new ArrayList<>();
            for (JsonNode f : c.path("reproduction").path("files")) {
                files.add(new Reproduction.File(text(f, "name"), text(f, "content")));
            }
            List<String> commands = new ArrayList<>();
            for (JsonNode command : c.path("reproduction").path("commands")) {
                commands.add(command.asText());
            }
            counterexamples.add(new Counterexample(text(c, "summary"), text(c, "pasteable"), c.path("seed").asLong(),
                    c.path("shrinkSteps").asInt(), text(c, "replayCommand"), new Reproduction(files, commands)));
        }
        List<SeedRecord> seeds = new ArrayList<>();
        for (JsonNode s : r.path("seeds")) {
            seeds.add(new SeedRecord(text(s, "purpose"), s.path("seed").asLong(), text(s, "replayCommand")));
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        r.path("facts").fields().forEachRemaining(e -> facts.put(e.getKey(), fact(e.getValue())));
        Outcome outcome;
        try {
            outcome = Outcome.valueOf(text(required(r, "outcome")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("check " + id + ": unknown outcome '" + r.get("outcome").asText()
                    + "'", e);
        }
        Map<String, Object> costs = new LinkedHashMap<>();
        run.path("costs").path(id).fields().forEachRemaining(e -> costs.put(e.getKey(), fact(e.getValue())));
        Tries tries = new Tries(r.path("tries").path("declared").asInt(), r.path("tries").path("used").asInt());
        Inconclusive legacyReason = null;
        if (r.path("tries").isMissingNode() && facts.containsKey(LEGACY_DECLARED_BUDGET)) {
            tries = new Tries(intOf(facts.remove(LEGACY_DECLARED_BUDGET)), intOf(facts.remove(LEGACY_TRIES_USED)));
        }
        if (facts.containsKey(LEGACY_INCONCLUSIVE)) {
            legacyReason = new Inconclusive(String.valueOf(facts.remove(LEGACY_INCONCLUSIVE)), false);
        }
        for (String name : List.copyOf(facts.keySet())) {
            if (name.startsWith(LEGACY_COST_PREFIX)) {
                costs.put(name.substring(LEGACY_COST_PREFIX.length()), facts.remove(name));
            }
        }
        Map<String, Integer> skipped = new LinkedHashMap<>();
        r.path("cases").path("skipped").fields().forEachRemaining(e -> skipped.put(e.getKey(), e.getValue().asInt()));
        Cases cases = new Cases(r.path("cases").path("usable").asInt(), r.path("cases").path("minimum").asInt(),
                skipped);
        JsonNode why = r.path("inconclusive");
        Inconclusive inconclusive = why.isObject()
                ? new Inconclusive(text(why, "reason"), why.path("tooFewCases").asBoolean()) : legacyReason;
        if (outcome != Outcome.INCONCLUSIVE) {
            inconclusive = null;
        } else if (inconclusive == null) {
            throw new IllegalArgumentException("check " + id + ": INCONCLUSIVE without its reason");
        }
        return new CheckResult(id, claimId, text(r, "title"), outcome, text(r, "summary"), measurements, tables,
                plots, counterexamples, seeds, facts, tries, cases, inconclusive, costs,
                run.path("checkMillis").path(id).asLong(), text(r, "notRunReason"));
    }

    /** A fact as the Java value the report prints: numbers, text, booleans, arrays and maps. */
    private static Object fact(JsonNode v) {
        if (v.isArray()) {
            boolean integers = true;
            boolean numbers = true;
            for (JsonNode e : v) {
                numbers &= e.isNumber() || isNonFinite(e);
                integers &= e.isIntegralNumber();
            }
            if (v.size() > 0 && integers) {
                long[] a = new long[v.size()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = v.get(i).asLong();
                }
                return a;
            }
            if (v.size() > 0 && numbers) {
                return numbers(v);
            }
            List<Object> list = new ArrayList<>();
            v.forEach(e -> list.add(fact(e)));
            return list;
        }
        if (v.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            v.fields().forEachRemaining(e -> map.put(e.getKey(), fact(e.getValue())));
            return map;
        }
        if (v.isIntegralNumber()) {
            return v.canConvertToInt() ? (Object) v.intValue() : (Object) v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNull()) {
            return null;
        }
        return v.asText();
    }

    private static boolean isNonFinite(JsonNode e) {
        return e.isTextual() && List.of("NaN", "Infinity", "-Infinity").contains(e.asText());
    }

    /** A number, including the "NaN", "Infinity" and "-Infinity" strings Jackson writes for non-finite values. */
    private static double number(JsonNode v) {
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (isNonFinite(v)) {
            return Double.parseDouble(v.asText());
        }
        throw new IllegalArgumentException("expected a number, found '" + v + "'");
    }

    private static double[] numbers(JsonNode array) {
        double[] a = new double[array.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = number(array.get(i));
        }
        return a;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            out.add(it.next().asText());
        }
        return out;
    }

    private static JsonNode required(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing '" + key + "'");
        }
        return v;
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String text(JsonNode v) {
        return v.asText();
    }
}
