package org.iomworkbench.core.link;

import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Progress;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The chunks' kept pairs: trimmed when a chunk is done, collected in order into arrays sized for them. */
class PairScorerTest {
    private static final LocalDate D = LocalDate.of(1990, 3, 14);

    private static MatchModel model() {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Field f : Field.ALL) {
            double[] m = new double[f.levelCount()];
            java.util.Arrays.fill(m, 0.5);
            List<Double> p = java.util.Arrays.stream(m).boxed().toList();
            fields.put(f.name(), Map.of("m", p, "u", p));
        }
        return MatchModel.fromJson(Map.of("prior", 0.001, "fields", fields));
    }

    private static LinkRecords records(int n) {
        LinkRecords.Builder b = LinkRecords.builder();
        for (int i = 0; i < n; i++) {
            b.add("A", Integer.toString(i), i % 2 == 0 ? "Smith" : "Jones", "John", D.plusDays(i % 3), "M", "W1", null, null);
        }
        return b.build();
    }

    @Test
    void aDoneChunkGivesBackItsSpareRoomAndChunksAreCollectedInOrderWithoutGrowing() {
        LinkRecords r = records(10);
        MatchModel model = model();
        PairScorer first = new PairScorer(r, model, 0, 16);
        for (int i = 0; i < 5; i++) {
            first.add(i, i + 1, 100 + i, i * 0.5, 1);
        }
        first.done();
        assertThat(first.a).hasSize(5);
        assertThat(first.weight).containsExactly(0, 0.5, 1, 1.5, 2);
        PairScorer second = new PairScorer(r, model, 0, 2);
        for (int i = 0; i < 3; i++) {
            second.add(9, i, 200 + i, -i, 2); // grows past its room: 2 → 4
        }
        second.done();
        assertThat(second.a).hasSize(3);

        PairScorer all = new PairScorer(r, model, 0, 8);
        all.addAll(first);
        all.addAll(second);
        assertThat(all.size).isEqualTo(8);
        assertThat(all.a).hasSize(16).startsWith(0, 1, 2, 3, 4, 9, 9, 9); // its room: max(16, 8)
        assertThat(all.b).startsWith(1, 2, 3, 4, 5, 0, 1, 2);
        assertThat(all.pattern).startsWith(100, 101, 102, 103, 104, 200, 201, 202);
        assertThat(all.weight).startsWith(0, 0.5, 1, 1.5, 2, 0, -1, -2);
        assertThat(all.rule).startsWith(1, 1, 1, 1, 1, 2, 2, 2);

        PairScorer exact = new PairScorer(r, model, 0, 8);
        exact.addAll(first);
        exact.addAll(second);
        assertThat(exact.a).as("sized for them, no growth").hasSize(16);
    }

    @Test
    void blockingTellsEachChunkWhenItsLastPairHasBeenGiven() {
        LinkRecords r = records(400);
        Map<Integer, List<int[]>> pairs = new ConcurrentHashMap<>();
        Map<Integer, Boolean> done = new ConcurrentHashMap<>();
        AtomicInteger afterDone = new AtomicInteger();
        Blocking.run(r, List.of(BlockingRule.parse("surname")), 600, 2, chunk -> new Blocking.PairSink() {
            @Override
            public void pair(int a, int b, int rule) {
                if (done.containsKey(chunk)) {
                    afterDone.incrementAndGet();
                }
                pairs.computeIfAbsent(chunk, k -> new ArrayList<>()).add(new int[]{a, b});
            }

            @Override
            public void done() {
                assertThat(done.put(chunk, true)).as("done once").isNull();
            }
        }, Progress.NONE, Cancellation.none());
        assertThat(pairs).isNotEmpty();
        assertThat(done.keySet()).containsAll(pairs.keySet());
        assertThat(afterDone).hasValue(0);
        assertThat(pairs.values().stream().mapToInt(List::size).sum()).isEqualTo(200 * 199); // two surnames of 200
    }
}
