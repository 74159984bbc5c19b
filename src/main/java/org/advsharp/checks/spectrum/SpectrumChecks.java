package org.advsharp.checks.spectrum;

import java.util.List;
import org.advsharp.check.Check;

/**
 * The checks of proofs/spectrum.md, one class per claim: the spectrum at fixed w, exactly where the paper's
 * central statement holds and where an over-general reading fails. thm:compressed-monotone (proved),
 * rem:full-top-not-monotone and rem:margin-condition-needed (counterexamples, searched for and shrunk),
 * thm:trace-monotone-margin (proved for d &gt;= 3, checked on a stated budget of problems),
 * rem:trace-falls-in-two-dimensions (its counterexample for d = 2), then lem:compressed-form and
 * prop:spectral-bounds.
 */
public final class SpectrumChecks {

    private SpectrumChecks() {
    }

    public static List<Check> checks() {
        return List.of(
                new CompressedMonotone.UnderTheMarginCondition(),
                new CompressedMonotone.UnderTheWeakerCondition(),
                new FullTopNotMonotone(),
                new MarginConditionNeeded.CompressedCanFall(),
                new MarginConditionNeeded.TraceCanFall(),
                new TraceMonotoneMargin(),
                new TraceFallsInTwoDimensions.OnTheProofsInstance(),
                new TraceFallsInTwoDimensions.Search(),
                new CompressedForm(),
                new SpectralBounds());
    }
}
