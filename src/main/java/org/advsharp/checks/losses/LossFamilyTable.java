package org.advsharp.checks.losses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.advsharp.check.Table;
import org.advsharp.oracle.MarginLoss;

/**
 * The statements of the suite restated per loss, as one table: a row per statement, a column per loss of
 * {@link MarginLoss#NAMES}, each cell the id of the claim that decides it. The same table is written out in
 * proofs/losses.md with each claim's declared verdict (LossFamilyTableTest keeps the two in step);
 * {@link #render} fills in verdicts given to it (the report reads the Markdown table itself and fills in the
 * verdicts of the results it renders).
 */
public final class LossFamilyTable {

    /** One statement: what it says, the claim it restates, and the deciding claim per loss (in the order of NAMES). */
    public record Row(String statement, List<String> claimIds) {
        public Row {
            if (claimIds.size() != MarginLoss.NAMES.size()) {
                throw new IllegalArgumentException("row '" + statement + "' has " + claimIds.size() + " cells, not one per loss");
            }
            claimIds = List.copyOf(claimIds);
        }
    }

    private static final List<Row> ROWS = List.of(
            same("H = A + kappa P, A the fixed-input Hessian (prop:hessian, prop:decomposition, lem:compressed-form)",
                    "prop:margin-loss-hessian"),
            same("kappa rises strictly with eps at fixed w (prop:kappa-monotone)", "prop:margin-loss-kappa-monotone"),
            same("compressed eigenvalues rise under the margin condition (thm:compressed-monotone)",
                    "thm:margin-loss-compressed-monotone"),
            new Row("compressed eigenvalues rise without the margin condition (rem:margin-condition-needed)",
                    List.of("rem:margin-condition-needed", "thm:margin-loss-compressed-monotone",
                            "thm:margin-loss-compressed-monotone")),
            new Row("lambda_max(H) rises under the margin condition (rem:full-top-not-monotone)",
                    List.of("rem:full-top-not-monotone", "rem:margin-loss-full-top-not-monotone",
                            "rem:margin-loss-full-top-not-monotone")),
            new Row("trace(H) rises under the margin condition, d >= 3 (thm:trace-monotone-margin)",
                    List.of("thm:trace-monotone-margin", "thm:exponential-trace-monotone",
                            "conj:probit-trace-monotone-margin")),
            new Row("trace(H) rises under the margin condition, d = 2 (rem:trace-falls-in-two-dimensions)",
                    List.of("rem:trace-falls-in-two-dimensions", "thm:exponential-trace-monotone",
                            "rem:probit-trace-falls-in-two-dimensions")),
            same("w* = 0 exactly from eps_c on, sharpness diverges below it (prop:critical-radius)",
                    "prop:margin-loss-critical-radius"),
            new Row("kappa at the trained weights rises with eps (conj:kappa-at-optimum-monotone)",
                    List.of("conj:kappa-at-optimum-monotone", "conj:margin-loss-kappa-at-optimum-monotone",
                            "conj:margin-loss-kappa-at-optimum-monotone")));

    private LossFamilyTable() {
    }

    private static Row same(String statement, String claimId) {
        return new Row(statement, List.of(claimId, claimId, claimId));
    }

    /** The rows, in the order of proofs/losses.md. */
    public static List<Row> rows() {
        return ROWS;
    }

    /** Every claim id the table names, once each, in order of first appearance. */
    public static List<String> claimIds() {
        Map<String, Boolean> ids = new LinkedHashMap<>();
        ROWS.forEach(r -> r.claimIds().forEach(id -> ids.put(id, true)));
        return List.copyOf(ids.keySet());
    }

    /**
     * The table with each cell "verdict (claim id)", the verdict given by {@code verdictOf} (for example the
     * verdicts of a run's results.json, or the declared ones).
     */
    public static Table render(Function<String, String> verdictOf) {
        List<String> columns = new ArrayList<>();
        columns.add("statement");
        columns.addAll(MarginLoss.NAMES);
        List<List<String>> rows = new ArrayList<>();
        for (Row row : ROWS) {
            List<String> cells = new ArrayList<>();
            cells.add(row.statement());
            row.claimIds().forEach(id -> cells.add(verdictOf.apply(id) + " (" + id + ")"));
            rows.add(cells);
        }
        return new Table("The statements by loss: the verdict of the claim that decides each cell", columns, rows);
    }
}
