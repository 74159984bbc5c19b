package org.advsharp.check;

/**
 * A (shrunk) counterexample to a claim's statement, printable as something a person can paste.
 *
 * @param summary       one line: what fails, with the key numbers
 * @param pasteable     the minimal instance as text a person can paste into a test (data, w, radii)
 * @param seed          the seed of the generated case it was shrunk from
 * @param shrinkSteps   how many successful shrink steps led to it
 * @param replayCommand the one-line command that reproduces it
 * @param reproduction  the instance as CSV files with the ./advsharp commands that recompute it, or
 *                      {@link Reproduction#NONE} where the command line cannot express it
 */
public record Counterexample(String summary, String pasteable, long seed, int shrinkSteps,
                             String replayCommand, Reproduction reproduction) {

    public Counterexample {
        reproduction = reproduction == null ? Reproduction.NONE : reproduction;
    }

    /** A counterexample without a command-line reproduction. */
    public Counterexample(String summary, String pasteable, long seed, int shrinkSteps, String replayCommand) {
        this(summary, pasteable, seed, shrinkSteps, replayCommand, Reproduction.NONE);
    }
}
