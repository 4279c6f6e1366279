package org.iomworkbench.core.link;

import org.iomworkbench.core.util.Cancellation;

import java.util.SplittableRandom;

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
        long[][] counts = new long[Field.COUNT][];
        for (Field f : Field.ALL) {
            counts[f.ordinal()] = new long[f.levelCount()];
        }
        Comparisons cmp = new Comparisons(r);
        long all = (long) r.n * (r.n - 1) / 2;
        if (all <= samplePairs) {
            for (int a = 0; a < r.n; a++) {
                for (int b = a + 1; b < r.n; b++) {
                    add(counts, cmp.pattern(a, b));
                }
                if ((a & 255) == 0) {
                    cancel.check();
                }
            }
        } else {
            SplittableRandom rnd = new SplittableRandom(seed);
            for (long k = 0; k < samplePairs; k++) {
                int a = rnd.nextInt(r.n);
                int b = rnd.nextInt(r.n - 1);
                if (b >= a) {
                    b++;
                }
                add(counts, cmp.pattern(a, b));
                if ((k & 0xFFFF) == 0) {
                    cancel.check();
                }
            }
        }
        return fromCounts(counts, minProbability);
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
