package org.advsharp.checks.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.advsharp.property.Gen;
import org.advsharp.property.Labels;
import org.advsharp.property.PropertyConfig;
import org.advsharp.property.PropertyReport;
import org.advsharp.property.PropertyRunner;
import org.advsharp.property.Source;
import org.junit.jupiter.api.Test;

/**
 * A property whose further random inputs come from the case's own seed: the shrunk counterexample, replayed
 * from its choices or evaluated again, fails again (the whole input is the case and its seed).
 */
class SeededCaseTest {
    /** A property that fails on some further random inputs only: a point of the ball near its boundary. */
    private static String failsOnSomeRandomPoints(SeededCase sc, Labels labels) {
        AdversarialCase c = sc.problem();
        SplittableRandom random = sc.random();
        double[] p = Problems.randomPoint(random, c.data().dimension(), 1.0);
        double norm = 0;
        for (double v : p) {
            norm += v * v;
        }
        return Math.sqrt(norm) > 0.9 ? "a drawn point lies beyond 0.9 of the radius" : null;
    }

    @Test
    void theShrunkCounterexampleFailsAgainWhenEvaluatedAgainAndWhenReplayed() throws Exception {
        Gen<SeededCase> gen = SeededCase.of(Problems.anyRegime());
        PropertyReport<SeededCase> report = PropertyRunner.check("fails on some random points", gen,
                SeededCaseTest::failsOnSomeRandomPoints, PropertyConfig.defaults().withSeed(7));
        assertFalse(report.holds(), "the property fails for some seeds");
        SeededCase shrunk = report.shrunk();
        assertNotNull(failsOnSomeRandomPoints(shrunk, new Labels()), "evaluated again: " + shrunk.pasteable());
        SeededCase replayed = gen.generate(Source.replay(report.shrunkChoices(), report.failingCaseSeed()));
        assertEquals(shrunk, replayed, "the choices decode to the same case and seed");
        assertNotNull(failsOnSomeRandomPoints(replayed, new Labels()), "replayed from its choices");
    }

    @Test
    void theSameSeedDrawsTheSameInputsAndThePasteNamesIt() {
        SeededCase sc = SeededCase.of(Problems.anyRegime()).generate(Source.random(3));
        assertEquals(sc.random().nextLong(), sc.random().nextLong(), "every call starts the same stream");
        assertTrue(sc.pasteable().startsWith("new SeededCase(new AdversarialCase("), sc.pasteable());
        assertTrue(sc.pasteable().endsWith(", " + sc.inputSeed() + "L)"), sc.pasteable());
    }
}
