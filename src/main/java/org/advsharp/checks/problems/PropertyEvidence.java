package org.advsharp.checks.problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Counterexample;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.check.Reproduction;
import org.advsharp.check.SeedRecord;
import org.advsharp.property.PropertyReport;

/**
 * Turns a property-engine report into evidence, in the two ways the claims need it:
 * a statement that must hold on every case (a violation is a FAILED measurement, with its shrunk
 * case printed for diagnosis), and a search whose expected result is a counterexample (a violation is
 * the counterexample the claim is about).
 */
public final class PropertyEvidence {
    private PropertyEvidence() {
    }

    /** Records a property that must hold on every generated case. */
    public static <T> void mustHold(Evidence evidence, CheckContext context, PropertyReport<T> report,
                             Function<T, String> pasteable) {
        common(evidence, context, report);
        evidence.measure(Measurement.atMost("cases violating: " + report.name(), report.holds() ? 0 : 1, 0,
                "exact: a proved statement admits no violation"));
        if (!report.holds()) {
            evidence.fact(Evidence.VIOLATION_FACT, report.violation());
            evidence.fact("violating case (shrunk)", pasteable.apply(report.shrunk()));
            evidence.fact("violating case seed", report.failingCaseSeed());
        }
    }

    /** Records a search whose hoped-for result is a counterexample (or a conjecture's refutation). */
    public static <T> void search(Evidence evidence, CheckContext context, PropertyReport<T> report,
                           Function<T, String> pasteable) {
        common(evidence, context, report);
        if (!report.holds()) {
            evidence.counterexample(new Counterexample(report.violation(), pasteable.apply(report.shrunk()),
                    report.failingCaseSeed(), report.shrinkSteps(), context.replayCommand(),
                    report.shrunk() instanceof AdversarialCase c
                            ? CounterexampleFiles.hessian(CounterexampleFiles.stem(context.claimId()), c)
                            : Reproduction.NONE));
            evidence.fact("cases generated up to and including the first counterexample", report.tries());
        } else {
            evidence.fact("search budget (cases, none violating)", report.tries());
        }
    }

    /**
     * The floor of a property check whose skipped regimes are a minority by construction: half its default
     * cases usable. At the default seed 0 % to 25 % of the cases are skipped (w = 0, d = 1, eps1 = eps2,
     * d &lt; 3), so half leaves a wide margin, while a generator or an assumption that skips most cases
     * fails the check.
     */
    public static int floorFor(int defaultTries) {
        return Math.max(1, defaultTries / 2);
    }

    /** The label prefix by which a property marks a generated case it does not test (outside its assumptions). */
    public static final String SKIPPED = "skipped:";

    /**
     * How many generated cases a property tested, and how many it skipped and why: "300 cases" when none
     * was skipped, else "2232 of 3000 cases (768 = 25.6 % skipped: d < 3, w = 0 or eps1 = eps2)".
     *
     * @param noun the plural noun, e.g. "cases" or "problems"
     */
    public static String cases(PropertyReport<?> report, String noun) {
        int skipped = 0;
        List<String> why = new ArrayList<>();
        for (Map.Entry<String, Integer> e : report.labelCounts().entrySet()) {
            if (e.getKey().startsWith(SKIPPED)) {
                skipped += e.getValue();
                why.add(e.getKey().substring(SKIPPED.length()).strip());
            }
        }
        if (skipped == 0) {
            return report.tries() + " " + noun;
        }
        return String.format(Locale.ROOT, "%d of %d %s (%d = %.1f %% skipped: %s)", report.tries() - skipped,
                report.tries(), noun, skipped, 100.0 * skipped / Math.max(1, report.tries()), String.join("; ", why));
    }

    /** Counts the report's tested cases and its skipped ones ({@link #SKIPPED} labels) as the evidence's cases. */
    private static void count(Evidence evidence, PropertyReport<?> report) {
        int skipped = 0;
        for (Map.Entry<String, Integer> e : report.labelCounts().entrySet()) {
            if (e.getKey().startsWith(SKIPPED)) {
                evidence.skip(e.getKey().substring(SKIPPED.length()).strip(), e.getValue());
                skipped += e.getValue();
            }
        }
        evidence.cases(Math.max(0, report.tries() - skipped), 1);
    }

    private static <T> void common(Evidence evidence, CheckContext context, PropertyReport<T> report) {
        count(evidence, report);
        evidence.seed(new SeedRecord(report.tries() + " generated cases for '" + report.name() + "'",
                report.seed(), context.replayCommand()));
        evidence.fact("cases generated", report.tries());
        evidence.fact("cases tested", cases(report, "cases"));
        for (Map.Entry<String, Integer> e : report.labelCounts().entrySet()) {
            evidence.fact("share of cases: " + e.getKey(),
                    String.format(Locale.ROOT, "%.3f", e.getValue() / (double) Math.max(1, report.tries())));
        }
    }
}
