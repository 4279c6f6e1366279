package org.iomworkbench.ui.common;

import java.time.Duration;

/**
 * The one way view models run work off the UI thread. Callbacks of a task, and scheduled
 * actions, always run on the UI thread (the FX application thread in the app, the calling
 * thread in tests), so view-model state is only ever touched there.
 */
public interface TaskRunner {

    /** Starts {@code task}; its callbacks run later on the UI thread. */
    <T> void run(BackgroundTask<T> task);

    /** Runs {@code action} on the UI thread after {@code delay}, unless cancelled first. */
    Cancellable schedule(Duration delay, Runnable action);
}
