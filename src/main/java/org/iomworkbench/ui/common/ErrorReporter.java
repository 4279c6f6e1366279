package org.iomworkbench.ui.common;

/** The one error path: tells the analyst what happened and what to do, and logs the details. */
@FunctionalInterface
public interface ErrorReporter {

    /**
     * @param activity what was being done, e.g. "Loading the extract folder"
     * @param error    what went wrong
     */
    void report(String activity, Throwable error);
}
