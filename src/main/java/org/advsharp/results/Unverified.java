package org.advsharp.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Marks the claims of a results file that a merge cannot vouch for. A claim outcome taken from a file is
 * unverified, for the first of these reasons that holds:
 * <ol>
 *   <li>its claim id is not in the catalogue of the code that renders it: "claim not in this catalogue";</li>
 *   <li>the run that produced it recorded no commit: "commit cannot be checked: the run recorded none";</li>
 *   <li>{@link CommitHistory} says its run's commit is not in this repository's history, or cannot say
 *       (no git, no repository): its reason, word for word.</li>
 * </ol>
 * An outcome already marked keeps its reason. Marking changes no verdict and no data: the verdict rule
 * stays as it ran; the report shows a marked outcome as UNVERIFIED and counts it as no verdict.
 */
public final class Unverified {
    /** The reason for rule 1. */
    public static final String NOT_IN_CATALOGUE = "claim not in this catalogue";
    /** The reason for rule 2. */
    public static final String NO_COMMIT = "commit cannot be checked: the run recorded none";

    private Unverified() {
    }

    /** Where a run's commit stands against this repository's history (git lives in {@code run}, not here). */
    @FunctionalInterface
    public interface CommitHistory {
        /**
         * Why {@code commit} cannot vouch for a run: "commit abc1234 is not in this repository's history",
         * "commit cannot be checked: no git repository"; null when it is in the history.
         */
        String whyNotIn(String commit);
    }

    /** {@code document} with every claim marked by the rules above. */
    public static Results mark(Results document, Set<String> catalogue, CommitHistory history) {
        List<ClaimOutcome> claims = new ArrayList<>();
        for (ClaimOutcome c : document.claims()) {
            claims.add(c.verified() ? mark(c, document.runOf(c), catalogue, history) : c);
        }
        return new Results(document.runs(), claims);
    }

    private static ClaimOutcome mark(ClaimOutcome c, RunRecord run, Set<String> catalogue, CommitHistory history) {
        if (!catalogue.contains(c.id())) {
            return c.markedUnverified(NOT_IN_CATALOGUE);
        }
        if (run.commit() == null) {
            return c.markedUnverified(NO_COMMIT);
        }
        String outside = history.whyNotIn(run.commit());
        return outside == null ? c : c.markedUnverified(outside);
    }
}
