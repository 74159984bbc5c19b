package org.advsharp.checks.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.advsharp.check.Evidence;
import org.advsharp.check.FunctionalCheck;
import org.advsharp.check.Outcome;
import org.advsharp.data.Dataset;
import org.advsharp.landscape.LinearSharpness;
import org.junit.jupiter.api.Test;

/** The three-way sign-test verdict and the trained-point anatomy on hand-made inputs. */
class SignTestVerdictTest {

    @Test
    void significantRiseSupportsSignificantFallIsTheCounterexampleNeitherIsInconclusive() {
        assertEquals(Outcome.PASSED, outcome(178, 122));
        assertEquals(Outcome.COUNTEREXAMPLE_FOUND, outcome(122, 178));
        assertEquals(Outcome.INCONCLUSIVE, outcome(177, 123));
        assertEquals(Outcome.INCONCLUSIVE, outcome(0, 0));
    }

    @Test
    void aSignTestThatCannotReachItsLevelLacksOnlyCases() {
        // 2^-9 = 2.0e-3 >= 1e-3: nine problems all rising cannot reach the level, ten can (9.8e-4)
        Evidence nine = new Evidence();
        SignTestVerdict.record(nine, "x", 9, 0, 1e-3, "LEVEL", 1L, "replay");
        assertEquals(Outcome.INCONCLUSIVE, nine.outcome());
        assertTrue(nine.toResult(new FunctionalCheck("c", "exp:x", "t", (c, e) -> ""), "s", 0)
                .lacksOnlyCases(), "a sign test too small to decide lacks only cases");
        assertEquals(Outcome.PASSED, outcome(10, 0));
        Evidence undecided = new Evidence();
        SignTestVerdict.record(undecided, "x", 177, 123, 1e-3, "LEVEL", 1L, "replay");
        assertFalse(undecided.toResult(new FunctionalCheck("c", "exp:x", "t", (c, e) -> ""), "s", 0)
                .lacksOnlyCases(), "an undecided test at a size that can decide is not excused");
    }

    @Test
    void clopperPearsonIntervalMatchesKnownValues() {
        double[] ci = SignTestVerdict.clopperPearson(270, 299);
        assertEquals(0.864, ci[0], 5e-4);
        assertEquals(0.934, ci[1], 5e-4);
        double[] all = SignTestVerdict.clopperPearson(90, 90);
        assertEquals(1.0, all[1]);
        assertEquals(Math.pow(0.025, 1.0 / 90), all[0], 1e-9);
    }

    @Test
    void anatomyCountsTheMarginConditionAndSplitsTheRiseExactly() {
        Dataset data = Dataset.of(new double[][] {{2, 0}, {-1, 0.5}}, new double[] {1, -1});
        TrainedPointAnatomy anatomy = new TrainedPointAnatomy("t", new double[] {0, 0.5}, true);
        double[] w = {1, 0};
        // adversarial margins at eps = 0.5: 2 - 0.5 and 1 - 0.5, both >= 0; at eps = 1.5: 0.5 and -0.5
        anatomy.add("f", data, new double[] {0, 0.5}, List.of(w, w), List.of(
                LinearSharpness.adversarial(data, 0, w), LinearSharpness.adversarial(data, 0.5, w)));
        anatomy.add("f", data, new double[] {0, 1.5}, List.of(w, w), List.of(
                LinearSharpness.adversarial(data, 0, w), LinearSharpness.adversarial(data, 1.5, w)));
        assertEquals(1.0, anatomy.marginShare(0));
        assertEquals(0.5, anatomy.marginShare(1));
        double rise = anatomy.medianLambdaPart(0, 1);
        assertEquals(rise, anatomy.medianLambdaPart(1, 1) + anatomy.medianLambdaPart(2, 1), 1e-12);
        assertTrue(anatomy.medianLambdaPart(2, 1) > 0, "a direction term at eps > 0");
    }

    private static Outcome outcome(int up, int down) {
        Evidence evidence = new Evidence();
        SignTestVerdict.record(evidence, "x", up, down, 1e-3, "LEVEL", 1L, "replay");
        return evidence.outcome();
    }
}
