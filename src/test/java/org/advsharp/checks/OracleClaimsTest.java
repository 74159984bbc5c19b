package org.advsharp.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.advsharp.check.Check;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.advsharp.checks.attack.AttackChecks;
import org.advsharp.checks.hessian.DecompositionChecks;
import org.advsharp.checks.hessian.DerivativeChecks;
import org.advsharp.checks.instruments.InstrumentChecks;
import org.advsharp.checks.spectrum.MonotonicityChecks;
import org.advsharp.checks.spectrum.SpectrumChecks;

/**
 * Runs the checks of every claim about the closed forms (sections 2-4 of the theory and the
 * instruments) and asserts that each claim's verdict, computed from the evidence, is the verdict its
 * proof declares. The expected verdict comes from proofs/, never from this file.
 */
class OracleClaimsTest {

    @TestFactory
    Stream<DynamicTest> everyOracleClaimGetsItsDeclaredVerdict() {
        List<Check> all = new ArrayList<>();
        all.addAll(InstrumentChecks.checks());
        all.addAll(AttackChecks.checks());
        all.addAll(DerivativeChecks.checks());
        all.addAll(DecompositionChecks.checks());
        all.addAll(SpectrumChecks.checks());
        all.addAll(MonotonicityChecks.checks());
        return DeclaredVerdicts.tests(all);
    }
}
