package org.advsharp.run;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.advsharp.results.Unverified;

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
        return of(codeDirectory());
    }

    /** The folder holding the running code's classes or jar, else the current directory. */
    private static Path codeDirectory() {
        try {
            var source = GitState.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                Path location = Path.of(source.getLocation().toURI());
                Path dir = Files.isDirectory(location) ? location : location.getParent();
                if (dir != null) {
                    return dir;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall back to the current directory
        }
        return Path.of("").toAbsolutePath();
    }

    /** A full or abbreviated commit hash, as a results file records it. */
    private static final Pattern COMMIT_HASH = Pattern.compile("[0-9a-f]{7,64}");
    /** Characters of a hash shown in a reason. */
    private static final int SHORT_HASH = 7;

    /** The history of the repository the running code was built in (see {@link #ofRunningCode()}). */
    public static Unverified.CommitHistory historyOfRunningCode() {
        return history(codeDirectory());
    }

    /**
     * The history of the repository containing {@code directory}, as a merge asks about it: a commit is in it
     * when {@code git merge-base --is-ancestor C HEAD} says so (HEAD itself included). Where git or the
     * repository is absent every answer is "commit cannot be checked: ..."; nothing is guessed. Answers are
     * kept, one git call per commit.
     */
    public static Unverified.CommitHistory history(Path directory) {
        String absent;
        try {
            Outcome repository = call(directory, "rev-parse", "--git-dir");
            absent = repository.exit == 0 ? null : "commit cannot be checked: no git repository";
        } catch (IOException e) {
            absent = "commit cannot be checked: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            absent = "commit cannot be checked: interrupted";
        }
        String noRepository = absent;
        Map<String, String> answers = new HashMap<>();
        return commit -> noRepository != null ? noRepository
                : answers.computeIfAbsent(commit, c -> whyNotIn(directory, c)).transform(a -> a.isEmpty() ? null : a);
    }

    /** Why {@code commit} is not in the history of HEAD, or "" when it is. */
    private static String whyNotIn(Path directory, String commit) {
        if (!COMMIT_HASH.matcher(commit).matches()) {
            return "commit '" + commit + "' is not a commit hash";
        }
        String outside = "commit " + commit.substring(0, SHORT_HASH) + " is not in this repository's history";
        try {
            if (call(directory, "cat-file", "-e", commit + "^{commit}").exit != 0) {
                return outside;
            }
            int ancestor = call(directory, "merge-base", "--is-ancestor", commit, "HEAD").exit;
            return ancestor == 0 ? "" : ancestor == 1 ? outside
                    : "commit cannot be checked: git merge-base exited with " + ancestor;
        } catch (IOException e) {
            return "commit cannot be checked: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "commit cannot be checked: interrupted";
        }
    }

    private static String git(Path directory, String... args) throws IOException, InterruptedException {
        Outcome outcome = call(directory, args);
        if (outcome.exit != 0) {
            String firstLine = outcome.text.lines().findFirst().orElse("").trim();
            throw new IOException("git " + args[0] + " exited with " + outcome.exit
                    + (firstLine.isEmpty() ? "" : ": " + firstLine));
        }
        return outcome.text;
    }

    /** A finished git call: its exit status and its output (stdout and stderr together). */
    private record Outcome(int exit, String text) {
    }

    private static Outcome call(Path directory, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
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
        return new Outcome(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
