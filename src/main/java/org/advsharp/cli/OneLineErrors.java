package org.advsharp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How the command line fails: one line on standard error naming the command and the problem, and an exit
 * code a script can act on. Bad input (options, files, numbers, an unwritable output folder) exits with
 * {@link Advsharp#EXIT_BAD_INPUT}; anything else is a defect of the tool and exits with
 * {@link Advsharp#EXIT_INTERNAL}. A stack trace is printed only with {@code --debug}.
 */
final class OneLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    private final Advsharp root;

    OneLineErrors(Advsharp root) {
        this.root = root;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(qualifiedName(cmd) + ": " + e.getMessage() + " (see '" + qualifiedName(cmd) + " --help')");
        if (root.debug() || containsDebug(args)) {
            e.printStackTrace(err);
        }
        err.flush();
        return Advsharp.EXIT_BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        boolean badInput = e instanceof IllegalArgumentException || e instanceof IOException
                || e instanceof UncheckedIOException;
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (badInput) {
            err.println(qualifiedName(cmd) + ": " + message.lines().findFirst().orElse(message));
        } else {
            err.println(qualifiedName(cmd) + ": internal error: " + e.getClass().getSimpleName() + ": "
                    + message.lines().findFirst().orElse(message)
                    + (root.debug() ? "" : " (rerun with --debug for the stack trace)"));
        }
        if (root.debug()) {
            e.printStackTrace(err);
        }
        err.flush();
        return badInput ? Advsharp.EXIT_BAD_INPUT : Advsharp.EXIT_INTERNAL;
    }

    private static String qualifiedName(CommandLine cmd) {
        return cmd.getParent() == null ? cmd.getCommandName()
                : qualifiedName(cmd.getParent()) + " " + cmd.getCommandName();
    }

    private static boolean containsDebug(String[] args) {
        for (String a : args) {
            if (a.equals("--debug")) {
                return true;
            }
        }
        return false;
    }
}
