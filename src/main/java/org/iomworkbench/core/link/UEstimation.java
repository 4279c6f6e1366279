package org.iomworkbench.core.link;

import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Parallelism;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Estimates u, the distribution of each field's comparison levels among non-matching pairs, from
 * pairs of records drawn at random (nearly all of which are different people), as Splink does.
 * Every pair is used when there are fewer than the sample size. Counts get half a pair each
 * (Jeffreys smoothing), so that a level never seen in the sample is rare, not impossible.
 */
final class UEstimation {
    private UEstimation() {
    }

    static double[][] estimate(LinkRecords r, long samplePairs, long seed, double minProbability, Cancellation cancel) {
        long[][] counts = emptyCounts();
        long all = (long) r.n * (r.n - 1) / 2;
        if (all <= samplePairs) {
            Comparisons cmp = new Comparisons(r);
            for (int a = 0; a < r.n; a++) {
                for (int b = a + 1; b < r.n; b++) {
                    add(counts, cmp.pattern(a, b));
                }
                if ((a & 255) == 0) {
                    cancel.check();
                }
            }
        } else {
            sampled(r, samplePairs, seed, counts, cancel);
        }
        return fromCounts(counts, minProbability);
    }

    /** Pairs drawn at a time, in the one seeded sequence, before they are compared side by side. */
    private static final int CHUNK = 1 << 18;

    /**
     * The random pairs: drawn one after another from the seed (so the sample is the same whatever
     * the threads), compared in slices side by side, one {@link Comparisons} a slice, and counted;
     * counts add up in any order, so the estimate is the same to the last digit.
     */
    private static void sampled(LinkRecords r, long samplePairs, long seed, long[][] counts, Cancellation cancel) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int slices = Parallelism.threads();
        Comparisons[] cmp = new Comparisons[slices];
        int[] as = new int[(int) Math.min(CHUNK, samplePairs)];
        int[] bs = new int[as.length];
        for (long done = 0; done < samplePairs; done += as.length) {
            cancel.check();
            int m = (int) Math.min(as.length, samplePairs - done);
            for (int k = 0; k < m; k++) {
                int a = rnd.nextInt(r.n);
                int b = rnd.nextInt(r.n - 1);
                if (b >= a) {
                    b++;
                }
                as[k] = a;
                bs[k] = b;
            }
            long[][][] part = new long[slices][][];
            IntStream.range(0, slices).parallel().forEach(t -> {
                if (cmp[t] == null) {
                    cmp[t] = new Comparisons(r);
                }
                long[][] c = emptyCounts();
                for (int k = (int) ((long) m * t / slices), to = (int) ((long) m * (t + 1) / slices); k < to; k++) {
                    add(c, cmp[t].pattern(as[k], bs[k]));
                }
                part[t] = c;
            });
            for (long[][] c : part) {
                for (int f = 0; f < Field.COUNT; f++) {
                    for (int l = 0; l < c[f].length; l++) {
                        counts[f][l] += c[f][l];
                    }
                }
            }
        }
    }

    private static long[][] emptyCounts() {
        long[][] counts = new long[Field.COUNT][];
        for (Field f : Field.ALL) {
            counts[f.ordinal()] = new long[f.levelCount()];
        }
        return counts;
    }

    static void add(long[][] counts, int pattern) {
        for (int k = 0; k < Field.COUNT; k++) {
            counts[k][(pattern >>> (4 * k)) & 0xF]++;
        }
    }

    /** Level probabilities conditional on both values being present; level 0 is 1 (no evidence). */
    static double[][] fromCounts(long[][] counts, double minProbability) {
        double[][] u = new double[Field.COUNT][];
        for (Field f : Field.ALL) {
            long[] c = counts[f.ordinal()];
            int levels = f.levelCount();
            double total = 0;
            for (int l = 1; l < levels; l++) {
                total += c[l] + 0.5;
            }
            u[f.ordinal()] = new double[levels];
            u[f.ordinal()][0] = 1;
            for (int l = 1; l < levels; l++) {
                u[f.ordinal()][l] = Math.max(minProbability, (c[l] + 0.5) / total);
            }
        }
        return u;
    }
}
