package org.advsharp.deep.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;

/**
 * The shared libraries this process has mapped, read from {@code /proc/self/maps} (Linux): how
 * {@link NnpackSwitch} and {@link LibtorchWarnings} find the libtorch files DJL loaded, to reach symbols DJL
 * does not expose. Opening the same path again through JNA returns the copy already in the process.
 */
final class LoadedLibraries {

    private static final Path PROCESS_MAPS = Paths.get("/proc/self/maps");

    private LoadedLibraries() {
    }

    /** The path of the mapped library whose file name is {@code fileName}, or empty (not mapped, or not Linux). */
    static Optional<Path> find(String fileName) {
        if (!Files.isReadable(PROCESS_MAPS)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(PROCESS_MAPS);
        } catch (IOException e) {
            return Optional.empty();
        }
        return lines.stream()
                .map(String::trim)
                .filter(line -> line.endsWith("/" + fileName))
                .map(line -> Paths.get(line.substring(line.indexOf('/'))))
                .findFirst();
    }
}
