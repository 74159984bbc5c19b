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
 * {@link Outcome#COUNTEREXAMPLE_FOUND}; otherwise it {@link Outcome#PASSED}. A check never sets its
 * outcome by hand except {@link #notRun(String)}.
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
