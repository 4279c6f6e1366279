package org.iomworkbench.ui.common;

import javafx.application.Platform;
import org.iomworkbench.core.util.CancelledException;
import org.iomworkbench.core.util.Parallelism;
import org.iomworkbench.core.util.Progress;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's {@link TaskRunner}: work runs on daemon worker threads, callbacks on the FX
 * application thread. Workers are not pooled to a fixed size so that a quick page of a table is
 * never queued behind a long load.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    /**
     * The threads a task's parallel steps may keep busy: one processor fewer than the machine has,
     * so that the FX thread, the render thread and the garbage collector always find one free
     * (UiResponsivenessBenchmark, 20,000 persons, two processors, five runs against three: longest
     * blocks while linking 141–196 ms against 162–306 ms with every processor on the task; in
     * training the runs spread more than they differ; training takes a fifth longer). Results do
     * not depend on it. The command line keeps every processor.
     */
    static final int BACKGROUND_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);

    private final ErrorReporter errors;
    private final java.util.concurrent.atomic.AtomicInteger active = new java.util.concurrent.atomic.AtomicInteger();
    /**
     * Task threads run at the lowest priority, and so do the threads they start (pools, the load's
     * writer, H2's): while the FX thread has work it gets a processor first. On Linux the JVM
     * honours priorities only with the options in {@code installer/jvm-linux.options}, which the
     * installer's launcher, {@code mvn javafx:run} and the tests use (UiResponsivenessBenchmark,
     * 20,000 persons, three runs against two: longest blocks while linking 67–201 ms against
     * 131–133 ms, in training 94–119 ms against 130–134 ms; the other stages within their spread).
     */
    private final ExecutorService workers = Executors.newCachedThreadPool(daemon("workbench-task", Thread.MIN_PRIORITY));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("workbench-timer",
            Thread.NORM_PRIORITY));

    public FxTaskRunner(ErrorReporter errors) {
        this.errors = Objects.requireNonNull(errors);
    }

    @Override
    public <T> void run(BackgroundTask<T> task) {
        active.incrementAndGet();
        try {
            execute(task);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the window is closing: a view's follow-up read asked for now has no one to show it to
            active.decrementAndGet();
        }
    }

    private <T> void execute(BackgroundTask<T> task) {
        workers.execute(() -> {
            try {
                T result = Parallelism.call(BACKGROUND_THREADS, () -> task.call(coalescing(task)));
                Platform.runLater(() -> finished(() -> guarded(task, () -> task.succeeded(result))));
            } catch (CancelledException e) {
                Platform.runLater(() -> finished(() -> guarded(task, task::cancelled)));
            } catch (Throwable e) {
                Platform.runLater(() -> finished(() -> {
                    guarded(task, () -> task.failed(e));
                    errors.report(task.description(), e);
                }));
            }
        });
    }

    private void finished(Runnable callback) {
        try {
            callback.run();
        } finally {
            active.decrementAndGet();
        }
    }

    /** Tasks started and not yet finished (their last callback not yet run on the FX thread). */
    public int activeTasks() {
        return active.get();
    }

    /**
     * Passes on only the latest progress report that the FX thread has not shown yet, so a fast
     * loop cannot flood the FX event queue.
     */
    private static Progress coalescing(BackgroundTask<?> task) {
        AtomicReference<ProgressUpdate> latest = new AtomicReference<>();
        AtomicBoolean posted = new AtomicBoolean();
        return (message, done, total) -> {
            latest.set(new ProgressUpdate(message, done, total));
            if (posted.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    posted.set(false);
                    task.progressed(latest.get());
                });
            }
        };
    }

    /** A bug in a callback must reach the analyst and the log like any other failure. */
    private void guarded(BackgroundTask<?> task, Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            errors.report(task.description(), e);
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        AtomicBoolean cancelled = new AtomicBoolean();
        ScheduledFuture<?> f = timer.schedule(() -> Platform.runLater(() -> {
            if (!cancelled.get()) {
                action.run();
            }
        }), delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> {
            cancelled.set(true);
            f.cancel(false);
        };
    }

    /**
     * Takes no new work. Running work is not interrupted: an interrupt can close the database
     * file under H2; the daemon workers end with the application instead.
     */
    @Override
    public void close() {
        workers.shutdown();
        timer.shutdownNow();
    }

    private static ThreadFactory daemon(String name, int priority) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(priority);
            return t;
        };
    }
}
