package org.deskphone.config.format;

/**
 * A file that cannot be read as what it claims to be: nothing of it may be applied. The only exception
 * the readers in this package throw for bad input, whatever the input.
 */
public final class FormatException extends Exception {
    private final transient Problem problem;

    public FormatException(String source, int line, String message) {
        this(Problem.error(source, line, message));
    }

    public FormatException(Problem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    /** The file, line and message, as an error. */
    public Problem problem() {
        return problem;
    }
}
