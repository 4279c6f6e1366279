package org.iomworkbench.ui.common;

import java.time.Duration;
import java.util.Objects;

/**
 * Runs only the latest of a burst of requests, once they pause for the delay: typing a filter
 * re-queries the database once, not once per key. Used on the UI thread only.
 */
public final class Debouncer {
    private final TaskRunner runner;
    private final Duration delay;
    private Cancellable pending;

    public Debouncer(TaskRunner runner, Duration delay) {
        this.runner = Objects.requireNonNull(runner);
        this.delay = Objects.requireNonNull(delay);
    }

    public void submit(Runnable action) {
        cancel();
        pending = runner.schedule(delay, () -> {
            pending = null;
            action.run();
        });
    }

    public void cancel() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }
}
