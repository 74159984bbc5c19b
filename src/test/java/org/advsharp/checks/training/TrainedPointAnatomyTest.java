package org.advsharp.checks.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.advsharp.check.CheckResult;
import org.advsharp.check.Evidence;
import org.advsharp.check.FunctionalCheck;
import org.advsharp.check.Table;
import org.advsharp.data.Dataset;
import org.advsharp.landscape.LinearSharpness;
import org.junit.jupiter.api.Test;

/** The trained-point anatomy's margin-condition table: one column per family, its sweeps counted apart. */
class TrainedPointAnatomyTest {
    private static final Dataset DATA = Dataset.of(new double[][] {{2, 0}, {-1, 0.5}}, new double[] {1, -1});
    private static final double[] W = {1, 0};

    @Test
    void theMarginTableGivesEachFamilyItsOwnShareAndCount() {
        TrainedPointAnatomy anatomy = new TrainedPointAnatomy("t", new double[] {0, 0.5}, true);
        // adversarial margins y_n w^T x_n - eps ||w||: 2 - eps and 1 - eps, so the condition holds at eps = 0.5
        // and fails at eps = 1.5
        anatomy.add("f", DATA, new double[] {0, 0.5}, List.of(W, W), profiles(0.5));
        anatomy.add("g", DATA, new double[] {0, 1.5}, List.of(W, W), profiles(1.5));
        anatomy.add("f", DATA, new double[] {0, 1.5}, List.of(W, W), profiles(1.5));
        Evidence evidence = new Evidence();
        anatomy.record(evidence);
        CheckResult result = evidence.toResult(new FunctionalCheck("c", "exp:x", "t", (c, e) -> ""), "s", 0);
        Table margins = result.tables().get(0);
        assertEquals(List.of("eps/eps_c", "f (2)", "g (1)", "all"), margins.columns());
        assertEquals(List.of(List.of("0.00", "1.00", "1.00", "1.00"), List.of("0.500", "0.500", "0.00", "0.333")),
                margins.rows());
    }

    private static List<LinearSharpness> profiles(double eps) {
        return List.of(LinearSharpness.adversarial(DATA, 0, W), LinearSharpness.adversarial(DATA, eps, W));
    }
}
