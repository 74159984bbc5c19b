package org.advsharp.check;

import java.util.List;
import java.util.Map;

/**
 * Everything one check produced: its outcome and the evidence it rests on.
 *
 * @param checkId         stable id of the check
 * @param claimId         id of the claim (in proofs/) the check is about
 * @param title           what the check does, one line
 * @param outcome         what it observed
 * @param summary         one sentence a person reads first
 * @param measurements    measured values against their tolerances
 * @param tables          evidence tables
 * @param plots           data for plots
 * @param counterexamples shrunk counterexamples, if any
 * @param seeds           seeds that produced evidence, with replay commands
 * @param facts           sizes, counts, shares and other named numbers or strings
 * @param elapsedMillis   wall time of the check
 * @param notRunReason    why it did not run, for {@link Outcome#NOT_RUN}; otherwise null
 */
public record CheckResult(String checkId, String claimId, String title, Outcome outcome, String summary,
                          List<Measurement> measurements, List<Table> tables, List<Series> plots,
                          List<Counterexample> counterexamples, List<SeedRecord> seeds,
                          Map<String, Object> facts, long elapsedMillis, String notRunReason) {

    public CheckResult {
        measurements = List.copyOf(measurements);
        tables = List.copyOf(tables);
        plots = List.copyOf(plots);
        counterexamples = List.copyOf(counterexamples);
        seeds = List.copyOf(seeds);
        facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
    }

    /** Why the evidence decides neither way, for {@link Outcome#INCONCLUSIVE}; otherwise null. */
    public String inconclusiveReason() {
        Object reason = facts.get(Evidence.INCONCLUSIVE_FACT);
        return reason == null ? null : reason.toString();
    }

    /** The default number of tries the check declared, 0 if it does not scale with {@code --tries}. */
    public int declaredBudget() {
        return intFact(Evidence.DECLARED_BUDGET_FACT);
    }

    /** The tries it used against {@link #declaredBudget()}. */
    public int triesUsed() {
        return intFact(Evidence.TRIES_USED_FACT);
    }

    /** Whether the check ran with fewer tries than its declared budget. */
    public boolean belowBudget() {
        return triesUsed() < declaredBudget();
    }

    private int intFact(String name) {
        Object value = facts.get(name);
        if (value instanceof Number n) {
            return n.intValue();
        }
        return value == null ? 0 : Integer.parseInt(value.toString().trim());
    }
}
