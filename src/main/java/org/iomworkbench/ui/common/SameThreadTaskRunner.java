package org.iomworkbench.ui.common;

import org.iomworkbench.core.util.CancelledException;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * A {@link TaskRunner} for tests and scripts: everything runs on the calling thread, either at
 * once or, when deferred, only when {@link #runPending()} is called, so a test can look at the
 * state between "asked for" and "arrived". Delays are not waited for.
 */
public final class SameThreadTaskRunner implements TaskRunner {
    private final ErrorReporter errors;
    private final boolean deferred;
    private final Deque<Runnable> pending = new ArrayDeque<>();

    private SameThreadTaskRunner(ErrorReporter errors, boolean deferred) {
        this.errors = Objects.requireNonNull(errors);
        this.deferred = deferred;
    }

    /** Runs each task and scheduled action as soon as it is submitted. */
    public static SameThreadTaskRunner immediate(ErrorReporter errors) {
        return new SameThreadTaskRunner(errors, false);
    }

    /** Queues tasks and scheduled actions until {@link #runPending()}. */
    public static SameThreadTaskRunner deferred(ErrorReporter errors) {
        return new SameThreadTaskRunner(errors, true);
    }

    @Override
    public <T> void run(BackgroundTask<T> task) {
        submit(() -> execute(task));
    }

    private <T> void execute(BackgroundTask<T> task) {
        T result;
        try {
            result = task.call((m, d, t) -> task.progressed(new ProgressUpdate(m, d, t)));
        } catch (CancelledException e) {
            task.cancelled();
            return;
        } catch (Exception e) {
            task.failed(e);
            errors.report(task.description(), e);
            return;
        }
        task.succeeded(result);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        boolean[] cancelled = {false};
        submit(() -> {
            if (!cancelled[0]) {
                action.run();
            }
        });
        return () -> cancelled[0] = true;
    }

    private void submit(Runnable r) {
        if (deferred) {
            pending.add(r);
        } else {
            r.run();
        }
    }

    /** Runs queued work, including work queued meanwhile, until none is left; returns how many ran. */
    public int runPending() {
        int n = 0;
        Runnable r;
        while ((r = pending.poll()) != null) {
            r.run();
            n++;
        }
        return n;
    }

    public int pendingCount() {
        return pending.size();
    }
}
