package org.iomworkbench.ui.common;

import org.iomworkbench.core.util.WorkbenchException;

/**
 * A failure put in plain words for the error dialog: what happened and what to do. Only a
 * {@link WorkbenchException} speaks to the analyst directly; any other exception is a fault in
 * the workbench, and its text (often a class name) stays in the log.
 *
 * @param title      the activity that failed, e.g. "Loading the extract folder failed"
 * @param whatHappened the failure in plain words
 * @param whatToDo   the analyst's next step
 */
public record Problem(String title, String whatHappened, String whatToDo) {

    public static Problem of(String activity, Throwable error) {
        String title = activity + " failed";
        WorkbenchException known = find(error);
        if (known != null) {
            String advice = known.advice() == null || known.advice().isBlank()
                    ? "See the log for details." : known.advice();
            return new Problem(title, known.getMessage(), advice);
        }
        if (error instanceof OutOfMemoryError) {
            return new Problem(title, "The workbench ran out of memory.",
                    "Close other programs or give the workbench more memory (java -Xmx…), then try again.");
        }
        return new Problem(title, "Something unexpected went wrong inside the workbench.",
                "Try again. If it happens again, send the log file to whoever supports the workbench.");
    }

    private static WorkbenchException find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof WorkbenchException w) {
                return w;
            }
        }
        return null;
    }
}
