package org.advsharp.suite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.advsharp.check.Check;
import org.advsharp.suite.deep.DeepChecks;
import org.advsharp.suite.oracle.AttackChecks;
import org.advsharp.suite.oracle.DecompositionChecks;
import org.advsharp.suite.oracle.DerivativeChecks;
import org.advsharp.suite.oracle.InstrumentChecks;
import org.advsharp.suite.oracle.MonotonicityChecks;
import org.advsharp.suite.oracle.SpectrumChecks;
import org.advsharp.suite.training.TrainingChecks;

/**
 * Every check of the suite, in report order. The test suite and the command-line tool both take their
 * checks from here, so they cannot disagree; the consistency gate compares this list with proofs/.
 */
public final class CheckCatalog {
    private CheckCatalog() {
    }

    public static List<Check> all() {
        List<Check> checks = new ArrayList<>();
        checks.addAll(InstrumentChecks.checks());
        checks.addAll(AttackChecks.checks());
        checks.addAll(DerivativeChecks.checks());
        checks.addAll(DecompositionChecks.checks());
        checks.addAll(SpectrumChecks.checks());
        checks.addAll(MonotonicityChecks.checks());
        checks.addAll(TrainingChecks.checks());
        checks.addAll(DeepChecks.checks());
        return Collections.unmodifiableList(checks);
    }
}
