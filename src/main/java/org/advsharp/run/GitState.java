package org.advsharp.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The commit the run was built from and whether the working tree had changes, read with {@code git}.
 * Without git, or outside a repository, both are unknown and {@link #note()} says why; a run never
 * fails for lack of git.
 *
 * @param commit full commit hash, or null when unknown
 * @param dirty  whether {@code git status --porcelain} listed anything, or null when unknown
 * @param note   why the state is unknown, or null when it is known
 */
public record GitState(String commit, Boolean dirty, String note) {

    /** How long one git call may take before the state is reported as unknown. */
    private static final long GIT_TIMEOUT_SECONDS = 10;

    /** Reads the state of the repository containing {@code directory}. */
    public static GitState of(Path directory) {
        try {
            String commit = git(directory, "rev-parse", "HEAD").trim();
            String status = git(directory, "status", "--porcelain");
            return new GitState(commit, !status.isBlank(), null);
        } catch (IOException e) {
            return new GitState(null, null, "git state unknown: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new GitState(null, null, "git state unknown: interrupted");
        }
    }

    /**
     * Reads the state of the repository the running code was built in: the folder holding its classes or
     * jar (target/classes or target/), falling back to the current directory. This is the commit of the
     * code that produced the evidence, wherever the command is run from.
     */
    public static GitState ofRunningCode() {
        try {
            var source = GitState.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                Path location = Path.of(source.getLocation().toURI());
                Path dir = java.nio.file.Files.isDirectory(location) ? location : location.getParent();
                if (dir != null) {
                    return of(dir);
                }
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // fall back to the current directory
        }
        return of(Path.of("").toAbsolutePath());
    }

    private static String git(Path directory, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("git is not available (" + e.getMessage() + ")", e);
        }
        process.getOutputStream().close();
        byte[] out;
        try (InputStream in = process.getInputStream()) {
            out = in.readAllBytes();
        }
        if (!process.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("git " + args[0] + " took longer than " + GIT_TIMEOUT_SECONDS + " s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            String firstLine = text.lines().findFirst().orElse("").trim();
            throw new IOException("git " + args[0] + " exited with " + process.exitValue()
                    + (firstLine.isEmpty() ? "" : ": " + firstLine));
        }
        return text;
    }
}
