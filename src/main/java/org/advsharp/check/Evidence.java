package org.advsharp.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Collects the evidence of one check while it runs, then freezes it into a {@link CheckResult}.
 *
 * <p>The outcome is derived from what was collected, in this order (the first step that decides, decides):
 * <ol>
 *   <li>{@link #notRun(String)} recorded: {@link Outcome#NOT_RUN}.</li>
 *   <li>The floor, unless a counterexample was found (a search stops at its first one): a check that
 *       counted its cases ({@link #cases}, {@link #floor}, {@link #skip}) needs at least its declared
 *       minimum of usable cases, and at least 1 (a check that tested nothing must not pass). Below it, at
 *       the declared budget, the measurement "usable cases &gt;= floor" fails; below the declared budget
 *       the check is inconclusive for want of cases ("reduced budget N of M").</li>
 *   <li>Any failed {@link Measurement}: {@link Outcome#FAILED}, whatever the budget.</li>
 *   <li>A recorded counterexample: {@link Outcome#COUNTEREXAMPLE_FOUND}.</li>
 *   <li>A recorded {@link #inconclusive(String)} or {@link #tooFewCases(String)} reason:
 *       {@link Outcome#INCONCLUSIVE}.</li>
 *   <li>Otherwise {@link Outcome#PASSED}.</li>
 * </ol>
 * A check never sets its outcome by hand except {@link #notRun(String)}. Measurements of the machine
 * (time, memory) are recorded with {@link #cost}, apart from the facts, because they differ between runs.
 */
public final class Evidence {

    private final List<Measurement> measurements = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<Series> plots = new ArrayList<>();
    private final List<Counterexample> counterexamples = new ArrayList<>();
    private final List<SeedRecord> seeds = new ArrayList<>();
    private final Map<String, Object> facts = new LinkedHashMap<>();
    private final Map<String, Object> costs = new LinkedHashMap<>();
    private final Map<String, Integer> skipped = new LinkedHashMap<>();
    private int usable;
    private int minimum;
    private boolean counted;
    private Inconclusive inconclusive;
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

    /** A named number or string of the mathematics: a size, a count, a share, a setting. */
    public Evidence fact(String name, Object value) {
        facts.put(name, value);
        return this;
    }

    /**
     * A measurement of the machine rather than of the mathematics (wall time per step or per product,
     * memory): reported, but written in the run section of the results, since it differs between runs.
     */
    public Evidence cost(String name, Object value) {
        costs.put(name, value);
        return this;
    }

    /**
     * The number of cases the check tested (replacing an earlier count: the last count is the check's) and
     * the least number it needs, its floor (the largest floor declared counts). A case skipped for being
     * outside the statement's assumptions is not a tested case: count it with {@link #skip}.
     *
     * @throws IllegalArgumentException if {@code usableCases} is negative or {@code minimumCases} below 1
     */
    public Evidence cases(int usableCases, int minimumCases) {
        if (usableCases < 0) {
            throw new IllegalArgumentException("usable cases: " + usableCases + " is negative");
        }
        usable = usableCases;
        counted = true;
        return floor(minimumCases);
    }

    /**
     * Declares the least number of usable cases the check needs (at least 1), where the cases are counted
     * elsewhere (property checks: {@code PropertyEvidence} counts them); the largest declaration counts.
     */
    public Evidence floor(int minimumCases) {
        if (minimumCases < 1) {
            throw new IllegalArgumentException("floor: a check needs at least 1 usable case, got " + minimumCases);
        }
        minimum = Math.max(minimum, minimumCases);
        return this;
    }

    /** Counts one case skipped for {@code why} (outside the statement's assumptions); never a tested case. */
    public Evidence skip(String why) {
        return skip(why, 1);
    }

    /** Counts {@code count} cases skipped for {@code why}. */
    public Evidence skip(String why, int count) {
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("a skipped case needs a reason");
        }
        if (count < 0) {
            throw new IllegalArgumentException("skipped cases: " + count + " is negative");
        }
        if (count > 0) {
            skipped.merge(why, count, Integer::sum);
        }
        counted = true;
        return this;
    }

    /**
     * Says that the evidence decides neither way (a test without significance, nothing found where the
     * budget was too small to expect it), with the reason a person will read. No budget excuses it: at the
     * declared budget, or below it, a claim that expects another verdict is FAILED. A later call adds its
     * reason to the first.
     */
    public Evidence inconclusive(String reason) {
        return addInconclusive(new Inconclusive(reason, false));
    }

    /**
     * Says that the check had too few cases to decide (too few usable or certified runs of a search cut
     * short by {@code --tries}), with the reason a person will read. Below the declared budget the verdict
     * rule excuses it (INCONCLUSIVE, "reduced budget"); at the declared budget it counts as
     * {@link #inconclusive(String)}.
     */
    public Evidence tooFewCases(String reason) {
        return addInconclusive(new Inconclusive(reason, true));
    }

    private Evidence addInconclusive(Inconclusive more) {
        inconclusive = inconclusive == null ? more : inconclusive.and(more);
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

    /** The outcome implied by the evidence collected so far, before the floor (see the class comment). */
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
        if (inconclusive != null) {
            return Outcome.INCONCLUSIVE;
        }
        return Outcome.PASSED;
    }

    /**
     * Freezes the evidence of a check that ran with {@code tries}, applying the floor first (see the class
     * comment). A check writes its summary sentence for the run it expects; when a measurement failed,
     * that sentence would read as a success, so the summary then leads with what failed (each failed
     * measurement against its bound, and the shrunk violation if one was recorded).
     */
    public CheckResult toResult(Check check, String summary, long elapsedMillis, Tries tries) {
        Cases cases = counted || minimum > 0 ? new Cases(usable, Math.max(minimum, 1), skipped) : Cases.UNCOUNTED;
        if (notRunReason == null && counterexamples.isEmpty() && cases.belowFloor()) {
            applyFloor(cases, tries);
        }
        Outcome outcome = outcome();
        String text = outcome == Outcome.FAILED ? failureSummary(summary) : summary;
        return new CheckResult(check.id(), check.claimId(), check.title(), outcome, text, measurements, tables,
                plots, counterexamples, seeds, facts, tries, cases,
                outcome == Outcome.INCONCLUSIVE ? inconclusive : null, costs, elapsedMillis, notRunReason);
    }

    /** Freezes the evidence of a check that declared no budget ({@link Tries#UNDECLARED}). */
    public CheckResult toResult(Check check, String summary, long elapsedMillis) {
        return toResult(check, summary, elapsedMillis, Tries.UNDECLARED);
    }

    private void applyFloor(Cases counted, Tries tries) {
        String what = counted.usable() + " usable " + (counted.usable() == 1 ? "case" : "cases") + ", fewer than "
                + "the " + counted.minimum() + " the check needs" + skippedText(counted);
        if (tries.reduced()) {
            tooFewCases(what + " (" + tries.reducedText() + ")");
        } else {
            measure(new Measurement("usable cases" + skippedText(counted), counted.usable(), ">=",
                    counted.minimum(), "the check's declared floor of usable cases", false));
        }
    }

    private static String skippedText(Cases counted) {
        return counted.skipped().isEmpty() ? "" : " (skipped: " + counted.skipped().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining("; ")) + ")";
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
