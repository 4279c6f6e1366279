package org.iomworkbench.core.link;

import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Progress;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BlockingTest {
    @Test
    void dobMissingComparesOnlyPairsWithARecordWithoutADateOfBirth() {
        LinkRecords r = LinkRecords.builder()
                .add("CRIMES", "a", "Smith", "John", LocalDate.of(1990, 1, 2), "M", null, null, null)
                .add("CUSTODY", "b", "Smith", "John", LocalDate.of(1971, 5, 6), "M", null, null, null)
                .add("DIP", "c", "Smith", "John", null, "M", null, null, null)
                .build();
        List<long[]> pairs = new ArrayList<>();
        List<BlockingStats> stats = Blocking.run(r, List.of(BlockingRule.parse("names_sorted+dob_missing")), 600, 1,
                chunk -> (a, b, rule) -> {
                    synchronized (pairs) {
                        pairs.add(new long[]{Math.min(a, b), Math.max(a, b)});
                    }
                }, Progress.NONE, Cancellation.none());
        int c = r.indexOf(new RecordKey("DIP", "c"));
        assertThat(pairs).hasSize(2).allMatch(p -> p[0] == c || p[1] == c);
        assertThat(stats.get(0).pairsCompared()).isEqualTo(2);
    }

    @Test
    void initialsSortedBringsTogetherRecordsWithSurnameAndForenameSwapped() {
        LocalDate d = LocalDate.of(1992, 11, 11);
        LinkRecords r = LinkRecords.builder()
                .add("CRIMES", "a", "James", "Tunrer Lee", d, "M", null, null, null)
                .add("CUSTODY", "b", "Turner", "James Lee", d, "M", null, null, null)
                .add("DIP", "c", "Turner", "Kevin", d, "M", null, null, null)
                .build();
        List<long[]> pairs = new ArrayList<>();
        Blocking.run(r, List.of(BlockingRule.parse("dob_sorted+initials_sorted")), 600, 1,
                chunk -> (a, b, rule) -> {
                    synchronized (pairs) {
                        pairs.add(new long[]{Math.min(a, b), Math.max(a, b)});
                    }
                }, Progress.NONE, Cancellation.none());
        int a = r.indexOf(new RecordKey("CRIMES", "a"));
        int b = r.indexOf(new RecordKey("CUSTODY", "b"));
        assertThat(pairs).hasSize(1);
        assertThat(pairs.get(0)).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void theCapCountsTheAdmittedPairs() {
        LinkRecords.Builder b = LinkRecords.builder();
        for (int i = 0; i < 30; i++) {
            b.add("CRIMES", "d" + i, "Smith", "John", LocalDate.of(1960 + i, 1, 2), "M", null, null, null);
        }
        b.add("DIP", "x", "Smith", "John", null, "M", null, null, null);
        LinkRecords r = b.build();
        long[] count = new long[1];
        // 31 records (465 pairs) but only 30 admitted pairs: under a cap of 10 records (45 pairs)
        List<BlockingStats> stats = Blocking.run(r, List.of(BlockingRule.parse("names_sorted+dob_missing")), 10, 1,
                chunk -> (x, y, rule) -> {
                    synchronized (count) {
                        count[0]++;
                    }
                }, Progress.NONE, Cancellation.none());
        assertThat(count[0]).isEqualTo(30);
        assertThat(stats.get(0).cappedBlocks()).isZero();
    }
}
