package org.advsharp.deep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Once the engine has started through {@link DjlEnvironment#engine()}, libtorch's own switch reads "NNPACK
 * off", so libtorch never asks NNPACK whether it can run and never prints its "Unsupported hardware"
 * warning. Only on Linux, where the CPU libtorch this project pins runs.
 */
class NnpackSwitchTest {

    @Test
    void theEngineStartsWithNnpackSwitchedOff() {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"),
                "the pinned CPU libtorch is linux-x86_64 only");
        DjlEnvironment.engine();
        assertTrue(NnpackSwitch.loadedLibrary().isPresent(), "libtorch_cpu.so not found in /proc/self/maps");
        assertEquals(Optional.of(false), NnpackSwitch.userEnabled(),
                "libtorch still has NNPACK enabled: " + DjlEnvironment.nnpackState());
        assertTrue(DjlEnvironment.nnpackState().startsWith("NNPACK switched off"), DjlEnvironment.nnpackState());
    }
}
