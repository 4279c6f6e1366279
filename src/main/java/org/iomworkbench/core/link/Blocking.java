package org.iomworkbench.core.link;

import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.util.WorkbenchException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Candidate pairs from blocking rules. Each rule's records are grouped by key (a sort of packed
 * key/index longs); a pair is compared under the first rule that brings it together and skipped
 * by later rules that also do, so no pair is compared twice. Blocks larger than the cap are not
 * compared, and reported.
 */
final class Blocking {
    private static final int INDEX_BITS = 24;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    /** Receives the pairs of one chunk of blocks, on one worker thread. */
    interface PairSink {
        void pair(int a, int b, int rule);

        /** The chunk's last pair has been given (on the same worker thread). */
        default void done() {
        }
    }

    private Blocking() {
    }

    static void checkSize(LinkRecords r) {
        if (r.n > INDEX_MASK) {
            throw new WorkbenchException("Too many person records to link at once (" + r.n + ").",
                    "Link at most " + INDEX_MASK + " records.", true);
        }
    }

    /** Sorted packed (key prefix, index) of the records that have a key; keys written to {@code keys}. */
    private static long[] group(LinkRecords r, BlockingRule rule, long[] keys) {
        int count = 0;
        for (int i = 0; i < r.n; i++) {
            keys[i] = rule.key(r, i);
            if (keys[i] != 0) {
                count++;
            }
        }
        long[] packed = new long[count];
        int k = 0;
        for (int i = 0; i < r.n; i++) {
            if (keys[i] != 0) {
                packed[k++] = (keys[i] & ~INDEX_MASK) | i;
            }
        }
        Arrays.parallelSort(packed);
        return packed;
    }

    /**
     * Compares every candidate pair of every rule once, in chunks on {@code threads} threads;
     * {@code sinks} makes the sink of chunk {@code c} (chunks are numbered in a fixed order).
     */
    static List<BlockingStats> run(LinkRecords r, List<BlockingRule> rules, int maxBlock, int threads,
                               IntFunction<PairSink> sinks, Progress progress, Cancellation cancel) {
        checkSize(r);
        int nRules = rules.size();
        long[][] keys = new long[nRules][r.n];
        List<BlockingStats> stats = new ArrayList<>();
        int chunkNo = 0;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), t -> {
            Thread th = new Thread(t, "link-compare");
            th.setDaemon(true);
            return th;
        });
        try {
            for (int ri = 0; ri < nRules; ri++) {
                cancel.check();
                progress.update("Comparing pairs: rule " + (ri + 1) + " of " + nRules + " (" + rules.get(ri) + ")", ri, nRules);
                BlockingRule rule = rules.get(ri);
                long[] packed = group(r, rule, keys[ri]);
                // block boundaries; capped blocks leave the rule (their records' keys are cleared)
                List<int[]> blocks = new ArrayList<>();
                long nBlocks = 0;
                long capped = 0;
                long largest = 0;
                long notCompared = 0;
                long totalPairs = 0;
                int start = 0;
                while (start < packed.length) {
                    int end = start + 1;
                    long prefix = packed[start] & ~INDEX_MASK;
                    while (end < packed.length && (packed[end] & ~INDEX_MASK) == prefix) {
                        end++;
                    }
                    int size = end - start;
                    // the pairs the rule would compare in the block (for dob_missing: those with a record without a date of birth)
                    long pairs = (long) size * (size - 1) / 2;
                    if (rule.onlyWithoutDob()) {
                        long without = 0;
                        for (int k = start; k < end; k++) {
                            if (r.dob[(int) (packed[k] & INDEX_MASK)] == LinkRecords.NONE) {
                                without++;
                            }
                        }
                        pairs = without * (size - without) + without * (without - 1) / 2;
                    }
                    if (size > 1 && pairs > 0) {
                        nBlocks++;
                        if (pairs > (long) maxBlock * (maxBlock - 1) / 2) {
                            capped++;
                            largest = Math.max(largest, size);
                            notCompared += pairs;
                            for (int k = start; k < end; k++) {
                                keys[ri][(int) (packed[k] & INDEX_MASK)] = 0;
                            }
                        } else {
                            blocks.add(new int[]{start, end});
                            totalPairs += pairs;
                        }
                    }
                    start = end;
                }
                // chunks of about equal pair counts
                long perChunk = Math.max(20_000, totalPairs / (Math.max(1, threads) * 16L));
                List<Future<Long>> futures = new ArrayList<>();
                int from = 0;
                while (from < blocks.size()) {
                    int to = from;
                    long pairs = 0;
                    while (to < blocks.size() && pairs < perChunk) {
                        int[] b = blocks.get(to);
                        pairs += (long) (b[1] - b[0]) * (b[1] - b[0] - 1) / 2;
                        to++;
                    }
                    List<int[]> mine = blocks.subList(from, to);
                    PairSink sink = sinks.apply(chunkNo++);
                    final int ruleNo = ri;
                    futures.add(pool.submit(() -> {
                        long n = compare(r, rules, packed, mine, keys, ruleNo, sink, cancel);
                        sink.done();
                        return n;
                    }));
                    from = to;
                }
                long compared = 0;
                for (Future<Long> f : futures) {
                    compared += f.get();
                }
                stats.add(new BlockingStats(rules.get(ri).toString(), nBlocks, compared, capped, largest, notCompared));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkbenchException("Linking was interrupted.", "Run it again.", false, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new WorkbenchException("Comparing pairs failed: " + e.getCause(), "See the log for details.", false, e);
        } finally {
            pool.shutdownNow();
        }
        return stats;
    }

    private static long compare(LinkRecords r, List<BlockingRule> rules, long[] packed, List<int[]> blocks, long[][] keys,
                                int rule, PairSink sink, Cancellation cancel) {
        BlockingRule own0 = rules.get(rule);
        long compared = 0;
        long[] own = keys[rule];
        int sinceCheck = 0;
        for (int[] block : blocks) {
            for (int x = block[0]; x < block[1]; x++) {
                int a = (int) (packed[x] & INDEX_MASK);
                long ka = own[a];
                next:
                for (int y = x + 1; y < block[1]; y++) {
                    int b = (int) (packed[y] & INDEX_MASK);
                    if (own[b] != ka || !own0.admits(r, a, b)) {
                        continue; // a different key with the same prefix, or a pair the rule leaves out
                    }
                    for (int q = 0; q < rule; q++) {
                        long kq = keys[q][a];
                        if (kq != 0 && kq == keys[q][b] && rules.get(q).admits(r, a, b)) {
                            continue next; // an earlier rule compared it
                        }
                    }
                    sink.pair(a, b, rule);
                    compared++;
                }
            }
            if (++sinceCheck >= 256) {
                sinceCheck = 0;
                cancel.check();
            }
        }
        return compared;
    }

    /**
     * Samples about {@code maxPairs} pairs uniformly from the blocks of one rule (all of them when
     * there are fewer), for training; returns the number of pairs in its blocks.
     */
    static long sample(LinkRecords r, BlockingRule rule, long maxPairs, SplittableRandom rnd, PairSink sink) {
        checkSize(r);
        long[] keys = new long[r.n];
        long[] packed = group(r, rule, keys);
        List<int[]> blocks = new ArrayList<>();
        long total = 0;
        int start = 0;
        while (start < packed.length) {
            int end = start + 1;
            while (end < packed.length && keys[(int) (packed[end] & INDEX_MASK)] == keys[(int) (packed[start] & INDEX_MASK)]) {
                end++;
            }
            // (a prefix collision between two keys splits here only when keys are adjacent; good enough for sampling)
            int size = end - start;
            if (size > 1) {
                blocks.add(new int[]{start, end});
                total += (long) size * (size - 1) / 2;
            }
            start = end;
        }
        double rate = total <= maxPairs ? 1.0 : (double) maxPairs / total;
        for (int[] b : blocks) {
            int size = b[1] - b[0];
            long pairs = (long) size * (size - 1) / 2;
            if (rate >= 1.0) {
                for (int x = b[0]; x < b[1]; x++) {
                    for (int y = x + 1; y < b[1]; y++) {
                        sink.pair((int) (packed[x] & INDEX_MASK), (int) (packed[y] & INDEX_MASK), 0);
                    }
                }
            } else {
                double expected = pairs * rate;
                long k = (long) expected + (rnd.nextDouble() < expected - Math.floor(expected) ? 1 : 0);
                for (long t = 0; t < k; t++) {
                    int x = b[0] + rnd.nextInt(size);
                    int y = b[0] + rnd.nextInt(size - 1);
                    if (y >= x) {
                        y++;
                    }
                    sink.pair((int) (packed[x] & INDEX_MASK), (int) (packed[y] & INDEX_MASK), 0);
                }
            }
        }
        return total;
    }
}
