package org.advsharp.results;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.advsharp.claims.Verdict;

/**
 * A results document: the claims of one run, or of several results files merged by {@link ResultsMerge},
 * and the runs that produced them. {@code run} builds it, {@link ResultsJson} writes and reads it, the report
 * renders it.
 *
 * @param runs   the runs, in the order their files were given (one for a run's own document)
 * @param claims the claims, each once, in registry order (a merge: the order they first appear)
 */
public record Results(List<RunRecord> runs, List<ClaimOutcome> claims) {

    public Results {
        runs = List.copyOf(runs);
        claims = List.copyOf(claims);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("results: a document needs the run that produced it");
        }
        for (ClaimOutcome c : claims) {
            if (c.run() < 0 || c.run() >= runs.size()) {
                throw new IllegalArgumentException("results: claim " + c.id() + " names run " + c.run() + " of "
                        + runs.size());
            }
        }
    }

    /** The document of one run. */
    public static Results of(RunRecord run, List<ClaimOutcome> claims) {
        return new Results(List.of(run), claims);
    }

    /** Whether this document merges several results files. */
    public boolean merged() {
        return runs.size() > 1;
    }

    /**
     * How many verified claims got each verdict; every verdict is present, zero where none. An unverified
     * outcome ({@link ClaimOutcome#unverified()}) is no verdict and is not counted.
     */
    public Map<Verdict, Integer> counts() {
        EnumMap<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        for (ClaimOutcome c : claims) {
            if (c.verified()) {
                counts.merge(c.verdict(), 1, Integer::sum);
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    /** The verified claims whose verdict is FAILED. */
    public List<ClaimOutcome> failed() {
        return claims.stream().filter(c -> c.verified() && c.verdict() == Verdict.FAILED).toList();
    }

    /** The claims a merge could not vouch for, in document order. */
    public List<ClaimOutcome> unverified() {
        return claims.stream().filter(c -> !c.verified()).toList();
    }

    /** This document with its verified claims only: what every verdict count, line and banner is made of. */
    public Results verifiedOnly() {
        return new Results(runs, claims.stream().filter(ClaimOutcome::verified).toList());
    }

    /** Whether any claim's verdict is FAILED (the run then fails: exit code 1, a failed build). */
    public boolean anyFailed() {
        return !failed().isEmpty();
    }

    /** The run that produced a claim. */
    public RunRecord runOf(ClaimOutcome c) {
        return runs.get(c.run());
    }

    /** Wall time of all runs together. */
    public long elapsedMillis() {
        return runs.stream().mapToLong(RunRecord::elapsedMillis).sum();
    }
}
