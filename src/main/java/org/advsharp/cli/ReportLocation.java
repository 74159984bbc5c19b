package org.advsharp.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where {@code advsharp verify} writes its report, and the check that it can write there before any
 * check runs.
 *
 * <ol>
 *   <li>The reports root is the system property {@value #ROOT_PROPERTY} (the {@code advsharp} script sets it
 *       to the repository's {@code reports/}, wherever the command is typed); without it, the
 *       {@code reports/} folder of the repository the classes were loaded from ({@code X/target/classes}
 *       or {@code X/target/advsharp.jar} gives {@code X/reports}); failing that, {@code reports/} in the
 *       current folder.</li>
 *   <li>A run of all claims writes the root itself. A run of some claims ({@code --claims}) writes
 *       {@code ROOT/replay/<id>/} for one claim ({@code :} becomes {@code -}) and the sorted ids so written
 *       joined by {@code +} for several ({@code replay/lem-convex+prop-spectral-bounds/}); when that name
 *       would be longer than {@value #LONGEST_NAME} characters, the first id, how many more and 8 hex digits
 *       of the SHA-256 of the sorted ids ({@code replay/lem-convex+11-more-1a2b3c4d/}). A replay command
 *       printed in the report thus never replaces the full report.</li>
 *   <li>{@code --out} overrides both.</li>
 * </ol>
 */
final class ReportLocation {

    /** The system property naming the reports root. */
    static final String ROOT_PROPERTY = "advsharp.reports";

    private ReportLocation() {
    }

    /** The reports root, by the rules above. */
    static Path reportsRoot() {
        String property = System.getProperty(ROOT_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        Path repository = repositoryOfCode();
        return repository != null ? repository.resolve("reports") : Path.of("reports");
    }

    /** The report folder of a run of the claims in {@code filter} (empty: all claims). */
    static Path defaultFolder(Path root, Set<String> filter) {
        if (filter.isEmpty()) {
            return root;
        }
        List<String> ids = new TreeSet<>(filter).stream().map(id -> id.replaceAll("[^A-Za-z0-9._-]", "-")).toList();
        String joined = String.join("+", ids);
        String name = joined.length() <= LONGEST_NAME ? joined
                : ids.get(0) + "+" + (ids.size() - 1) + "-more-" + shortHash(String.join(",", new TreeSet<>(filter)));
        return root.resolve("replay").resolve(name);
    }

    /** The longest replay folder name made of joined ids; far below the 255 bytes file systems allow. */
    static final int LONGEST_NAME = 120;

    /**
     * Proves that {@code folder} can be written by doing it: creates the folder (and any missing parent),
     * writes and deletes a probe file in it and one in its parent (where the report is staged before it is
     * swapped in), then removes every folder this probe created. Fails with a message that begins with
     * {@code what}.
     */
    static void probeWritable(String what, Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(what + ": exists and is not a folder");
        }
        List<Path> created = new ArrayList<>();
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            created.add(0, p);
        }
        try {
            Files.createDirectories(dir);
            probe(dir);
            if (dir.getParent() != null) {
                probe(dir.getParent());
            }
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException(what + ": cannot be written (" + describe(e) + ")", e);
        } finally {
            for (int i = created.size() - 1; i >= 0; i--) {
                try {
                    Files.deleteIfExists(created.get(i));
                } catch (IOException e) {
                    // best effort: an empty folder left behind is harmless
                }
            }
        }
    }

    private static void probe(Path dir) throws IOException {
        Path file = Files.createTempFile(dir, ".advsharp-probe-", ".tmp");
        try {
            Files.write(file, new byte[] {1});
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String describe(Exception e) {
        String simple = e.getClass().getSimpleName();
        return e.getMessage() == null ? simple : simple + ": " + e.getMessage();
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** X for classes loaded from X/target/classes or X/target/advsharp.jar; null otherwise. */
    static Path repositoryOfCode() {
        try {
            var source = ReportLocation.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            return repositoryOf(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** X when {@code codeLocation} is X/target/classes or X/target/*.jar; null otherwise. */
    static Path repositoryOf(Path codeLocation) {
        Path target = codeLocation.toAbsolutePath().normalize().getParent();
        if (target == null || target.getFileName() == null || !target.getFileName().toString().equals("target")) {
            return null;
        }
        String name = codeLocation.getFileName().toString();
        boolean ours = name.equals("classes") || name.endsWith(".jar");
        return ours && target.getParent() != null && Files.isRegularFile(target.getParent().resolve("pom.xml"))
                ? target.getParent() : null;
    }
}
