package org.advsharp.property;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.advsharp.check.CheckContext;
import org.advsharp.checks.problems.AdversarialCase;
import org.advsharp.checks.problems.ProblemGenerators;
import org.advsharp.data.Dataset;
import org.junit.jupiter.api.Test;

/** Replay, determinism, labels, passing runs and the report's contract. */
class PropertyRunnerTest {

    /** Allowed deviation of a label count, in binomial standard deviations (false alarm < 1e-11). */
    private static final double COUNT_TOLERANCE_IN_SD = 7;
    private static final PropertyConfig CONFIG = new PropertyConfig(5L, 300, 10_000);

    private static final Gen<List<Integer>> LISTS = Gen.listOf(Gen.integers(0, 20), Gen.integers(0, 1000));
    private static final Property<List<Integer>> SUM_BELOW_2000 = (xs, labels) -> {
        int sum = xs.stream().mapToInt(Integer::intValue).sum();
        return sum < 2000 ? null : "sum = " + sum;
    };

    @Test
    void theFailingCaseSeedReplaysTheOriginalCase() {
        PropertyReport<List<Integer>> lists = PropertyRunner.check("sum < 2000", LISTS, SUM_BELOW_2000, CONFIG);
        assertFalse(lists.holds());
        assertEquals(lists.original(), PropertyRunner.replay(LISTS, lists.failingCaseSeed()));
        assertNotEquals(lists.original(), lists.shrunk());

        Gen<AdversarialCase> cases = ProblemGenerators.cases(2, 30, 1, 5);
        PropertyReport<AdversarialCase> adversarial = PropertyRunner.check("eps1 > 0 or N < 10", cases,
                (c, labels) -> c.eps1() > 0 || c.data().size() < 10 ? null : "eps1 = 0 with N >= 10", CONFIG);
        assertFalse(adversarial.holds());
        assertEquals(adversarial.original(), PropertyRunner.replay(cases, adversarial.failingCaseSeed()));
    }

    @Test
    void theShrunkChoicesRegenerateTheShrunkCase() {
        Gen<Dataset> data = ProblemGenerators.datasets(2, 30, 1, 4);
        PropertyReport<Dataset> report = PropertyRunner.check("d < 3", data,
                (d, labels) -> d.dimension() < 3 ? null : "d = " + d.dimension(), CONFIG);
        assertEquals(report.shrunk(), data.generate(Source.replay(report.shrunkChoices(), 0)));
        assertEquals(3, report.shrunk().dimension());
        assertEquals(2, report.shrunk().size());
    }

    @Test
    void theSameSeedGivesTheSameReport() {
        PropertyReport<List<Integer>> a = PropertyRunner.check("sum < 2000", LISTS, SUM_BELOW_2000, CONFIG);
        PropertyReport<List<Integer>> b = PropertyRunner.check("sum < 2000", LISTS, SUM_BELOW_2000, CONFIG);
        assertEquals(a.tries(), b.tries());
        assertEquals(a.passed(), b.passed());
        assertEquals(a.failingCaseSeed(), b.failingCaseSeed());
        assertEquals(a.original(), b.original());
        assertEquals(a.shrunk(), b.shrunk());
        assertEquals(a.shrinkSteps(), b.shrinkSteps());
        assertEquals(a.shrinkAttempts(), b.shrinkAttempts());
        assertEquals(a.violation(), b.violation());
        assertArrayEquals(a.shrunkChoices(), b.shrunkChoices());
        PropertyReport<List<Integer>> other = PropertyRunner.check("sum < 2000", LISTS, SUM_BELOW_2000,
                CONFIG.withSeed(6L));
        assertNotEquals(a.failingCaseSeed(), other.failingCaseSeed());
    }

    @Test
    void aPassingPropertyReportsItsTriesAndHasNoFailingCase() {
        PropertyReport<Integer> report = PropertyRunner.check("x <= 1000", Gen.integers(0, 1000),
                (x, labels) -> x <= 1000 ? null : "x = " + x, CONFIG);
        assertTrue(report.holds());
        assertEquals(300, report.tries());
        assertEquals(300, report.passed());
        assertEquals(0, report.discarded());
        assertEquals(5L, report.seed());
        assertEquals("x <= 1000", report.name());
        IllegalStateException e = assertThrows(IllegalStateException.class, report::shrunk);
        assertTrue(e.getMessage().contains("held in all 300 tries"), e.getMessage());
        assertThrows(IllegalStateException.class, report::failingCaseSeed);
        assertTrue(report.toString().contains("held in 300 tries"), report.toString());
    }

    @Test
    void labelsAreCountedOncePerCase() {
        PropertyReport<Integer> report = PropertyRunner.check("labelled", Gen.integers(0, 999), (x, labels) -> {
            labels.label(x % 2 == 0 ? "even" : "odd");
            labels.label("seen");
            labels.label("seen");
            labels.labelIf(x < 100, "small");
            return null;
        }, CONFIG);
        Map<String, Integer> counts = report.labelCounts();
        assertEquals(300, counts.get("seen"));
        assertEquals(300, counts.get("even") + counts.get("odd"));
        assertEquals(0.5, report.share("even"), COUNT_TOLERANCE_IN_SD * Math.sqrt(0.25 / 300));
        assertEquals(0.1, report.share("small"), COUNT_TOLERANCE_IN_SD * Math.sqrt(0.09 / 300));
        assertEquals(0.0, report.share("never given"));
        assertThrows(IllegalArgumentException.class, () -> new Labels().label(" "));
    }

    @Test
    void anExceptionInThePropertyIsAViolationAndShrinksLikeOne() {
        PropertyReport<Integer> report = PropertyRunner.check("no division by zero", Gen.integers(-50, 50),
                (x, labels) -> 100 / (x / 10) > -1000 ? null : "unreachable", CONFIG);
        assertFalse(report.holds());
        assertEquals(0, report.shrunk());
        assertEquals("threw java.lang.ArithmeticException: / by zero", report.violation());
    }

    @Test
    void theFirstFailingTryIsTheLastTryCounted() {
        PropertyReport<Integer> report = PropertyRunner.check("x < 990", Gen.integers(0, 999),
                (x, labels) -> x < 990 ? null : "x = " + x, CONFIG);
        assertEquals(report.tries() - 1, report.passed());
        assertEquals(990, report.shrunk());
        assertEquals(PropertyRunner.caseSeed(5L, report.tries() - 1), report.failingCaseSeed());
    }

    @Test
    void configsAreValidatedAndDerivedFromACheckContext() {
        assertThrows(IllegalArgumentException.class, () -> new PropertyConfig(1, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new PropertyConfig(1, 10, -1));
        CheckContext context = new CheckContext(7L, 0, message -> { });
        PropertyConfig config = PropertyConfig.forCheck(context, "some-check", 123);
        assertEquals(context.seedFor("some-check"), config.seed());
        assertEquals(123, config.tries());
        assertEquals(40, PropertyConfig.forCheck(new CheckContext(7L, 40, m -> { }), "x", 123).tries());
        assertThrows(IllegalArgumentException.class, () -> PropertyRunner.check(" ", LISTS, SUM_BELOW_2000, CONFIG));
    }

    /**
     * count sees exactly the cases check draws with the same config: the first and the last case check saw are
     * each counted as often as check saw them (values spread over a million, so a shifted or shortened run
     * misses them).
     */
    @Test
    void countCoversTheCasesCheckDraws() {
        Gen<Integer> wide = Gen.integers(0, 1_000_000);
        List<Integer> seen = new ArrayList<>();
        PropertyRunner.check("records its cases", wide, (x, labels) -> {
            seen.add(x);
            return null;
        }, CONFIG);
        assertEquals(CONFIG.tries(), seen.size());
        for (Integer v : List.of(seen.get(0), seen.get(seen.size() - 1))) {
            assertEquals(Collections.frequency(seen, v), PropertyRunner.count(wide, CONFIG, v::equals), "case " + v);
        }
        assertEquals(CONFIG.tries(), PropertyRunner.count(wide, CONFIG, x -> true));
    }
}
