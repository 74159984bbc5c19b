package org.advsharp.deep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Where libtorch cannot load, the deep claims are NOT RUN with the platform named, not FAILED. */
class DeepPlatformTest {

    @Test
    void linuxX8664IsTheBundledPlatformAndNeverSkipped() {
        assertNull(DjlEnvironment.unsupportedPlatform("Linux", "amd64", () -> {
            throw new AssertionError("the engine is loaded by the check itself on the bundled platform");
        }));
    }

    @Test
    void elsewhereAFailingEngineIsAReasonNotAFailure() {
        assertEquals("libtorch does not load on Mac OS X aarch64 (the bundled CPU libtorch is for Linux x86-64 and "
                + "DJL runs offline; IllegalStateException)", DjlEnvironment.unsupportedPlatform("Mac OS X", "aarch64", () -> {
                    throw new IllegalStateException("offline: cannot download libtorch");
                }));
        assertEquals("libtorch does not load on Windows 11 amd64 (the bundled CPU libtorch is for Linux x86-64 and "
                + "DJL runs offline; UnsatisfiedLinkError)", DjlEnvironment.unsupportedPlatform("Windows 11", "amd64", () -> {
                    throw new UnsatisfiedLinkError("torch.dll");
                }));
    }

    @Test
    void elsewhereAnEngineThatLoadsRuns() {
        assertNull(DjlEnvironment.unsupportedPlatform("Linux", "aarch64", () -> null));
    }
}
