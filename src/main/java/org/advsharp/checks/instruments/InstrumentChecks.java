package org.advsharp.checks.instruments;

import java.util.List;
import org.advsharp.check.Check;

/**
 * The checks of the suite's own instruments (claims inst:eigen-solvers, inst:lanczos, inst:hutchinson,
 * inst:derivatives), one class per claim: every other verdict rests on them.
 */
public final class InstrumentChecks {

    private InstrumentChecks() {
    }

    public static List<Check> checks() {
        return List.of(
                new EigenSolversInstrument(),
                new LanczosInstrument(),
                new HutchinsonInstrument(),
                new DerivativesInstrument());
    }
}
