package org.advsharp.deep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import org.junit.jupiter.api.Test;

/** DJL runs offline and without tracking: the switches are set before the engine starts. */
class DjlEnvironmentTest {

    @Test
    void offlineAndNoTrackingAreSetBeforeTheEngineStarts() {
        DjlEnvironment.ensureOffline();
        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertEquals("true", System.getProperty("DJL_OFFLINE"));
        assertEquals("true", System.getProperty("OPT_OUT_TRACKING"));
        // DJL's own reading of the switch (environment DJL_OFFLINE, else system property ai.djl.offline)
        assertTrue(Utils.isOfflineMode(), "DJL does not consider itself offline");
        Engine engine = DjlEnvironment.engine();
        assertEquals("PyTorch", engine.getEngineName());
    }

    @Test
    void cacheFolderIsSetAndIdempotent() {
        var first = DjlEnvironment.ensureOffline();
        var second = DjlEnvironment.ensureOffline();
        assertEquals(first, second);
        assertTrue(first.isAbsolute());
    }
}
