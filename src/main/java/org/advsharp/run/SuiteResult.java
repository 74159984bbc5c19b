package org.advsharp.run;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.advsharp.claims.Verdict;

/**
 * The outcome of one run of the suite: where and how it ran, and every claim with its verdict.
 *
 * @param provenance    commit, machine, libraries, seed, tries and command of the run (not deterministic)
 * @param claims        the claims that were run, in registry order
 * @param elapsedMillis wall time of the whole run (not deterministic)
 */
public record SuiteResult(Provenance provenance, List<ClaimResult> claims, long elapsedMillis) {

    public SuiteResult {
        claims = List.copyOf(claims);
    }

    /** How many claims got each verdict; every verdict is present, zero where none. */
    public Map<Verdict, Integer> counts() {
        EnumMap<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        for (ClaimResult c : claims) {
            counts.merge(c.verdict(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    /** The claims whose verdict is FAILED. */
    public List<ClaimResult> failed() {
        return claims.stream().filter(c -> c.verdict() == Verdict.FAILED).toList();
    }

    /** Whether any claim's verdict is FAILED (the run then fails: exit code 1, a failed build). */
    public boolean anyFailed() {
        return !failed().isEmpty();
    }
}
