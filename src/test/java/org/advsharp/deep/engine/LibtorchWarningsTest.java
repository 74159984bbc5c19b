package org.advsharp.deep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deep check's run writes nothing of libtorch's "create_graph=True will create a reference cycle" warning
 * nor SLF4J's "No SLF4J providers" lines to standard error, while the warning is still printed where it is not
 * held back (so this test could see it). The process's native standard error is read in a JVM of its own
 * ({@link CreateGraphProbe}). Only on Linux, where the pinned CPU libtorch runs.
 */
class LibtorchWarningsTest {
    /** A fragment of libtorch's warning after a backward with create_graph = true. */
    static final String WARNING = "create a reference cycle";
    /** A fragment of SLF4J's lines when it finds no provider on the class path. */
    static final String SLF4J = "SLF4J";
    /** Longest a probe JVM may take (start, load libtorch, one product), seconds: far above the few it needs. */
    private static final long PROBE_SECONDS = 300;

    @Test
    void theThresholdIsRaisedForTheCallOnlyAndSetBackAlsoWhenItThrows() {
        assumeLinux();
        DjlEnvironment.engine();
        Optional<Pointer> threshold = LibtorchWarnings.threshold();
        assertTrue(threshold.isPresent(), LibtorchWarnings.THRESHOLD_SYMBOL + " not found in "
                + LibtorchWarnings.LIBRARY_FILE);
        int before = threshold.get().getInt(0);
        int[] inside = new int[1];
        LibtorchWarnings.heldBack(() -> inside[0] = threshold.get().getInt(0));
        assertEquals(Math.max(before, LibtorchWarnings.ERROR), inside[0]);
        assertEquals(before, threshold.get().getInt(0));
        assertThrows(IllegalStateException.class, () -> LibtorchWarnings.heldBack(() -> {
            throw new IllegalStateException("the call failed");
        }));
        assertEquals(before, threshold.get().getInt(0));
    }

    @Test
    void anExactProductPrintsNoWarningWhileABareCreateGraphBackwardDoes(@TempDir Path dir)
            throws IOException, InterruptedException {
        assumeLinux();
        String bare = probe("bare", dir);
        assertTrue(bare.contains(WARNING), "control: a bare backward with create_graph = true should print libtorch's "
                + "warning to standard error, else this test cannot see it; standard error was:\n" + bare);
        String exact = probe("exact", dir);
        assertFalse(exact.contains(WARNING), "libtorch's warning reappeared in an exact product:\n" + exact);
        assertFalse(exact.contains(SLF4J), "SLF4J wrote to standard error:\n" + exact);
    }

    /** Runs {@link CreateGraphProbe} with {@code mode} in a new JVM; returns its standard error. */
    private static String probe(String mode, Path dir) throws IOException, InterruptedException {
        Path err = dir.resolve(mode + ".err");
        Path out = dir.resolve(mode + ".out");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path")));
        for (String property : List.of(DjlEnvironment.CACHE_PROPERTY, "DJL_CACHE_DIR")) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.add(CreateGraphProbe.class.getName());
        command.add(mode);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile()).redirectOutput(out.toFile());
        builder.environment().put("DJL_OFFLINE", "true");
        builder.environment().put("OPT_OUT_TRACKING", "true");
        Process process = builder.start();
        if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("probe " + mode + " did not end within " + PROBE_SECONDS + " s");
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "probe " + mode + " failed:\n" + stderr);
        assertTrue(Files.readString(out, StandardCharsets.UTF_8).startsWith("norm "), "probe " + mode
                + " computed nothing:\n" + stderr);
        return stderr;
    }

    private static void assumeLinux() {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"),
                "the pinned CPU libtorch is linux-x86_64 only");
    }
}
