package org.advsharp.deep;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Device selection for the deep tier; the GPU tier is NOT RUN (with the reason) where no CUDA device is seen. */
public final class Devices {

    private Devices() {
    }

    /** Number of CUDA devices the PyTorch engine sees (0 on a CPU-only build such as the bundled one). */
    public static int gpuCount() {
        DjlEnvironment.ensureOffline();
        return DjlEnvironment.engine().getGpuCount();
    }

    /**
     * Why the GPU tier cannot run here, or null if it can. Checked through DJL's
     * {@code Engine.getGpuCount()} of the PyTorch engine.
     */
    public static String gpuUnavailableReason() {
        DjlEnvironment.ensureOffline();
        Engine engine = DjlEnvironment.engine();
        int count = engine.getGpuCount();
        if (count > 0) {
            return null;
        }
        return "no CUDA device on this machine: DJL's " + engine.getEngineName() + " " + engine.getVersion()
                + " engine reports getGpuCount() = 0 (the bundled libtorch is the CPU build; the paper-scale "
                + "ResNet18 run needs a CUDA GPU with a CUDA libtorch, see scripts/gpu/README.md, and -Pgpu)";
    }

    /** The device a configuration asks for; fails with the reason if it asks for a GPU that is not there. */
    public static Device select(boolean gpu) {
        if (!gpu) {
            return Device.cpu();
        }
        String reason = gpuUnavailableReason();
        if (reason != null) {
            throw new IllegalStateException("GPU requested but " + reason);
        }
        return Device.gpu();
    }

    /** "PyTorch 2.7.1" and the like. */
    public static String engineDescription() {
        DjlEnvironment.ensureOffline();
        Engine engine = DjlEnvironment.engine();
        return engine.getEngineName() + " " + engine.getVersion() + " (DJL " + Engine.getDjlVersion() + ")";
    }
}
