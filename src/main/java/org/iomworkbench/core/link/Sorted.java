package org.iomworkbench.core.link;

import java.util.Arrays;

/**
 * Counting by sorting, for the link's per-record keys (a name, a name within a cluster): the
 * distinct values of a long array in order, whose positions then serve as dense ids found by
 * binary search. Millions of records are counted in primitive arrays instead of hash maps of
 * boxed keys (a few bytes a record instead of about a hundred).
 */
final class Sorted {
    private Sorted() {
    }

    /** The distinct values among the first {@code n} of {@code values}, ascending ({@code values} is left as it was). */
    static long[] distinct(long[] values, int n) {
        long[] v = Arrays.copyOf(values, n);
        Arrays.sort(v);
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (k == 0 || v[i] != v[k - 1]) {
                v[k++] = v[i];
            }
        }
        return Arrays.copyOf(v, k);
    }

    /**
     * The {@code n} first values, sorted, with how often each occurs: {@code [0]} the distinct
     * values ascending, {@code [1]} their counts (as longs).
     */
    static long[][] counted(long[] values, int n) {
        long[] v = Arrays.copyOf(values, n);
        Arrays.sort(v);
        long[] count = new long[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (k == 0 || v[i] != v[k - 1]) {
                v[k] = v[i];
                count[k++] = 1;
            } else {
                count[k - 1]++;
            }
        }
        return new long[][]{Arrays.copyOf(v, k), Arrays.copyOf(count, k)};
    }

    /** How often {@code key} occurs, from {@link #counted}; 0 when it does not. */
    static int count(long[][] counted, long key) {
        int at = Arrays.binarySearch(counted[0], key);
        return at < 0 ? 0 : (int) counted[1][at];
    }
}
