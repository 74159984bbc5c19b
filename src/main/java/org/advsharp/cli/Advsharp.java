package org.advsharp.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code advsharp} command line: {@code verify} runs the suite's checks and writes the report;
 * {@code hessian} and {@code sweep} apply the suite's formulas to a person's own data; {@code resnet}
 * is the deep tier's entry.
 *
 * <p>Exit codes: 0 success; 1 {@code verify} ran and some claim FAILED; 2 bad input (one line on standard
 * error); 3 internal error; 4 {@code sweep} printed the rows of the radii it trained before one failed.
 * {@code --debug} adds stack traces.
 */
@Command(name = "advsharp", mixinStandardHelpOptions = true, versionProvider = Advsharp.Version.class,
        subcommands = {VerifyCommand.class, HessianCommand.class, SweepCommand.class, ResnetCommand.class,
                StudyCommand.class, ReportCommand.class},
        description = "Executable verification of \"Adversarial Training Makes Weight Loss Landscape Sharper in "
                + "Logistic Regression\" (arXiv 2102.02950).",
        footer = {"", "Exit codes: 0 ok, 1 a claim FAILED (verify), 2 bad input, 3 internal error, 4 a sweep radius "
                + "failed after earlier ones were trained (their rows are printed)."})
public final class Advsharp implements Callable<Integer> {

    public static final int EXIT_OK = 0;
    public static final int EXIT_CLAIM_FAILED = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_INTERNAL = 3;

    static {
        // DJL must never download or report usage; set before any engine could start.
        System.setProperty("DJL_OFFLINE", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("java.awt.headless", "true");
    }

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    private boolean debug;

    private final SuiteSources sources;
    private final String[] args;

    private Advsharp(SuiteSources sources, String[] args) {
        this.sources = sources;
        this.args = args.clone();
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(execute(args, out, err, SuiteSources.standard()));
    }

    /**
     * Runs one command line in this JVM and returns its exit code.
     *
     * @param sources the claims and checks {@code verify} runs
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, SuiteSources sources) {
        Advsharp root = new Advsharp(sources, args);
        CommandLine cmd = new CommandLine(root);
        OneLineErrors errors = new OneLineErrors(root);
        cmd.setOut(out).setErr(err).setParameterExceptionHandler(errors).setExecutionExceptionHandler(errors);
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name a command: " + String.join(", ", spec.subcommands().keySet()));
    }

    boolean debug() {
        return debug;
    }

    SuiteSources sources() {
        return sources;
    }

    /** The command line as typed, for the report's provenance: "advsharp ARGS", arguments shell-quoted. */
    String commandLine() {
        StringBuilder s = new StringBuilder("advsharp");
        for (String a : args) {
            s.append(' ').append(a.matches("[A-Za-z0-9_@%+=:,./-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return s.toString();
    }

    /** The version from the jar's manifest, or "development build". */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Advsharp.class.getPackage().getImplementationVersion();
            return new String[] {"advsharp " + (v == null ? "(development build)" : v)};
        }
    }
}
