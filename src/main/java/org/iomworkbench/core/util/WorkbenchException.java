package org.iomworkbench.core.util;

/**
 * A failure the analyst can act on: {@link #getMessage()} says what happened in plain
 * words and {@link #advice()} what to do. {@link #isBadInput()} separates refused input
 * (exit code 2) from other failures (exit code 1).
 */
public class WorkbenchException extends RuntimeException {
    private final String advice;
    private final boolean badInput;

    public WorkbenchException(String message, String advice, boolean badInput) {
        super(message);
        this.advice = advice;
        this.badInput = badInput;
    }

    public WorkbenchException(String message, String advice, boolean badInput, Throwable cause) {
        super(message, cause);
        this.advice = advice;
        this.badInput = badInput;
    }

    /** The workspace database failed in a way the analyst cannot fix; details go to the log. */
    public static WorkbenchException database(java.sql.SQLException e) {
        return new WorkbenchException("The workspace database reported an error: " + e.getMessage(),
                "See the log for details.", false, e);
    }

    public String advice() {
        return advice;
    }

    public boolean isBadInput() {
        return badInput;
    }
}
