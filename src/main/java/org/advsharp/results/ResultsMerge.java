package org.advsharp.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advsharp.claims.Verdict;

/**
 * Merges results documents (shards of the claims, several master seeds, a GPU machine's run, the records of
 * reports/records/) into one. The rule, the suite's only one:
 * <ol>
 *   <li>runs are kept in the given order (the report lists each one's provenance);</li>
 *   <li>claims appear in the order they first appear;</li>
 *   <li>a claim present in several documents is taken from the LAST one that RAN it: a NOT RUN replaces
 *       nothing, so a GPU record shows even where this machine has no GPU; a claim every document left
 *       NOT RUN is taken from the last one that has it; likewise an unverified outcome ({@link Unverified})
 *       replaces no verified one, so a file of unknown origin cannot hide a verdict of this repository;</li>
 *   <li>each claim carries its {@link Stability}: the verdict every document gave it.</li>
 * </ol>
 */
public final class ResultsMerge {

    private ResultsMerge() {
    }

    /**
     * The documents merged by the rule above.
     *
     * @throws IllegalArgumentException when the list is empty
     */
    public static Results merge(List<Results> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("merge: no results to merge");
        }
        List<RunRecord> runs = new ArrayList<>();
        Map<String, ClaimOutcome> chosen = new LinkedHashMap<>();
        Map<String, Verdict[]> verdicts = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            Results part = parts.get(i);
            int offset = runs.size();
            runs.addAll(part.runs());
            for (ClaimOutcome c : part.claims()) {
                verdicts.computeIfAbsent(c.id(), k -> new Verdict[parts.size()])[i] = c.verdict();
                ClaimOutcome before = chosen.get(c.id());
                if (before == null || replaces(c, before)) {
                    chosen.put(c.id(), c.inMerge(offset + c.run(), null));
                }
            }
        }
        List<ClaimOutcome> claims = new ArrayList<>();
        for (ClaimOutcome c : chosen.values()) {
            claims.add(c.inMerge(c.run(), new Stability(Arrays.asList(verdicts.get(c.id())))));
        }
        return new Results(runs, claims);
    }

    /** Whether {@code later} replaces {@code before} by rule 3: verified beats unverified, then ran beats NOT RUN. */
    private static boolean replaces(ClaimOutcome later, ClaimOutcome before) {
        if (later.verified() != before.verified()) {
            return later.verified();
        }
        return later.verdict() != Verdict.NOT_RUN || before.verdict() == Verdict.NOT_RUN;
    }

    /**
     * Per claim, the verdict each document gave it ("-" where a document does not have it) and what they say
     * together, one line per claim, after a line naming the documents; an unverified claim shows
     * "UNVERIFIED, " and its reason instead, never a verdict.
     *
     * @param names what to call each document, in merge order
     */
    public static String stability(Results merged, List<String> names) {
        StringBuilder out = new StringBuilder("# verdict per claim in each file: ");
        for (int i = 0; i < names.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(i + 1).append(" = ").append(names.get(i));
        }
        out.append('\n');
        for (ClaimOutcome c : merged.claims()) {
            out.append(c.id()).append(": ").append(!c.verified() ? "UNVERIFIED, " + c.unverified()
                    : c.stability() == null ? c.verdict().label() : c.stability().text()).append('\n');
        }
        return out.toString();
    }
}
