package org.iomworkbench.ui.common;

/**
 * One report of a background task's progress, as core's {@code Progress} gives it.
 *
 * @param message what is being done, in the analyst's words
 * @param done    units done so far
 * @param total   units in all, or -1 when unknown
 */
public record ProgressUpdate(String message, long done, long total) {

    /** Fraction done for a progress bar, or -1 (indeterminate) when the total is unknown. */
    public double fraction() {
        return total > 0 ? Math.min(1.0, (double) done / total) : -1;
    }
}
