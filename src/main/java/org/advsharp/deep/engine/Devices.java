package org.advsharp.deep.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Device selection for the deep tier; the GPU tier is NOT RUN (with the reason) where no CUDA device is seen. */
public final class Devices {
    /** System property that opts in to the paper-scale GPU run (hours; set by the Maven profile -Pgpu). */
    public static final String GPU_PROPERTY = "advsharp.gpu";

    private Devices() {
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

    /**
     * Why the paper-scale GPU run does not start here, or null if it may: the first of (1) no CUDA device
     * ({@link #gpuUnavailableReason()}), (2) a device but the run, which takes hours, was not requested with
     * the system property {@value #GPU_PROPERTY} = true.
     */
    public static String gpuRunUnavailableReason() {
        String reason = gpuUnavailableReason();
        if (reason != null) {
            return reason;
        }
        if (!Boolean.getBoolean(GPU_PROPERTY)) {
            return "a CUDA device is present but the paper-scale run (hours) was not requested: run with "
                    + "-Pgpu (system property " + GPU_PROPERTY + "=true)";
        }
        return null;
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
