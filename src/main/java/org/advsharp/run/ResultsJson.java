package org.advsharp.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.advsharp.check.CheckResult;
import org.advsharp.claims.Verdict;

/**
 * The machine-readable results of a run, written as {@code results.json}.
 *
 * <p>Layout: {@code schema}, {@code summary} (seed, tries, counts per verdict), {@code claims} (each claim
 * with its verdict, explanation and every check's evidence: measurements with the bound and the bound's
 * name, tables, plot series, counterexamples, seeds with replay commands, facts) and {@code run}. All of
 * it except {@code run} is deterministic: for the same claims, checks, seed and tries it is byte for byte
 * the same. {@code run} holds what differs between runs: the provenance (commit, machine, libraries,
 * command, start time) and the timings. {@code report.ResultsReader} reads the file back (the report is
 * rendered from it) and its {@code deterministicPart} drops {@code run} for comparisons.
 */
public final class ResultsJson {

    /** Identifies the layout; bump when a key changes meaning. */
    public static final String SCHEMA = "advsharp-results/1";

    /** The key of the non-deterministic section. */
    public static final String RUN_KEY = "run";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResultsJson() {
    }

    /** The whole results document, pretty-printed with "\n" line ends on every platform. */
    public static String toJson(SuiteResult result) {
        return write(toTree(result));
    }

    /** The results as a Jackson tree, keys in a fixed order. */
    public static ObjectNode toTree(SuiteResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        ObjectNode summary = root.putObject("summary");
        summary.put("masterSeed", result.provenance().masterSeed());
        summary.put("tries", result.provenance().tries());
        summary.put("claims", result.claims().size());
        ObjectNode counts = summary.putObject("counts");
        for (Map.Entry<Verdict, Integer> e : result.counts().entrySet()) {
            counts.put(e.getKey().label(), e.getValue());
        }
        summary.put("anyFailed", result.anyFailed());
        ArrayNode claims = root.putArray("claims");
        for (ClaimResult c : result.claims()) {
            claims.add(claim(c));
        }
        ObjectNode run = root.putObject(RUN_KEY);
        run.set("provenance", MAPPER.valueToTree(result.provenance()));
        run.put("elapsedMillis", result.elapsedMillis());
        ObjectNode timings = run.putObject("checkMillis");
        ObjectNode costs = run.putObject("costs");
        for (ClaimResult c : result.claims()) {
            for (CheckResult r : c.results()) {
                timings.put(r.checkId(), r.elapsedMillis());
                if (!r.costs().isEmpty()) {
                    ObjectNode own = costs.putObject(r.checkId());
                    r.costs().forEach((name, value) -> own.set(name, fact(value)));
                }
            }
        }
        return root;
    }

    private static ObjectNode claim(ClaimResult c) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", c.claim().id());
        node.put("title", c.claim().title());
        node.put("kind", c.claim().kind().name().toLowerCase(java.util.Locale.ROOT));
        strings(node.putArray("paperClaims"), c.claim().paperClaims());
        node.put("source", c.claim().source());
        node.put("expectedVerdict", c.claim().expectedVerdict().label());
        node.put("verdict", c.verdict().label());
        node.put("explanation", c.explanation());
        ArrayNode checks = node.putArray("checks");
        for (CheckResult r : c.results()) {
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
            });
        });
        trees(node, "counterexamples", r.counterexamples());
        trees(node, "seeds", r.seeds());
        ObjectNode facts = node.putObject("facts");
        for (Map.Entry<String, Object> f : r.facts().entrySet()) {
            facts.set(f.getKey(), fact(f.getValue()));
        }
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

    private static String write(JsonNode tree) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        printer.indentArraysWith(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
        try {
            return MAPPER.writer(printer).writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("results JSON could not be written: " + e.getOriginalMessage(), e);
        }
    }
}
