package org.advsharp.check;

/**
 * Why a check's evidence decides neither way, and whether that is only for want of cases.
 *
 * @param reason      the reason a person reads
 * @param tooFewCases true when the check had too few cases to decide (a search cut short, too few usable
 *                    cases): below the declared budget the verdict rule excuses it; false when the evidence
 *                    itself is undecided (a test that is not significant), which no budget excuses
 */
public record Inconclusive(String reason, boolean tooFewCases) {

    public Inconclusive {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an inconclusive result needs a reason");
        }
    }

    /** This reason followed by {@code more}; too few cases only when both are. */
    Inconclusive and(Inconclusive more) {
        return new Inconclusive(reason + "; " + more.reason, tooFewCases && more.tooFewCases);
    }
}
