package org.iomworkbench.core.score;

import java.util.Arrays;
import java.util.List;

/**
 * The four cut-offs of section 5 and the bands they make: {@code LOW} (< c1),
 * {@code LOW_MEDIUM} [c1, c2), {@code HIGH_MEDIUM} [c2, c3), {@code HIGH} [c3, c4),
 * {@code SUPER_HIGH} (>= c4); an RFSDi of 0 is always {@code LOW}.
 */
public record Cutoffs(double c1, double c2, double c3, double c4) {
    /** The default percentiles: 50th, 80th, 95th and 99th. */
    private static final double[] PERCENTILES = {0.50, 0.80, 0.95, 0.99};

    public Cutoffs {
        for (double c : new double[]{c1, c2, c3, c4}) {
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("cut-offs must be finite numbers");
            }
        }
        if (!(c1 <= c2 && c2 <= c3 && c3 <= c4)) {
            throw new IllegalArgumentException("cut-offs must be in increasing order");
        }
    }

    /** Cut-offs set by value: they must be strictly increasing ({@code c1 < c2 < c3 < c4}). */
    public static Cutoffs ofValues(double[] c) {
        if (c.length != 4) {
            throw new IllegalArgumentException("four cut-offs expected, not " + c.length);
        }
        if (!(c[0] < c[1] && c[1] < c[2] && c[2] < c[3])) {
            throw new IllegalArgumentException("cut-offs must be strictly increasing: c1 < c2 < c3 < c4");
        }
        return new Cutoffs(c[0], c[1], c[2], c[3]);
    }

    /**
     * The 50th, 80th, 95th and 99th percentiles of the positive values among {@code values},
     * each by linear interpolation between order statistics (R type 7, numpy's default).
     *
     * @throws IllegalArgumentException when no value is positive
     */
    public static Cutoffs percentilesOfPositive(double[] values) {
        double[] pos = Arrays.stream(values).filter(v -> v > 0).sorted().toArray();
        if (pos.length == 0) {
            throw new IllegalArgumentException("no person has a positive RFSDi at the calibration date");
        }
        return new Cutoffs(type7(pos, PERCENTILES[0]), type7(pos, PERCENTILES[1]), type7(pos, PERCENTILES[2]),
                type7(pos, PERCENTILES[3]));
    }

    /** R type 7 quantile of sorted values: {@code x[lo] + (h - lo) * (x[lo+1] - x[lo])} with {@code h = (n-1) p}. */
    static double type7(double[] sorted, double p) {
        int n = sorted.length;
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return sorted[n - 1];
        }
        double frac = h - lo;
        return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
    }

    public Band band(double rfsdi) {
        return Band.of(bandOrdinal(rfsdi));
    }

    int bandOrdinal(double r) {
        if (r == 0) {
            return 0;
        }
        return r >= c4 ? 4 : r >= c3 ? 3 : r >= c2 ? 2 : r >= c1 ? 1 : 0;
    }

    public double[] toArray() {
        return new double[]{c1, c2, c3, c4};
    }

    public List<Double> toList() {
        return List.of(c1, c2, c3, c4);
    }
}
