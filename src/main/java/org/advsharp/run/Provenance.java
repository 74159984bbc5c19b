package org.advsharp.run;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.advsharp.results.RunRecord;

/**
 * Captures where and how a run happens, so that a reader can reproduce it: the commit and whether the tree
 * was dirty, the JVM, the OS, the CPU count, the versions of the numerical and report libraries, the device,
 * the master seed, the tries override and the exact command. None of it is part of the deterministic
 * results; it is the {@code run} section of the results document ({@link RunRecord}).
 */
public final class Provenance {

    /**
     * System property naming the device the checks ran on. The logistic-regression checks compute on the
     * CPU; a run of the deep tier on a GPU sets it (e.g. "cuda:0, NVIDIA H100").
     */
    public static final String DEVICE_PROPERTY = "advsharp.device";

    /** The file name a run's own record carries until it is written elsewhere. */
    public static final String RESULTS_FILE = "results.json";

    private Provenance() {
    }

    /** The provenance of a run in this JVM, now; its wall time is 0 until {@link RunRecord#withElapsedMillis}. */
    public static RunRecord capture(long masterSeed, int tries, String command) {
        String jvm = System.getProperty("java.vm.vendor", "?") + " " + System.getProperty("java.vm.name", "?")
                + " " + System.getProperty("java.runtime.version", System.getProperty("java.version", "?"));
        String os = System.getProperty("os.name", "?") + " " + System.getProperty("os.version", "?") + " ("
                + System.getProperty("os.arch", "?") + ")";
        String device = System.getProperty(DEVICE_PROPERTY, "cpu");
        GitState git = GitState.ofRunningCode();
        return new RunRecord(RESULTS_FILE, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), git.commit(),
                git.dirty(), git.note(), jvm, os, Runtime.getRuntime().availableProcessors(), LibraryVersions.detect(),
                device, masterSeed, tries, command, 0L);
    }
}
