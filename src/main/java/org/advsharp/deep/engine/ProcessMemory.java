package org.advsharp.deep.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Memory of this process as the operating system sees it (JVM heap plus the native memory of libtorch),
 * read from /proc/self/status on Linux: VmRSS (resident now) and VmHWM (peak resident so far). Elsewhere
 * both are NaN and the report says "not measured".
 */
public final class ProcessMemory {
    private static final Path STATUS = Paths.get("/proc/self/status");

    private ProcessMemory() {
    }

    /** Resident set size now, MiB (NaN where unavailable). */
    public static double residentMiB() {
        return field("VmRSS:");
    }

    /** Peak resident set size of the process so far, MiB (NaN where unavailable). */
    public static double peakResidentMiB() {
        return field("VmHWM:");
    }

    private static double field(String name) {
        try {
            List<String> lines = Files.readAllLines(STATUS);
            for (String line : lines) {
                if (line.startsWith(name)) {
                    String[] parts = line.substring(name.length()).trim().split("\\s+");
                    return Double.parseDouble(parts[0]) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
