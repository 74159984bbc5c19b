package org.advsharp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.advsharp.report.HtmlReport;
import org.advsharp.report.Plural;
import org.advsharp.report.RecordMerge;
import org.advsharp.results.ClaimOutcome;
import org.advsharp.results.Results;
import org.advsharp.run.GitState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code advsharp report FILES... --out DIR}: one report from any set of results files (shards of the claims,
 * several master seeds, a GPU machine's run, the records under reports/records/), merged by the one rule of
 * {@code results.ResultsMerge}: the last file that ran a claim gives its verdict. Writes the merged
 * {@code results.json} and {@code index.html}, and, when several files were merged, {@value RecordMerge#STABILITY}
 * (each claim's verdict in every file and whether they agree); prints what it merged and that summary. A claim
 * not in this catalogue, or from a commit not in this repository's history ({@code run.GitState}), is kept but
 * shown UNVERIFIED with its reason, never as a verdict ({@code results.Unverified}).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Merge results files (shards, seeds, records, a GPU run) into one report and results.json; "
                + "with several files, print and write per-claim verdict stability.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Advsharp root;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "results.json files or records.")
    private List<Path> files;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder of the merged report.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException(f + ": no such file");
            }
        }
        Results merged = RecordMerge.write(files, root.sources().claims(), GitState.historyOfRunningCode(), out);
        PrintWriter console = spec.commandLine().getOut();
        console.println("merged " + Plural.of(files.size(), "file") + " (" + Plural.of(merged.claims().size(), "claim")
                + ", " + Plural.of(merged.runs().size(), "run") + "): "
                + String.join(", ", files.stream().map(Path::toString).toList()));
        for (ClaimOutcome c : merged.unverified()) {
            console.println("UNVERIFIED " + c.id() + " (" + merged.runOf(c).file() + "): " + c.unverified());
        }
        if (files.size() > 1) {
            console.print(RecordMerge.stability(merged, files));
            console.println("stability: " + out.resolve(RecordMerge.STABILITY));
        }
        console.println("results: " + out.resolve(HtmlReport.RESULTS));
        console.println("report: " + out.resolve(HtmlReport.INDEX));
        return Advsharp.EXIT_OK;
    }
}
