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
import org.advsharp.report.Plural;
import org.advsharp.report.RecordMerge;
import org.advsharp.results.ClaimOutcome;
import org.advsharp.results.Results;
import org.advsharp.results.ResultsJson;
import org.advsharp.run.GitState;
import org.advsharp.run.SuiteRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

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

    @Option(names = "--claims", paramLabel = "IDS",
            description = "Comma-separated claim ids to run (default: all). A run of some claims writes "
                    + "REPORTS/replay/<id or ids-hash>/ unless --out is given.")
    private String claims;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (default: ${DEFAULT-VALUE}).")
    private long seed = CheckContext.DEFAULT_SEED;

    @Option(names = "--tries", paramLabel = "N",
            description = "Random cases per check instead of each check's default (positive).")
    private Integer tries;

    @Option(names = "--out", paramLabel = "DIR", description = "Report folder (default: the repository's "
            + "reports/ for a run of all claims, reports/replay/<id>/ for a run of some).")
    private Path out;

    @Override
    public Integer call() throws IOException {
        if (tries != null && tries <= 0) {
            throw new IllegalArgumentException("--tries must be a positive number of cases, got " + tries);
        }
        PrintWriter console = spec.commandLine().getOut();
        Set<String> filter = new LinkedHashSet<>();
        if (claims != null) {
            filter.addAll(Inputs.commaList("--claims", claims));
        }
        SuiteRunner runner = new SuiteRunner(root.sources().claims(), root.sources().checks());
        runner.select(filter);
        Path folder = out != null ? out : ReportLocation.defaultFolder(ReportLocation.reportsRoot(), filter);
        ReportLocation.probeWritable(out != null ? "--out " + out : "report folder " + folder, folder);
        CheckContext context = new CheckContext(seed, tries == null ? 0 : tries, line -> {
            console.println(line);
            console.flush();
        });
        Results result = runner.run(context, filter, root.commandLine());
        List<Path> records = RecordMerge.records(ReportLocation.reportsRoot().resolve(RecordMerge.RECORDS));
        Path index = RecordMerge.writeRun(ResultsJson.write(result), records, root.sources().claims(),
                GitState.historyOfRunningCode(), folder);
        summarize(result, index, console);
        return result.anyFailed() ? Advsharp.EXIT_CLAIM_FAILED : Advsharp.EXIT_OK;
    }

    /**
     * The counts per verdict, then each FAILED, INCONCLUSIVE and NOT RUN claim with the rule's reason, in the
     * verdict words: "  NOT RUN inst:x: none of its 1 check ran (...)." (the reason without the verdict again).
     */
    static void summarize(Results result, Path index, PrintWriter console) {
        StringBuilder counts = new StringBuilder();
        for (Map.Entry<Verdict, Integer> e : result.counts().entrySet()) {
            counts.append(counts.length() == 0 ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey().label());
        }
        console.println(Plural.of(result.claims().size(), "claim") + ": " + counts);
        for (ClaimOutcome c : result.claims()) {
            if (c.verdict() == Verdict.FAILED || c.verdict() == Verdict.NOT_RUN
                    || c.verdict() == Verdict.INCONCLUSIVE) {
                String label = c.verdict().label();
                String why = c.explanation().startsWith(label + ": ")
                        ? c.explanation().substring(label.length() + 2) : c.explanation();
                console.println("  " + label + " " + c.id() + ": " + why);
            }
        }
        console.println("report: " + index);
        console.flush();
    }
}
