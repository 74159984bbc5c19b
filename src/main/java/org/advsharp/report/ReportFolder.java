package org.advsharp.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Replaces the files of a report folder all at once, so that no reader ever sees a half-written or mixed
 * report.
 *
 * <p>The new files are written into a fresh folder beside the target ({@code .NAME.staging-*}); files of
 * the old folder that this run does not produce (a committed README, reports from GPU runs) are copied
 * into it. Only when everything is written is the old folder renamed aside and the new one renamed into
 * place (ATOMIC_MOVE where the file system supports it); the old one is then deleted. If the second rename
 * fails the first is undone. If anything fails earlier, the staging folder is deleted and the target is
 * untouched. A target that exists but is not a writable folder is refused before anything is written.
 */
public final class ReportFolder {
    private ReportFolder() {
    }

    /**
     * Makes {@code target} contain {@code files} (name to content; names are plain file names) plus every
     * other entry it already had.
     *
     * @throws IOException whose message names the folder and the problem
     */
    public static void replace(Path target, Map<String, byte[]> files) throws IOException {
        Path dir = target.toAbsolutePath().normalize();
        Path parent = dir.getParent();
        if (parent == null) {
            throw new IOException("report folder " + dir + ": cannot be the root of the file system");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException("report folder " + dir + " exists but is not a folder");
        }
        if (Files.isDirectory(dir) && !Files.isWritable(dir)) {
            throw new IOException("report folder " + dir + " is not writable");
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new IOException("report folder " + dir + ": cannot create its parent folder " + parent
                    + " (" + describe(e) + ")", e);
        }
        Path staging;
        try {
            staging = Files.createTempDirectory(parent, "." + dir.getFileName() + ".staging-");
        } catch (IOException e) {
            throw new IOException("report folder " + dir + ": cannot write in " + parent + " (" + describe(e) + ")", e);
        }
        try {
            openUp(staging, dir);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Files.write(staging.resolve(f.getKey()), f.getValue());
            }
            if (Files.isDirectory(dir)) {
                keepOthers(dir, staging, files);
            }
            swap(dir, staging);
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            if (e instanceof IOException io && !String.valueOf(io.getMessage()).startsWith("report folder")) {
                throw new IOException("report folder " + dir + ": writing failed, previous report kept ("
                        + describe(io) + ")", io);
            }
            throw e;
        }
    }

    /**
     * A temporary folder is created private (rwx------); the report folder should keep the permissions the
     * old one had, or be readable by all (rwxr-xr-x) when new. Ignored where POSIX permissions do not exist.
     */
    private static void openUp(Path staging, Path dir) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.isDirectory(dir) ? Files.getPosixFilePermissions(dir)
                    : PosixFilePermissions.fromString("rwxr-xr-x");
            Files.setPosixFilePermissions(staging, perms);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to adjust
        }
    }

    private static void keepOthers(Path dir, Path staging, Map<String, byte[]> files) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (!files.containsKey(entry.getFileName().toString())) {
                    copyTree(entry, staging.resolve(entry.getFileName().toString()));
                }
            }
        }
    }

    private static void swap(Path dir, Path staging) throws IOException {
        if (!Files.exists(dir)) {
            move(staging, dir);
            return;
        }
        Path old = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + ".old-");
        Files.delete(old);
        move(dir, old);
        try {
            move(staging, dir);
        } catch (IOException e) {
            move(old, dir);
            throw e;
        }
        deleteTree(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Files.copy(f, to.resolve(from.relativize(f).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletes a folder tree, best effort (a leftover staging folder is harmless and hidden). */
    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
