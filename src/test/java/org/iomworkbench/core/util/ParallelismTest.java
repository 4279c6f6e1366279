package org.iomworkbench.core.util;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Work run through Parallelism keeps to its threads, parallel streams included, and fails as it failed. */
class ParallelismTest {
    @Test
    void workKeepsToThePoolItRunsIn() throws Exception {
        assertThat(Parallelism.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(Parallelism.call(1, Parallelism::threads)).isEqualTo(1);
        assertThat(Parallelism.call(3, Parallelism::threads)).isEqualTo(3);
        // a parallel stream inside runs on the pool's one thread
        long threads = Parallelism.call(1, () -> IntStream.range(0, 10_000).parallel()
                .mapToObj(i -> Thread.currentThread().getName()).distinct().count());
        assertThat(threads).isEqualTo(1);
        // a pool made inside takes its size from there
        assertThat(Parallelism.call(1, () -> {
            var pool = Parallelism.pool(Parallelism.threads(), "inner");
            try {
                return pool.submit(() -> Thread.currentThread().getName() + "/" + Parallelism.threads()).get();
            } finally {
                pool.shutdown();
            }
        })).isEqualTo("inner-0/1");
    }

    @Test
    void whatTheWorkThrowsComesBackAsItWas() {
        assertThatThrownBy(() -> Parallelism.call(1, () -> {
            throw new IOException("disk");
        })).isInstanceOf(IOException.class).hasMessage("disk");
        assertThatThrownBy(() -> Parallelism.call(1, () -> {
            throw new WorkbenchException("bad", "fix", true);
        })).isInstanceOf(WorkbenchException.class);
        assertThatThrownBy(() -> Parallelism.call(1, () -> {
            throw new CancelledException();
        })).isInstanceOf(CancelledException.class);
    }
}
