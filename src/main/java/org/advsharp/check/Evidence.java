package org.advsharp.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the evidence of one check while it runs, then freezes it into a {@link CheckResult}.
 *
 * <p>The outcome is derived from what was collected: any failed {@link Measurement} makes the check
 * {@link Outcome#FAILED}; otherwise a recorded counterexample makes it
 * {@link Outcome#COUNTEREXAMPLE_FOUND}; otherwise a recorded {@link #inconclusive(String)} reason makes
 * it {@link Outcome#INCONCLUSIVE}; otherwise it {@link Outcome#PASSED}. A check never sets its outcome
 * by hand except {@link #notRun(String)}.
 */
public final class Evidence {
    /**
     * Facts whose name starts with this are measurements of the machine rather than of the mathematics
     * (wall time per training step or Hessian-vector product, memory): reported like every fact, but not
     * part of what must be identical for the same seed.
     */
    public static final String COST_FACT_PREFIX = "cost: ";

    private final List<Measurement> measurements = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<Series> plots = new ArrayList<>();
    private final List<Counterexample> counterexamples = new ArrayList<>();
    private final List<SeedRecord> seeds = new ArrayList<>();
    private final Map<String, Object> facts = new LinkedHashMap<>();
    private String notRunReason;

    /** Records a measurement and returns whether it passed. */
    public boolean measure(Measurement m) {
        measurements.add(m);
        return m.passed();
    }

    public Evidence table(Table t) {
        tables.add(t);
        return this;
    }

    public Evidence plot(Series s) {
        plots.add(s);
        return this;
    }

    public Evidence counterexample(Counterexample c) {
        counterexamples.add(c);
        return this;
    }

    public Evidence seed(SeedRecord s) {
        seeds.add(s);
        return this;
    }

    /** A named number or string: a size, a count, a share, a setting. */
    public Evidence fact(String name, Object value) {
        facts.put(name, value);
        return this;
    }

    /**
     * Says that the evidence decides neither way (a test without significance, too few certified runs,
     * nothing found where the budget was too small to expect it), with the reason a person will read.
     * Recorded as the fact {@link #INCONCLUSIVE_FACT}; a later call adds its reason to the first.
     */
    public Evidence inconclusive(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an inconclusive result needs a reason");
        }
        Object before = facts.get(INCONCLUSIVE_FACT);
        facts.put(INCONCLUSIVE_FACT, before == null ? reason : before + "; " + reason);
        return this;
    }

    /** Records the check's declared budget and the tries it used, when it declared one. */
    void budget(CheckContext.Budget budget) {
        if (budget.declared() > 0) {
            facts.put(DECLARED_BUDGET_FACT, budget.declared());
            facts.put(TRIES_USED_FACT, budget.used());
        }
    }

    /** Marks the check as not run, with the reason a person will read. */
    public Evidence notRun(String reason) {
        this.notRunReason = reason;
        return this;
    }

    /** Whether every measurement so far passed. */
    public boolean allPassed() {
        return measurements.stream().allMatch(Measurement::passed);
    }

    /** The outcome implied by the evidence collected. */
    public Outcome outcome() {
        if (notRunReason != null) {
            return Outcome.NOT_RUN;
        }
        if (!allPassed()) {
            return Outcome.FAILED;
        }
        if (!counterexamples.isEmpty()) {
            return Outcome.COUNTEREXAMPLE_FOUND;
        }
        if (facts.containsKey(INCONCLUSIVE_FACT)) {
            return Outcome.INCONCLUSIVE;
        }
        return Outcome.PASSED;
    }

    /**
     * Freezes the evidence. A check writes its summary sentence for the run it expects; when a
     * measurement failed, that sentence would read as a success, so the summary then leads with what
     * failed (each failed measurement against its bound, and the shrunk violation if one was recorded).
     */
    public CheckResult toResult(Check check, String summary, long elapsedMillis) {
        Outcome outcome = outcome();
        String text = outcome == Outcome.FAILED ? failureSummary(summary) : summary;
        return new CheckResult(check.id(), check.claimId(), check.title(), outcome, text,
                measurements, tables, plots, counterexamples, seeds, facts, elapsedMillis, notRunReason);
    }

    /** The fact that holds the reason of an {@link Outcome#INCONCLUSIVE} check. */
    public static final String INCONCLUSIVE_FACT = "inconclusive because";

    /** The fact that holds the check's declared budget: the default tries it asked for. */
    public static final String DECLARED_BUDGET_FACT = "declared budget (tries)";

    /** The fact that holds the tries the check used against its declared budget. */
    public static final String TRIES_USED_FACT = "tries used";

    /** The fact under which property checks record the shrunk violation of a failed property. */
    public static final String VIOLATION_FACT = "violation (shrunk)";

    private String failureSummary(String summary) {
        StringBuilder text = new StringBuilder("FAILED:");
        for (Measurement m : measurements) {
            if (!m.passed()) {
                text.append(' ').append(m.name()).append(" = ").append(m.value()).append(", not ")
                        .append(m.comparison()).append(' ').append(m.bound()).append(" (").append(m.boundName())
                        .append(");");
            }
        }
        Object violation = facts.get(VIOLATION_FACT);
        if (violation != null) {
            text.append(" violation: ").append(violation).append(';');
        }
        return text.append(" the check's own account: ").append(summary).toString();
    }
}
