package org.advsharp.claims;

import java.util.Locale;

/**
 * The kind of a claim, which fixes how its verdict is computed from the outcomes of its checks.
 *
 * <ul>
 *   <li>LEMMA, PROPOSITION, THEOREM: proved in proofs/; expected verdict VERIFIED.</li>
 *   <li>COUNTEREXAMPLE: an over-general reading that is false; the suite must find a shrunk
 *       counterexample; expected verdict COUNTEREXAMPLE.</li>
 *   <li>CONJECTURE: observed but unproved; a counterexample search with a stated budget; expected
 *       verdict SUPPORTED.</li>
 *   <li>EMPIRICAL: an experimental trend with a statistical test; expected verdict SUPPORTED.</li>
 *   <li>INSTRUMENT: a property of the suite's own numerical instruments (eigen solvers, Lanczos,
 *       Hutchinson, finite differences) that the other checks rely on; expected verdict VERIFIED.</li>
 *   <li>STUDY: a pre-registered experiment too long for the build, run once by a command and committed as a
 *       record under reports/records/; the expected verdict SUPPORTED is its hypothesis, but the record's
 *       verdict (SUPPORTED, COUNTEREXAMPLE or INCONCLUSIVE) is a finding and stands: only a defect (a
 *       malformed record, one that does not match its pre-registration or no longer reproduces) is FAILED.</li>
 * </ul>
 */
public enum ClaimKind {
    LEMMA(Verdict.VERIFIED),
    PROPOSITION(Verdict.VERIFIED),
    THEOREM(Verdict.VERIFIED),
    COUNTEREXAMPLE(Verdict.COUNTEREXAMPLE),
    CONJECTURE(Verdict.SUPPORTED),
    EMPIRICAL(Verdict.SUPPORTED),
    INSTRUMENT(Verdict.VERIFIED),
    STUDY(Verdict.SUPPORTED);

    private final Verdict naturalVerdict;

    ClaimKind(Verdict naturalVerdict) {
        this.naturalVerdict = naturalVerdict;
    }

    /** The verdict a claim of this kind has when everything goes as the proofs say. */
    public Verdict naturalVerdict() {
        return naturalVerdict;
    }

    /** Whether the claim carries a complete proof. */
    public boolean isProved() {
        return this == LEMMA || this == PROPOSITION || this == THEOREM || this == INSTRUMENT;
    }

    /** Parses "lemma", "Theorem", ... as written in proofs/. */
    public static ClaimKind parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown claim kind '" + text + "'; expected one of lemma, "
                    + "proposition, theorem, counterexample, conjecture, empirical, instrument, study", e);
        }
    }
}
