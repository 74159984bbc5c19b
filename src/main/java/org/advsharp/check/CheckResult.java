package org.advsharp.check;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one check produced: its outcome and the evidence it rests on. What the verdict rule reads
 * (outcome, budget, cases, the cause of an inconclusive outcome) is typed; {@code facts} holds only what a
 * person reads.
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
 * @param facts           sizes, counts, shares and other named numbers or strings of the mathematics
 * @param tries           the budget it declared and the tries it used
 * @param cases           usable cases, the declared floor, and the skipped cases by reason
 * @param inconclusive    why the evidence decides neither way, for {@link Outcome#INCONCLUSIVE}; otherwise null
 * @param costs           measurements of the machine (time, memory): not deterministic, written in the run
 *                        section of the results
 * @param elapsedMillis   wall time of the check
 * @param notRunReason    why it did not run, for {@link Outcome#NOT_RUN}; otherwise null
 */
public record CheckResult(String checkId, String claimId, String title, Outcome outcome, String summary,
                          List<Measurement> measurements, List<Table> tables, List<Series> plots,
                          List<Counterexample> counterexamples, List<SeedRecord> seeds,
                          Map<String, Object> facts, Tries tries, Cases cases, Inconclusive inconclusive,
                          Map<String, Object> costs, long elapsedMillis, String notRunReason) {

    public CheckResult {
        measurements = List.copyOf(measurements);
        tables = List.copyOf(tables);
        plots = List.copyOf(plots);
        counterexamples = List.copyOf(counterexamples);
        seeds = List.copyOf(seeds);
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        costs = Collections.unmodifiableMap(new LinkedHashMap<>(costs));
        tries = tries == null ? Tries.UNDECLARED : tries;
        cases = cases == null ? Cases.UNCOUNTED : cases;
        if (outcome == Outcome.INCONCLUSIVE && inconclusive == null) {
            throw new IllegalArgumentException("check " + checkId + ": an INCONCLUSIVE result needs its reason");
        }
    }

    /** Why the evidence decides neither way, for {@link Outcome#INCONCLUSIVE}; otherwise null. */
    public String inconclusiveReason() {
        return inconclusive == null ? null : inconclusive.reason();
    }

    /** The default number of tries the check declared, 0 if it does not scale with {@code --tries}. */
    public int declaredBudget() {
        return tries.declared();
    }

    /** The tries it used against {@link #declaredBudget()}. */
    public int triesUsed() {
        return tries.used();
    }

    /** Whether the check ran with fewer tries than its declared budget. */
    public boolean belowBudget() {
        return tries.reduced();
    }

    /**
     * Whether its evidence is missing only for want of cases: a search that found nothing, or an
     * INCONCLUSIVE outcome the check tagged as too few cases. Below the declared budget the verdict rule
     * excuses such a check.
     */
    public boolean lacksOnlyCases() {
        return outcome == Outcome.PASSED
                || outcome == Outcome.INCONCLUSIVE && inconclusive.tooFewCases();
    }
}
