package org.advsharp.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.advsharp.claims.Verdict;

/**
 * The verdict each merged results file gave one claim, in the order the files were merged; null where a file
 * does not have the claim. Only a merge of several files has a stability: a claim of one file is neither
 * stable nor varying.
 *
 * @param verdicts one entry per merged file
 */
public record Stability(List<Verdict> verdicts) {

    /** What the files that ran the claim say together. */
    public enum Status {
        /** Only one file ran it (the others lack it or did not run it): nothing to compare. */
        ONE_FILE("in one file only"),
        /** No file ran it. */
        NOT_RUN("not run in any file"),
        /** Every file that ran it gave the same verdict. */
        STABLE("stable"),
        /** The files that ran it disagree. */
        VARIES("VARIES");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        /** As the stability summary and the report write it. */
        public String text() {
            return text;
        }
    }

    public Stability {
        verdicts = Collections.unmodifiableList(new ArrayList<>(verdicts));
    }

    /** The verdicts of the files that ran the claim (neither absent nor NOT RUN). */
    public List<Verdict> ran() {
        return verdicts.stream().filter(Objects::nonNull).filter(v -> v != Verdict.NOT_RUN).toList();
    }

    /** See {@link Status}. */
    public Status status() {
        List<Verdict> ran = ran();
        if (ran.isEmpty()) {
            return Status.NOT_RUN;
        }
        if (ran.size() == 1) {
            return Status.ONE_FILE;
        }
        return ran.stream().distinct().count() == 1 ? Status.STABLE : Status.VARIES;
    }

    /** "VERIFIED, -, VERIFIED (stable)": each file's verdict ("-" where absent), then the status. */
    public String text() {
        List<String> each = verdicts.stream().map(v -> v == null ? "-" : v.label()).toList();
        return String.join(", ", each) + " (" + status().text() + ")";
    }
}
