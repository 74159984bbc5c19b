package org.advsharp.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advsharp.claims.Verdict;

/**
 * What the report shows: the claims of one or more results files and the runs that produced them.
 *
 * @param runs   the runs, in the order their files were given
 * @param claims the claims, each once, in the order they first appear
 */
public record Results(List<RunRecord> runs, List<ClaimOutcome> claims) {

    public Results {
        runs = List.copyOf(runs);
        claims = List.copyOf(claims);
    }

    /**
     * Several results merged into one: runs in the given order; claims in the order they first appear;
     * a claim present in more than one of them is taken from the LAST one that has it (a later run
     * replaces an earlier one), and remembers which run that was.
     *
     * @throws IllegalArgumentException when the list is empty
     */
    public static Results merge(List<Results> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("merge: no results to merge");
        }
        List<RunRecord> runs = new ArrayList<>();
        Map<String, ClaimOutcome> claims = new LinkedHashMap<>();
        for (Results part : parts) {
            int offset = runs.size();
            runs.addAll(part.runs());
            for (ClaimOutcome c : part.claims()) {
                ClaimOutcome moved = c.withRun(offset + c.run());
                if (claims.containsKey(c.id())) {
                    claims.replace(c.id(), moved);
                } else {
                    claims.put(c.id(), moved);
                }
            }
        }
        return new Results(runs, new ArrayList<>(claims.values()));
    }

    /** How many claims got each verdict; every verdict is present, zero where none. */
    public Map<Verdict, Integer> counts() {
        EnumMap<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        for (ClaimOutcome c : claims) {
            counts.merge(c.verdict(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    /** The claims whose verdict is FAILED. */
    public List<ClaimOutcome> failed() {
        return claims.stream().filter(c -> c.verdict() == Verdict.FAILED).toList();
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
