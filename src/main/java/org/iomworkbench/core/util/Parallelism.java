package org.iomworkbench.core.util;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;

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

    /** Work that may throw {@code X}. */
    public interface Work<T, X extends Exception> {
        T call() throws X;
    }

    /**
     * Starts {@code work} on a thread of its own when the current work may keep a second thread
     * busy ({@link #threads()} over 1), else does it at once on this thread; either way
     * {@link Beside#join} gives its result or rethrows what it threw, as it was.
     */
    public static <T, X extends Exception> Beside<T, X> beside(String name, Work<T, X> work) {
        return new Beside<>(name, work);
    }

    /** Work going on beside the caller's; closing it waits for the work to end (its failure, if any, left to {@link #join}). */
    public static final class Beside<T, X extends Exception> implements AutoCloseable {
        private final ForkJoinPool pool;
        private final Future<?> running;
        // set by the work's thread, read after running.get()
        private T result;
        private Throwable failure;

        private Beside(String name, Work<T, X> work) {
            Runnable doing = () -> {
                try {
                    result = work.call();
                } catch (Exception | Error e) {
                    failure = e; // caught here: a fork-join task would wrap what it throws
                }
            };
            if (threads() > 1) {
                pool = pool(1, name);
                running = pool.submit(doing);
            } else {
                pool = null;
                running = null;
                doing.run();
            }
        }

        /** Waits for the work; its result, or what it threw. */
        @SuppressWarnings("unchecked")
        public T join() throws X {
            if (running != null) {
                try {
                    running.get();
                } catch (ExecutionException e) {
                    failure = e.getCause(); // not thrown by the work itself (caught above)
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancelledException();
                } finally {
                    pool.shutdown();
                }
            }
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw (X) failure; // work.call() throws only X or unchecked
            }
            return result;
        }

        @Override
        public void close() {
            if (running != null && !pool.isShutdown()) {
                try {
                    running.get();
                } catch (ExecutionException ignored) {
                    // the caller is failing already; the work's own failure is not what it reports
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    pool.shutdown();
                }
            }
        }
    }
}
