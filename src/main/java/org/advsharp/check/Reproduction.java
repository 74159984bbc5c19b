package org.advsharp.check;

import java.util.List;

/**
 * How to reproduce a counterexample with the command line, without Java: CSV files to save under the
 * given names and the commands that read them.
 *
 * @param files    the files, in the order a person saves them
 * @param commands the commands, each one line, run in the folder where the files were saved
 */
public record Reproduction(List<File> files, List<String> commands) {

    /** No reproduction beyond the replay command. */
    public static final Reproduction NONE = new Reproduction(List.of(), List.of());

    public Reproduction {
        files = List.copyOf(files);
        commands = List.copyOf(commands);
    }

    /**
     * One file to save.
     *
     * @param name    its file name, e.g. "rem-full-top-not-monotone-data.csv"
     * @param content its text, numbers written so that they read back exactly
     */
    public record File(String name, String content) {
    }

    /** Whether there is nothing to show (not a bean getter, so JSON does not carry it). */
    public boolean absent() {
        return files.isEmpty() && commands.isEmpty();
    }
}
