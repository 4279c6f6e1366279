package org.iomworkbench.core.util;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A producer on a thread of its own handing items over, in their order, to a consumer on the
 * caller's thread: reading a table's pages from H2 while the pages before are taken in, for
 * instance. With one thread to use ({@link Parallelism#threads()}) the producer calls the
 * consumer directly, on the caller's thread. Either way the consumer sees the same items in the
 * same order, so the result does not depend on the threads.
 * <p>
 * A failure on either side stops both and is rethrown on the caller's thread as it was.
 */
public final class Handoff {
    /** Items waiting between the two sides at most. */
    static final int WAITING = 8;

    private Handoff() {
    }

    /** What the producer hands each item to. */
    public interface Sink<T> {
        void accept(T item) throws Exception;
    }

    public interface Producer<T> {
        void produce(Sink<T> out) throws Exception;
    }

    private static final Object END = new Object();

    private record Failure(Throwable cause) {
    }

    /** A consumer's failure, seen by the producer's thread: stop quietly. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    public static <T> void run(Producer<T> producer, Sink<T> consumer) throws Exception {
        if (Parallelism.threads() <= 1) {
            producer.produce(consumer);
            return;
        }
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(WAITING);
        AtomicBoolean stop = new AtomicBoolean();
        // threads() > 1 here, so the producer runs on a thread of its own; closing waits for it
        try (Parallelism.Beside<Void, RuntimeException> producing = Parallelism.beside("handoff", () -> {
            Object last;
            try {
                producer.produce(item -> put(queue, item, stop));
                last = END;
            } catch (Stopped s) {
                return null;
            } catch (Throwable t) {
                last = new Failure(t);
            }
            try {
                put(queue, last, stop);
            } catch (Stopped | InterruptedException ignored) {
                // the consumer has given up already
            }
            return null;
        })) {
            try {
                consume(queue, consumer);
            } finally {
                stop.set(true);
                queue.clear(); // a producer waiting for room sees the stop within its next wait
            } // and the producer is done with whatever it used (a connection) before the caller goes on
        }
    }

    private static <T> void consume(BlockingQueue<Object> queue, Sink<T> consumer) throws Exception {
        try {
            while (true) {
                Object item = queue.take();
                if (item == END) {
                    return;
                }
                if (item instanceof Failure f) {
                    if (f.cause() instanceof Exception x) {
                        throw x;
                    }
                    throw (Error) f.cause();
                }
                @SuppressWarnings("unchecked")
                T t = (T) item;
                consumer.accept(t);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    private static void put(BlockingQueue<Object> queue, Object item, AtomicBoolean stop) throws InterruptedException {
        while (!queue.offer(item, 20, TimeUnit.MILLISECONDS)) {
            if (stop.get()) {
                throw new Stopped();
            }
        }
        if (stop.get()) {
            throw new Stopped();
        }
    }
}
