package org.advsharp.checks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.advsharp.check.Check;
import org.advsharp.checks.deep.DeepChecks;
import org.advsharp.checks.fashion.FashionChecks;
import org.advsharp.checks.attack.AttackChecks;
import org.advsharp.checks.hessian.DecompositionChecks;
import org.advsharp.checks.hessian.DerivativeChecks;
import org.advsharp.checks.instruments.InstrumentChecks;
import org.advsharp.checks.spectrum.MonotonicityChecks;
import org.advsharp.checks.spectrum.SpectrumChecks;
import org.advsharp.checks.training.TrainingChecks;

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
        checks.addAll(FashionChecks.checks());
        checks.addAll(DeepChecks.checks());
        return Collections.unmodifiableList(checks);
    }
}
