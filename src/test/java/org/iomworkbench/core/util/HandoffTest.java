package org.iomworkbench.core.util;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandoffTest {

    private static List<Integer> handOver(int threads, int items) throws Exception {
        List<Integer> seen = new ArrayList<>();
        List<String> producedOn = new ArrayList<>();
        Parallelism.call(threads, () -> {
            String caller = Thread.currentThread().getName();
            Handoff.<Integer>run(out -> {
                producedOn.add(Thread.currentThread().getName());
                for (int i = 0; i < items; i++) {
                    out.accept(i);
                }
            }, item -> {
                assertThat(Thread.currentThread().getName()).isEqualTo(caller);
                seen.add(item);
            });
            assertThat(producedOn).hasSize(1);
            assertThat(producedOn.get(0).equals(caller)).as("produced on the caller's thread").isEqualTo(threads == 1);
            return null;
        });
        return seen;
    }

    @Test
    void everyItemArrivesInItsOrderOnOneThreadOrTwo() throws Exception {
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            expected.add(i);
        }
        assertThat(handOver(2, 10_000)).isEqualTo(expected);
        assertThat(handOver(1, 10_000)).isEqualTo(expected);
        assertThat(handOver(2, 0)).isEmpty();
    }

    @Test
    void theProducersFailureReachesTheCallerAsItWas() {
        IllegalArgumentException boom = new IllegalArgumentException("bad row");
        List<Integer> seen = new ArrayList<>();
        assertThatThrownBy(() -> Parallelism.call(2, () -> {
            Handoff.<Integer>run(out -> {
                out.accept(1);
                out.accept(2);
                throw boom;
            }, seen::add);
            return null;
        })).isSameAs(boom);
        assertThat(seen).containsExactly(1, 2);
    }

    @Test
    void theConsumersFailureStopsTheProducer() {
        AtomicInteger produced = new AtomicInteger();
        IllegalStateException boom = new IllegalStateException("unknown code");
        assertThatThrownBy(() -> Parallelism.call(2, () -> {
            Handoff.<Integer>run(out -> {
                for (int i = 0; i < 1_000_000; i++) {
                    produced.incrementAndGet();
                    out.accept(i);
                }
            }, item -> {
                if (item == 100) {
                    throw boom;
                }
            });
            return null;
        })).isSameAs(boom);
        // run() returns only once the producer has stopped: no more items are made after it
        int atReturn = produced.get();
        assertThat(atReturn).isLessThan(100 + Handoff.WAITING + 3);
    }
}
