package org.iomworkbench.core.util;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Parallelism#beside}: work on a thread of its own with a second processor, at once without. */
class BesideTest {

    @Test
    void theResultOrTheFailureAsItWasOnOneThreadOrTwo() throws Exception {
        for (int threads : new int[] {1, 2}) {
            String[] where = Parallelism.call(threads, () -> {
                String caller = Thread.currentThread().getName();
                try (Parallelism.Beside<String, RuntimeException> b = Parallelism.beside("test",
                        () -> Thread.currentThread().getName())) {
                    return new String[] {caller, b.join()};
                }
            });
            assertThat(where[1].equals(where[0])).as("on the caller's thread with %d", threads).isEqualTo(threads == 1);

            SQLException boom = new SQLException("chunk not found");
            assertThatThrownBy(() -> Parallelism.call(threads, () -> {
                try (Parallelism.Beside<Void, SQLException> b = Parallelism.beside("test", () -> {
                    throw boom;
                })) {
                    return b.join();
                }
            })).isSameAs(boom);
        }
    }

    @Test
    void closingWaitsForTheWorkWhenTheCallerFails() {
        AtomicBoolean finished = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        assertThatThrownBy(() -> Parallelism.call(2, () -> {
            try (Parallelism.Beside<Void, InterruptedException> b = Parallelism.beside("test", () -> {
                started.countDown();
                Thread.sleep(200);
                finished.set(true);
                return null;
            })) {
                started.await();
                throw new IllegalStateException("the caller's own failure");
            }
        })).hasMessage("the caller's own failure");
        assertThat(finished).as("the work ended before the failure left").isTrue();
    }
}
