package org.advsharp.claims;

/**
 * A proofs/ file that does not follow the claim format. The message has the form
 * {@code "proofs/hessian.md:12: problem"}, so an editor can jump to the place.
 */
public final class ClaimFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String problem;

    /**
     * @param file    the file name as given to the parser, e.g. "proofs/hessian.md"
     * @param line    1-based line number of the offending line
     * @param problem what is wrong, in words a person can act on
     */
    public ClaimFormatException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** The file the problem is in. */
    public String file() {
        return file;
    }

    /** The 1-based line number of the problem. */
    public int line() {
        return line;
    }

    /** The problem without the location prefix. */
    public String problem() {
        return problem;
    }
}
