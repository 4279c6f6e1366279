package org.iomworkbench.core.util;

/** Receives progress of long work; called from the working thread. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (message, done, total) -> { };

    /**
     * @param message what is being done, in the analyst's words
     * @param done    units done so far
     * @param total   units in all, or -1 when unknown
     */
    void update(String message, long done, long total);
}
