package org.advsharp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.advsharp.claims.ClaimRegistry;
import org.advsharp.report.RecordMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code advsharp report FILES... --out DIR}: one report from any set of results files (shards of the claims,
 * several master seeds, a GPU machine's run, the records under reports/records/), merged by {@link RecordMerge}:
 * the last file that ran a claim gives its verdict. Prints, and writes next to the report, each claim's verdict
 * in every file and whether they agree.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Merge results files (shards, seeds, records, a GPU run) into one report; print per-claim "
                + "verdict stability.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "results.json files or records.")
    private List<Path> files;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder of the merged report.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException("report: " + f + ": no such file");
            }
        }
        String stability = RecordMerge.stability(files);
        Path index = RecordMerge.write(files, ClaimRegistry.load().claims(), out);
        PrintWriter console = spec.commandLine().getOut();
        console.print(stability);
        console.println("report: " + index);
        return Advsharp.EXIT_OK;
    }
}
