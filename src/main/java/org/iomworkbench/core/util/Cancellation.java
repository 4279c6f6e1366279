package org.iomworkbench.core.util;

import java.util.concurrent.atomic.AtomicBoolean;

/** A flag that long work checks between batches; set by the UI's Cancel or a test. */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Throws {@link CancelledException} when cancellation was asked for. */
    public void check() {
        if (cancelled.get()) {
            throw new CancelledException();
        }
    }
}
