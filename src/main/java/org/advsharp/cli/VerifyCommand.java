package org.advsharp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.advsharp.check.CheckContext;
import org.advsharp.claims.Verdict;
import org.advsharp.report.HtmlReport;
import org.advsharp.run.ClaimResult;
import org.advsharp.run.SuiteResult;
import org.advsharp.run.SuiteRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code advsharp verify}: runs the checks of all claims (or of the named ones) with a master seed, prints
 * progress, writes the report folder (index.html and results.json) and exits with 1 if any claim FAILED.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Run the checks, write the HTML report and results.json, exit 1 if any claim FAILED.")
final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    private Advsharp root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--claims", split = ",", paramLabel = "IDS",
            description = "Comma-separated claim ids to run (default: all).")
    private List<String> claims = List.of();

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (default: ${DEFAULT-VALUE}).")
    private long seed = CheckContext.DEFAULT_SEED;

    @Option(names = "--tries", paramLabel = "N",
            description = "Random cases per check instead of each check's default (positive).")
    private Integer tries;

    @Option(names = "--out", paramLabel = "DIR", description = "Report folder (default: ${DEFAULT-VALUE}).")
    private Path out = Path.of("reports");

    @Override
    public Integer call() throws IOException {
        if (tries != null && tries <= 0) {
            throw new IllegalArgumentException("--tries must be a positive number of cases, got " + tries);
        }
        PrintWriter console = spec.commandLine().getOut();
        Set<String> filter = new LinkedHashSet<>();
        claims.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(filter::add);
        SuiteRunner runner = new SuiteRunner(root.sources().claims(), root.sources().checks());
        CheckContext context = new CheckContext(seed, tries == null ? 0 : tries, line -> {
            console.println(line);
            console.flush();
        });
        checkWritable(out);
        SuiteResult result = runner.run(context, filter, root.commandLine());
        Path index = HtmlReport.write(result, out);
        summarize(result, index, console);
        return result.anyFailed() ? Advsharp.EXIT_CLAIM_FAILED : Advsharp.EXIT_OK;
    }

    /** Refuses early (before the checks run) a report folder that cannot be written. */
    private static void checkWritable(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (java.nio.file.Files.exists(abs) && !java.nio.file.Files.isDirectory(abs)) {
            throw new IllegalArgumentException("--out " + dir + ": exists and is not a folder");
        }
        Path existing = abs;
        while (existing != null && !java.nio.file.Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !java.nio.file.Files.isDirectory(existing)
                || !java.nio.file.Files.isWritable(existing)) {
            throw new IllegalArgumentException("--out " + dir + ": cannot be written ("
                    + (existing == null ? "no existing parent" : existing + " is not a writable folder") + ")");
        }
    }

    private static void summarize(SuiteResult result, Path index, PrintWriter console) {
        StringBuilder counts = new StringBuilder();
        for (Map.Entry<Verdict, Integer> e : result.counts().entrySet()) {
            counts.append(counts.length() == 0 ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey().label());
        }
        console.println(result.claims().size() + " claims: " + counts);
        for (ClaimResult c : result.claims()) {
            if (c.verdict() == Verdict.FAILED || c.verdict() == Verdict.NOT_RUN
                    || c.verdict() == Verdict.INCONCLUSIVE) {
                console.println("  " + c.verdict().label() + " " + c.claim().id() + ": " + c.explanation());
            }
        }
        console.println("report: " + index);
        console.flush();
    }
}
