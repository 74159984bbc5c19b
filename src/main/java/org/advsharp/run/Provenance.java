package org.advsharp.run;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Where and how a run happened, so that a reader can reproduce it: the commit and whether the tree was
 * dirty, the JVM, the OS, the CPU count, the versions of the numerical and report libraries, the device,
 * the master seed, the tries override and the exact command. None of it is part of the deterministic
 * results; it is written beside them.
 *
 * @param startedAt   when the run was recorded (UTC, ISO-8601, seconds)
 * @param git         commit and dirty flag, or why they are unknown
 * @param jvm         vendor, name and version of the Java runtime
 * @param os          name, version and architecture of the operating system
 * @param cpus        processors available to the JVM
 * @param libraries   library name to version
 * @param device      the device the checks computed on
 * @param masterSeed  the master seed every check's seed derives from
 * @param tries       the tries override (0: each check's own default)
 * @param command     the command line that started the run
 */
public record Provenance(String startedAt, GitState git, String jvm, String os, int cpus,
                         Map<String, String> libraries, String device, long masterSeed, int tries,
                         String command) {

    /**
     * System property naming the device the checks ran on. The logistic-regression checks compute on the
     * CPU; a run of the deep tier on a GPU sets it (e.g. "cuda:0, NVIDIA H100").
     */
    public static final String DEVICE_PROPERTY = "advsharp.device";

    public Provenance {
        libraries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(libraries));
    }

    /** Captures the provenance of a run in this JVM, now. */
    public static Provenance capture(long masterSeed, int tries, String command) {
        String jvm = System.getProperty("java.vm.vendor", "?") + " " + System.getProperty("java.vm.name", "?")
                + " " + System.getProperty("java.runtime.version", System.getProperty("java.version", "?"));
        String os = System.getProperty("os.name", "?") + " " + System.getProperty("os.version", "?") + " ("
                + System.getProperty("os.arch", "?") + ")";
        String device = System.getProperty(DEVICE_PROPERTY, "cpu");
        return new Provenance(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                GitState.ofRunningCode(), jvm, os, Runtime.getRuntime().availableProcessors(),
                LibraryVersions.detect(), device, masterSeed, tries, command);
    }
}
