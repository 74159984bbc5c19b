package org.advsharp.data;

/**
 * A data file that cannot be read as what it claims to be: the message names the file, the place
 * (line for text files, record or byte offset for binary files) and the problem, so that a person can
 * open the file and find it.
 *
 * <p>It is an {@link IllegalArgumentException} because a corrupt file is bad input, not a defect of the
 * suite. Genuine I/O failures (a missing file, a permission problem) are reported the same way, with
 * the underlying exception as the cause.
 */
public final class DataFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String location;
    private final String problem;

    /**
     * @param source   the file name (or resource name) as the user gave it
     * @param location where in the file, e.g. "line 12" or "record 3 (byte 9219)"; may be empty
     * @param problem  what is wrong, in words
     */
    public DataFileException(String source, String location, String problem) {
        this(source, location, problem, null);
    }

    /** As {@link #DataFileException(String, String, String)}, with the exception that revealed it. */
    public DataFileException(String source, String location, String problem, Throwable cause) {
        super(source + (location.isEmpty() ? "" : ": " + location) + ": " + problem, cause);
        this.source = source;
        this.location = location;
        this.problem = problem;
    }

    /** The file or resource name. */
    public String source() {
        return source;
    }

    /** Where in the file the problem is ("line 12", "record 3 (byte 9219)", or empty). */
    public String location() {
        return location;
    }

    /** The problem, in words, without the file and location. */
    public String problem() {
        return problem;
    }
}
