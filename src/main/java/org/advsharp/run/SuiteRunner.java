package org.advsharp.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.CheckResult;
import org.advsharp.claims.Claim;
import org.advsharp.claims.Verdict;
import org.advsharp.claims.VerdictRule;
import org.advsharp.results.ClaimOutcome;
import org.advsharp.results.Results;
import org.advsharp.results.RunRecord;

/**
 * Runs checks and turns their results into one verdict per claim.
 *
 * <p>Flow: keep the claims selected by the filter (all when it is empty), run every check of those
 * claims in catalog order with {@link Check#execute(CheckContext)}, group the results by claim id, and
 * compute each claim's verdict with {@link VerdictRule} (the suite's one verdict rule).
 *
 * <p>Checks run one after the other, on purpose. Each check derives its randomness from
 * {@code context.seed()}, so its evidence does not depend on the order, but checks are written
 * by several people and some hold engines or large buffers (the deep tier); running them sequentially
 * guarantees that nothing shared between checks can make the results depend on scheduling, and on the
 * two cores CI has, parallel checks would gain little. The deterministic part of the result (everything
 * but provenance and timings) is therefore a function of the claims, the checks and the context's seed
 * and tries.
 */
public final class SuiteRunner {
    private final List<Claim> claims;
    private final List<Check> checks;

    /**
     * @param claims the claims, in the order the report lists them (registry order)
     * @param checks the checks, in the order they run (catalog order)
     * @throws IllegalArgumentException if two claims share an id, or a check names a claim not in
     *                                  {@code claims}
     */
    public SuiteRunner(List<Claim> claims, List<Check> checks) {
        this.claims = List.copyOf(claims);
        this.checks = List.copyOf(checks);
        Set<String> ids = new LinkedHashSet<>();
        for (Claim c : this.claims) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("claims: id '" + c.id() + "' is declared twice");
            }
        }
        for (Check check : this.checks) {
            if (!ids.contains(check.claimId())) {
                throw new IllegalArgumentException("check '" + check.id() + "' names claim '"
                        + check.claimId() + "', which no proofs/ file declares");
            }
        }
    }

    /** Runs every claim. */
    public Results run(CheckContext context, String command) {
        return run(context, Set.of(), command);
    }

    /**
     * Runs the claims whose ids are in {@code claimFilter} (all claims when it is empty).
     *
     * @param context     seed, tries and progress sink passed to every check
     * @param claimFilter claim ids to run; empty means all
     * @param command     the command line that started the run, recorded in the provenance
     * @throws IllegalArgumentException if the filter names an unknown claim id
     */
    public Results run(CheckContext context, Set<String> claimFilter, String command) {
        List<Claim> selected = select(claimFilter);
        Set<String> selectedIds = new LinkedHashSet<>();
        selected.forEach(c -> selectedIds.add(c.id()));
        List<Check> toRun = checks.stream().filter(c -> selectedIds.contains(c.claimId())).toList();

        RunRecord provenance = Provenance.capture(context.masterSeed(), context.triesOverride(), command);
        long start = System.nanoTime();
        Map<String, List<CheckResult>> byClaim = new LinkedHashMap<>();
        selected.forEach(c -> byClaim.put(c.id(), new ArrayList<>()));
        Progress progress = new Progress(context.progress(), selected, toRun);
        for (Check check : toRun) {
            progress.starting(check);
            CheckResult result = check.execute(context);
            byClaim.get(check.claimId()).add(result);
            progress.finished(check, result);
        }

        List<ClaimOutcome> outcomes = new ArrayList<>();
        for (Claim claim : selected) {
            List<CheckResult> results = byClaim.get(claim.id());
            Verdict verdict = VerdictRule.verdictOf(claim, results);
            outcomes.add(ClaimOutcome.of(claim, verdict, VerdictRule.explain(claim, results), results));
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000L;
        return Results.of(provenance.withElapsedMillis(elapsed), outcomes);
    }

    /**
     * The claims a filter selects (all when it is empty), so that a command can refuse an unknown id before
     * it prepares anything.
     *
     * @throws IllegalArgumentException naming the first unknown id and the known ones
     */
    public List<Claim> select(Set<String> claimFilter) {
        if (claimFilter.isEmpty()) {
            return claims;
        }
        Set<String> known = new LinkedHashSet<>();
        claims.forEach(c -> known.add(c.id()));
        for (String id : claimFilter) {
            if (!known.contains(id)) {
                throw new IllegalArgumentException("--claims: unknown claim id '" + id + "'; known ids: "
                        + String.join(", ", known));
            }
        }
        return claims.stream().filter(c -> claimFilter.contains(c.id())).toList();
    }
}
