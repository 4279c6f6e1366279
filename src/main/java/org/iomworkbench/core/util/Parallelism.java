package org.iomworkbench.core.util;

import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * How many threads the core's parallel steps use: the parallelism of the fork-join pool the
 * caller's work runs in, or the processor count outside one. No setting is kept anywhere: a
 * caller that wants the core to leave processors free (the desktop window, so that its FX and
 * render threads are not starved while a long task runs) runs the work through
 * {@link #call(int, Callable)}. Parallel streams then run in that pool, and the steps that start
 * threads of their own (pair comparison, the model grid, the bootstrap) size them with
 * {@link #threads()} and run them as fork-join pools, so that the library code they call (Smile's
 * parallel streams) stays inside the same budget.
 * <p>
 * The results do not depend on the number of threads: every parallel step here divides its work
 * into pieces fixed by the data (blocks of rows, trees with their own seeds, resamples with their
 * own seeds) and puts the pieces together in their order.
 */
public final class Parallelism {
    private Parallelism() {
    }

    /** The threads the current work may keep busy: its fork-join pool's parallelism, else the processors. */
    public static int threads() {
        ForkJoinPool pool = ForkJoinTask.getPool();
        return pool != null ? pool.getParallelism() : Runtime.getRuntime().availableProcessors();
    }

    /**
     * A fork-join pool of {@code threads} daemon threads named {@code name-N}, for work of the
     * core's own that runs side by side; the caller shuts it down.
     */
    public static ForkJoinPool pool(int threads, String name) {
        ForkJoinPool.ForkJoinWorkerThreadFactory factory = p -> {
            var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName(name + "-" + t.getPoolIndex());
            t.setDaemon(true);
            return t;
        };
        return new ForkJoinPool(Math.max(1, threads), factory, null, false);
    }

    /**
     * Runs {@code work} in a pool of {@code threads} threads and waits for it; what it throws is
     * rethrown as it was.
     */
    public static <T> T call(int threads, Callable<T> work) throws Exception {
        ForkJoinPool pool = pool(threads, "work");
        // The outcome is caught inside the pool: a fork-join task would wrap what it throws.
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        try {
            pool.submit(() -> {
                try {
                    result[0] = work.call();
                } catch (Throwable t) {
                    failure[0] = t;
                }
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } finally {
            pool.shutdown();
        }
        if (failure[0] instanceof Exception x) {
            throw x;
        }
        if (failure[0] instanceof Error err) {
            throw err;
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
