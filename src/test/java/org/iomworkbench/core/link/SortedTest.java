package org.iomworkbench.core.link;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Counting by sorting gives what counting in a hash map gives. */
class SortedTest {
    @Test
    void distinctValuesAreSortedAndLeaveTheInputAsItWas() {
        long[] v = {5, -3, 5, 9, -3, 0, 7};
        long[] before = v.clone();
        assertThat(Sorted.distinct(v, 7)).containsExactly(-3, 0, 5, 7, 9);
        assertThat(Sorted.distinct(v, 3)).containsExactly(-3, 5);
        assertThat(Sorted.distinct(v, 0)).isEmpty();
        assertThat(v).containsExactly(before);
    }

    @Test
    void countsAgreeWithAHashMapOnRandomKeys() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 50_000;
        long[] keys = new long[n + 10];
        Map<Long, Integer> expected = new HashMap<>();
        for (int i = 0; i < n; i++) {
            // cluster-and-name keys as the link builds them, with many repeats and some negative ids
            keys[i] = ((long) r.nextInt(-5, 3_000) << 32) | r.nextInt(0, 40);
            expected.merge(keys[i], 1, Integer::sum);
        }
        keys[n] = Long.MAX_VALUE; // beyond n: not counted
        long[][] counted = Sorted.counted(keys, n);
        assertThat(counted[0]).hasSize(expected.size()).isSorted();
        Map<Long, Integer> got = new TreeMap<>();
        for (int i = 0; i < counted[0].length; i++) {
            got.put(counted[0][i], (int) counted[1][i]);
        }
        assertThat(got).isEqualTo(new TreeMap<>(expected));
        for (int i = 0; i < 1_000; i++) {
            long k = keys[r.nextInt(n)];
            assertThat(Sorted.count(counted, k)).isEqualTo(expected.get(k));
        }
        assertThat(Sorted.count(counted, Long.MAX_VALUE)).isZero();
        assertThat(Sorted.count(counted, ((long) 5_000 << 32) | 1)).isZero();
    }
}
