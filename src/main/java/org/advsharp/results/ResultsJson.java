package org.advsharp.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import org.advsharp.check.Cases;
import org.advsharp.check.CheckResult;
import org.advsharp.check.Counterexample;
import org.advsharp.check.Inconclusive;
import org.advsharp.check.Measurement;
import org.advsharp.check.Outcome;
import org.advsharp.check.Reproduction;
import org.advsharp.check.SeedRecord;
import org.advsharp.check.Series;
import org.advsharp.check.Table;
import org.advsharp.check.Tries;
import org.advsharp.claims.ClaimKind;
import org.advsharp.claims.Verdict;

/**
 * The one converter between {@link Results} and {@code results.json}: it writes a document, reads one back
 * (the report is rendered only from what it reads, so a report can be made from results computed on another
 * machine or at another time), and gives the deterministic part for comparisons.
 *
 * <p>Layout {@value #SCHEMA}: {@code schema}; {@code summary} (master seed and tries of a run, the number of
 * claims, counts per verdict of the verified claims, whether any of them FAILED, and, when a merge marked
 * any, the number of {@code unverified} claims); {@code claims} (each with its declaration, verdict,
 * explanation and every check's evidence: outcome, summary, measurements with the bound's name, tables, plots
 * (each line's points and, when any, the indices of its uncertified points),
 * counterexamples, seeds with replay commands, facts, and the typed {@code tries}, {@code cases} and
 * {@code inconclusive} the verdict rule read; a merged document adds each claim's {@code run} index and its
 * {@code stability}, and the reason of each claim it could not vouch for as {@code unverified}); and {@code run}: the provenance, wall times per check and the machine's {@code costs}
 * (a merged document: {@code run.runs}, one such entry per merged file). Everything outside {@code run} is
 * deterministic: for the same claims, checks, seed and tries it is byte for byte the same.
 *
 * <p>Files of the earlier layout {@value #SCHEMA_1} (the committed study record) are read too: their
 * budget, inconclusive reason and "cost: " facts become the typed fields.
 *
 * <p>Errors name the file and what is wrong with it; nothing is returned for a file that cannot be read.
 */
public final class ResultsJson {

    /** Identifies the layout; bump when a key changes meaning. */
    public static final String SCHEMA = "advsharp-results/2";

    /**
     * A plot line's optional key: the indices of its uncertified points (written only when there are any;
     * absent reads as none, so files written before it existed read unchanged).
     */
    static final String UNCERTIFIED = "uncertified";

    /** The earlier layout, still read: budget, inconclusive reason and costs kept as facts. */
    public static final String SCHEMA_1 = "advsharp-results/1";

    /** The key of the non-deterministic section. */
    public static final String RUN_KEY = "run";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Pretty-printed, two spaces, "\n" line ends on every platform, arrays on one line. */
    private static final ObjectWriter WRITER;

    static {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        printer.indentArraysWith(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
        WRITER = MAPPER.writer(printer);
    }

    private ResultsJson() {
    }

    // ---------------------------------------------------------------- writing

    /** The whole document as text. */
    public static String write(Results results) {
        return text(toTree(results));
    }

    /**
     * The whole document with one more top-level section after {@code run}: {@code section} as Jackson maps it
     * (a record: its components). The study record keeps its runs so; the reader ignores the section.
     *
     * @throws IllegalArgumentException when {@code key} is one of the document's own keys
     */
    public static String write(Results results, String key, Object section) {
        ObjectNode tree = toTree(results);
        if (tree.has(key)) {
            throw new IllegalArgumentException("results JSON: '" + key + "' is a key of the document itself");
        }
        tree.set(key, MAPPER.valueToTree(section));
        return text(tree);
    }

    private static String text(JsonNode tree) {
        try {
            return WRITER.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("results JSON could not be written: " + e.getOriginalMessage(), e);
        }
    }

    /** The document as a Jackson tree, keys in a fixed order. */
    private static ObjectNode toTree(Results results) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        ObjectNode summary = root.putObject("summary");
        if (!results.merged()) {
            summary.put("masterSeed", results.runs().get(0).masterSeed());
            summary.put("tries", results.runs().get(0).tries());
        } else {
            summary.put("mergedFiles", results.runs().size());
        }
        summary.put("claims", results.claims().size());
        ObjectNode counts = summary.putObject("counts");
        results.counts().forEach((verdict, n) -> counts.put(verdict.label(), n));
        summary.put("anyFailed", results.anyFailed());
        if (!results.unverified().isEmpty()) {
            summary.put("unverified", results.unverified().size());
        }
        ArrayNode claims = root.putArray("claims");
        for (ClaimOutcome c : results.claims()) {
            claims.add(claim(c, results.merged()));
        }
        ObjectNode run = root.putObject(RUN_KEY);
        if (!results.merged()) {
            runSection(run, results.runs().get(0), results.claims());
        } else {
            ArrayNode runs = run.putArray("runs");
            for (int i = 0; i < results.runs().size(); i++) {
                int index = i;
                ObjectNode one = runs.addObject();
                one.put("file", results.runs().get(i).file());
                runSection(one, results.runs().get(i), results.claims().stream().filter(c -> c.run() == index).toList());
            }
        }
        return root;
    }

    private static void runSection(ObjectNode node, RunRecord r, List<ClaimOutcome> claims) {
        ObjectNode p = node.putObject("provenance");
        p.put("startedAt", r.startedAt());
        ObjectNode git = p.putObject("git");
        git.put("commit", r.commit());
        if (r.dirty() == null) {
            git.putNull("dirty");
        } else {
            git.put("dirty", r.dirty());
        }
        git.put("note", r.gitNote());
        p.put("jvm", r.jvm());
        p.put("os", r.os());
        p.put("cpus", r.cpus());
        ObjectNode libraries = p.putObject("libraries");
        r.libraries().forEach(libraries::put);
        p.put("device", r.device());
        p.put("masterSeed", r.masterSeed());
        p.put("tries", r.tries());
        p.put("command", r.command());
        node.put("elapsedMillis", r.elapsedMillis());
        ObjectNode timings = node.putObject("checkMillis");
        ObjectNode costs = node.putObject("costs");
        for (ClaimOutcome c : claims) {
            for (CheckResult check : c.checks()) {
                timings.put(check.checkId(), check.elapsedMillis());
                if (!check.costs().isEmpty()) {
                    ObjectNode own = costs.putObject(check.checkId());
                    check.costs().forEach((name, value) -> own.set(name, fact(value)));
                }
            }
        }
    }

    private static ObjectNode claim(ClaimOutcome c, boolean merged) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", c.id());
        node.put("title", c.title());
        node.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
        strings(node.putArray("paperClaims"), c.paperClaims());
        node.put("source", c.source());
        node.put("expectedVerdict", c.expectedVerdict().label());
        node.put("verdict", c.verdict().label());
        node.put("explanation", c.explanation());
        if (c.unverified() != null) {
            node.put("unverified", c.unverified());
        }
        if (merged) {
            node.put("run", c.run());
        }
        if (c.stability() != null) {
            ObjectNode stability = node.putObject("stability");
            ArrayNode each = stability.putArray("verdicts");
            c.stability().verdicts().forEach(v -> {
                if (v == null) {
                    each.addNull();
                } else {
                    each.add(v.label());
                }
            });
            stability.put("status", c.stability().status().name());
        }
        ArrayNode checks = node.putArray("checks");
        for (CheckResult r : c.checks()) {
            checks.add(check(r));
        }
        return node;
    }

    private static ObjectNode check(CheckResult r) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", r.checkId());
        node.put("title", r.title());
        node.put("outcome", r.outcome().name());
        node.put("summary", r.summary());
        node.put("notRunReason", r.notRunReason());
        objects(node, "measurements", r.measurements(), (mn, m) -> {
            mn.put("name", m.name());
            mn.put("value", m.value());
            mn.put("comparison", m.comparison());
            mn.put("bound", m.bound());
            mn.put("boundName", m.boundName());
            mn.put("passed", m.passed());
        });
        objects(node, "tables", r.tables(), (tn, t) -> {
            tn.put("caption", t.caption());
            strings(tn.putArray("columns"), t.columns());
            ArrayNode rows = tn.putArray("rows");
            for (List<String> row : t.rows()) {
                strings(rows.addArray(), row);
            }
        });
        objects(node, "plots", r.plots(), (sn, s) -> {
            sn.put("title", s.title());
            sn.put("xLabel", s.xLabel());
            sn.put("yLabel", s.yLabel());
            sn.put("logY", s.logY());
            objects(sn, "lines", s.lines(), (ln, line) -> {
                ln.put("name", line.name());
                numbers(ln.putArray("x"), line.x());
                numbers(ln.putArray("y"), line.y());
                if (line.anyUncertified()) {
                    ArrayNode flagged = ln.putArray(UNCERTIFIED);
                    for (int i = 0; i < line.uncertified().length; i++) {
                        if (line.uncertified()[i]) {
                            flagged.add(i);
                        }
                    }
                }
            });
        });
        trees(node, "counterexamples", r.counterexamples());
        trees(node, "seeds", r.seeds());
        ObjectNode facts = node.putObject("facts");
        r.facts().forEach((name, value) -> facts.set(name, fact(value)));
        if (r.tries().declared() > 0) {
            node.set("tries", MAPPER.valueToTree(r.tries()));
        }
        if (r.cases().counted()) {
            node.set("cases", MAPPER.valueToTree(r.cases()));
        }
        if (r.inconclusive() != null) {
            node.set("inconclusive", MAPPER.valueToTree(r.inconclusive()));
        }
        return node;
    }

    /** A fact as JSON: numbers, strings, booleans, arrays and maps as themselves, anything else as text. */
    private static JsonNode fact(Object value) {
        try {
            return MAPPER.valueToTree(value);
        } catch (IllegalArgumentException e) {
            return MAPPER.getNodeFactory().textNode(String.valueOf(value));
        }
    }

    /** An array under {@code key} with one object per item, in order, filled by {@code write}. */
    private static <T> void objects(ObjectNode node, String key, List<T> items, BiConsumer<ObjectNode, T> write) {
        ArrayNode array = node.putArray(key);
        for (T item : items) {
            write.accept(array.addObject(), item);
        }
    }

    /** An array under {@code key} with each item as Jackson maps it (records: their components). */
    private static void trees(ObjectNode node, String key, List<?> items) {
        ArrayNode array = node.putArray(key);
        for (Object item : items) {
            array.add(MAPPER.<JsonNode>valueToTree(item));
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void numbers(ArrayNode array, double[] values) {
        for (double v : values) {
            array.add(v);
        }
    }

    // ---------------------------------------------------------------- the deterministic part

    /** The document without its {@code run} section: what must be identical for the same seed and tries. */
    public static String deterministicPart(String json) {
        JsonNode tree = tree(json, "results JSON");
        ((ObjectNode) tree).remove(RUN_KEY);
        return text(tree);
    }

    // ---------------------------------------------------------------- reading

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
     * Parses the text of a results file.
     *
     * @param name what to call the file in error messages and in the report
     * @throws IllegalArgumentException naming the file when the text is not a results document
     */
    public static Results parse(String json, String name) {
        String what = "results file " + name;
        JsonNode root = tree(json, what);
        String schema = root.path("schema").asText("");
        if (!SCHEMA.equals(schema) && !SCHEMA_1.equals(schema)) {
            throw new IllegalArgumentException(what + ": schema '" + schema + "', expected '" + SCHEMA + "' (or '"
                    + SCHEMA_1 + "')");
        }
        try {
            JsonNode run = required(root, RUN_KEY);
            List<RunRecord> runs = new ArrayList<>();
            List<JsonNode> runNodes = new ArrayList<>();
            if (run.has("runs")) {
                for (JsonNode one : run.get("runs")) {
                    runs.add(runRecord(text(one, "file"), one));
                    runNodes.add(one);
                }
            } else {
                runs.add(runRecord(name, run));
                runNodes.add(run);
            }
            List<ClaimOutcome> claims = new ArrayList<>();
            for (JsonNode c : required(root, "claims")) {
                int index = c.path("run").asInt(0);
                if (index < 0 || index >= runNodes.size()) {
                    throw new IllegalArgumentException("claim " + c.path("id").asText("?") + ": run " + index
                            + " of " + runNodes.size());
                }
                claims.add(claim(c, index, runNodes.get(index)));
            }
            return new Results(runs, claims);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode tree(String json, String what) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + ": not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(what + ": the top level is not an object");
        }
        return root;
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

    private static ClaimOutcome claim(JsonNode c, int run, JsonNode runNode) {
        String id = required(c, "id").asText();
        List<CheckResult> checks = new ArrayList<>();
        for (JsonNode r : c.path("checks")) {
            checks.add(check(r, id, runNode));
        }
        String kindText = required(c, "kind").asText();
        ClaimKind kind;
        try {
            kind = ClaimKind.valueOf(kindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("claim " + id + ": unknown kind '" + kindText + "'", e);
        }
        Stability stability = null;
        if (c.path("stability").isObject()) {
            List<Verdict> verdicts = new ArrayList<>();
            for (JsonNode v : c.get("stability").path("verdicts")) {
                verdicts.add(v.isNull() ? null : Verdict.parse(v.asText()));
            }
            stability = new Stability(verdicts);
        }
        return new ClaimOutcome(id, text(c, "title"), kind, strings(c.path("paperClaims")), text(c, "source"),
                Verdict.parse(required(c, "expectedVerdict").asText()), Verdict.parse(required(c, "verdict").asText()),
                text(c, "explanation"), checks, run, stability,
                c.hasNonNull("unverified") ? c.get("unverified").asText() : null);
    }

    private static CheckResult check(JsonNode r, String claimId, JsonNode run) {
        String id = required(r, "id").asText();
        String outcomeText = required(r, "outcome").asText();
        Outcome outcome;
        try {
            outcome = Outcome.valueOf(outcomeText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("check " + id + ": unknown outcome '" + outcomeText + "'", e);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        r.path("facts").fields().forEachRemaining(e -> facts.put(e.getKey(), fact(e.getValue())));
        Map<String, Object> costs = new LinkedHashMap<>();
        run.path("costs").path(id).fields().forEachRemaining(e -> costs.put(e.getKey(), fact(e.getValue())));
        Tries tries = new Tries(r.path("tries").path("declared").asInt(), r.path("tries").path("used").asInt());
        JsonNode why = r.path("inconclusive");
        Inconclusive inconclusive = why.isObject()
                ? new Inconclusive(text(why, "reason"), why.path("tooFewCases").asBoolean()) : null;
        if (facts.containsKey(Legacy.DECLARED_BUDGET)) {
            tries = new Tries(Legacy.count(facts.remove(Legacy.DECLARED_BUDGET)),
                    Legacy.count(facts.remove(Legacy.TRIES_USED)));
        }
        if (facts.containsKey(Legacy.INCONCLUSIVE)) {
            inconclusive = new Inconclusive(String.valueOf(facts.remove(Legacy.INCONCLUSIVE)), false);
        }
        for (String name : List.copyOf(facts.keySet())) {
            if (name.startsWith(Legacy.COST_PREFIX)) {
                costs.put(name.substring(Legacy.COST_PREFIX.length()), facts.remove(name));
            }
        }
        if (outcome != Outcome.INCONCLUSIVE) {
            inconclusive = null;
        } else if (inconclusive == null) {
            throw new IllegalArgumentException("check " + id + ": INCONCLUSIVE without its reason");
        }
        return new CheckResult(id, claimId, text(r, "title"), outcome, text(r, "summary"), measurements(r),
                tables(r), plots(r), counterexamples(r), seeds(r), facts, tries, cases(r), inconclusive, costs,
                run.path("checkMillis").path(id).asLong(), text(r, "notRunReason"));
    }

    /** The facts under which layout {@value #SCHEMA_1} kept a check's budget, inconclusive reason and costs. */
    private static final class Legacy {
        static final String DECLARED_BUDGET = "declared budget (tries)";
        static final String TRIES_USED = "tries used";
        static final String INCONCLUSIVE = "inconclusive because";
        static final String COST_PREFIX = "cost: ";

        static int count(Object value) {
            return value instanceof Number n ? n.intValue() : value == null ? 0 : Integer.parseInt(value.toString().trim());
        }
    }

    private static List<Measurement> measurements(JsonNode r) {
        List<Measurement> out = new ArrayList<>();
        for (JsonNode m : r.path("measurements")) {
            out.add(new Measurement(text(m, "name"), number(m.path("value")), text(m, "comparison"),
                    number(m.path("bound")), text(m, "boundName"), m.path("passed").asBoolean()));
        }
        return out;
    }

    private static List<Table> tables(JsonNode r) {
        List<Table> out = new ArrayList<>();
        for (JsonNode t : r.path("tables")) {
            List<List<String>> rows = new ArrayList<>();
            t.path("rows").forEach(row -> rows.add(strings(row)));
            out.add(new Table(text(t, "caption"), strings(t.path("columns")), rows));
        }
        return out;
    }

    private static List<Series> plots(JsonNode r) {
        List<Series> out = new ArrayList<>();
        for (JsonNode s : r.path("plots")) {
            List<Series.Line> lines = new ArrayList<>();
            for (JsonNode line : s.path("lines")) {
                double[] x = numbers(line.path("x"));
                lines.add(new Series.Line(text(line, "name"), x, numbers(line.path("y")),
                        uncertified(line, x.length)));
            }
            out.add(new Series(text(s, "title"), text(s, "xLabel"), text(s, "yLabel"), s.path("logY").asBoolean(),
                    lines));
        }
        return out;
    }

    /**
     * The uncertified flags of a plot line from its optional list of point indices; absent (files written
     * before the key existed, or a line with every point certified): none flagged.
     */
    private static boolean[] uncertified(JsonNode line, int points) {
        boolean[] flags = new boolean[points];
        for (JsonNode index : line.path(UNCERTIFIED)) {
            int i = index.asInt(-1);
            if (!index.canConvertToInt() || i < 0 || i >= points) {
                throw new IllegalArgumentException("plot line '" + text(line, "name") + "': uncertified point "
                        + index + " is not an index of its " + points + " points");
            }
            flags[i] = true;
        }
        return flags;
    }

    private static List<Counterexample> counterexamples(JsonNode r) {
        List<Counterexample> out = new ArrayList<>();
        for (JsonNode c : r.path("counterexamples")) {
            List<Reproduction.File> files = new ArrayList<>();
            for (JsonNode f : c.path("reproduction").path("files")) {
                files.add(new Reproduction.File(text(f, "name"), text(f, "content")));
            }
            out.add(new Counterexample(text(c, "summary"), text(c, "pasteable"), c.path("seed").asLong(),
                    c.path("shrinkSteps").asInt(), text(c, "replayCommand"),
                    new Reproduction(files, strings(c.path("reproduction").path("commands")))));
        }
        return out;
    }

    private static List<SeedRecord> seeds(JsonNode r) {
        List<SeedRecord> out = new ArrayList<>();
        for (JsonNode s : r.path("seeds")) {
            out.add(new SeedRecord(text(s, "purpose"), s.path("seed").asLong(), text(s, "replayCommand")));
        }
        return out;
    }

    private static Cases cases(JsonNode r) {
        JsonNode c = r.path("cases");
        Map<String, Integer> skipped = new LinkedHashMap<>();
        c.path("skipped").fields().forEachRemaining(e -> skipped.put(e.getKey(), e.getValue().asInt()));
        return c.isObject() ? new Cases(c.path("usable").asInt(), c.path("minimum").asInt(), skipped) : Cases.UNCOUNTED;
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
        array.forEach(e -> out.add(e.asText()));
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
}
