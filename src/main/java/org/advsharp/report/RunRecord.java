package org.advsharp.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code run} section of one results file, as read back: where and how the run happened, and how
 * long it took. None of it is deterministic.
 *
 * @param file          the results file it was read from (as given to the reader), for the report
 * @param startedAt     when the run was recorded (UTC, ISO-8601)
 * @param commit        the commit, or null when unknown
 * @param dirty         whether the working tree had changes, or null when unknown
 * @param gitNote       why the commit is unknown, or null
 * @param jvm           the Java runtime
 * @param os            the operating system
 * @param cpus          processors available to the run
 * @param libraries     library name to version
 * @param device        the device the checks computed on
 * @param masterSeed    the master seed of the run
 * @param tries         the tries override (0: each check's default)
 * @param command       the command line that started the run
 * @param elapsedMillis wall time of the whole run
 */
public record RunRecord(String file, String startedAt, String commit, Boolean dirty, String gitNote, String jvm,
                        String os, int cpus, Map<String, String> libraries, String device, long masterSeed,
                        int tries, String command, long elapsedMillis) {

    public RunRecord {
        libraries = Collections.unmodifiableMap(new LinkedHashMap<>(libraries));
    }

    /** "abc123def456 (clean)", "... (working tree dirty)", or why the commit is unknown. */
    public String commitText() {
        if (commit == null) {
            return gitNote == null ? "unknown" : gitNote;
        }
        String shortHash = commit.length() > 12 ? commit.substring(0, 12) : commit;
        return shortHash + dirtyText();
    }

    /** The full commit hash with its dirty flag, or why it is unknown. */
    public String fullCommitText() {
        return commit == null ? commitText() : commit + dirtyText();
    }

    private String dirtyText() {
        return Boolean.TRUE.equals(dirty) ? " (working tree dirty)" : " (clean)";
    }
}
