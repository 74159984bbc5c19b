package org.advsharp.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code run} section of one results document: where and how the run happened, and how long it took.
 * None of it is deterministic. {@code run.Provenance} captures it; {@link ResultsJson} writes and reads it.
 *
 * @param file          the results file it was written to or read from: as given to the reader, and in a
 *                      report relative to the report folder (never a path of the machine)
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

    /** This record with the run's wall time. */
    public RunRecord withElapsedMillis(long millis) {
        return new RunRecord(file, startedAt, commit, dirty, gitNote, jvm, os, cpus, libraries, device, masterSeed,
                tries, command, millis);
    }

    /** This record as read from {@code name}. */
    public RunRecord withFile(String name) {
        return new RunRecord(name, startedAt, commit, dirty, gitNote, jvm, os, cpus, libraries, device, masterSeed,
                tries, command, elapsedMillis);
    }

    /** This record with another command line (a merge of shards names its own). */
    public RunRecord withCommand(String newCommand) {
        return new RunRecord(file, startedAt, commit, dirty, gitNote, jvm, os, cpus, libraries, device, masterSeed,
                tries, newCommand, elapsedMillis);
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
