package org.iomworkbench.core.link;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many compared pairs fell at each match weight, in bins one bit wide from {@link #MIN} to
 * {@link #MAX} (the first and last bins also hold everything beyond).
 */
public final class WeightHistogram {
    public static final int MIN = -60;
    public static final int MAX = 60;
    private final long[] counts;

    WeightHistogram() {
        counts = new long[MAX - MIN];
    }

    private WeightHistogram(long[] counts) {
        this.counts = counts;
    }

    void add(double weight) {
        int bin = (int) Math.floor(weight) - MIN;
        counts[Math.max(0, Math.min(counts.length - 1, bin))]++;
    }

    void addAll(WeightHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    /** Bins with pairs: lower edge (bits) and count. */
    public List<Bin> bins() {
        List<Bin> out = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                out.add(new Bin(MIN + i, counts[i]));
            }
        }
        return out;
    }

    public long total() {
        long t = 0;
        for (long c : counts) {
            t += c;
        }
        return t;
    }

    Map<String, Object> toJson() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("min", MIN);
        j.put("counts", counts);
        return j;
    }

    @SuppressWarnings("unchecked")
    static WeightHistogram fromJson(Map<String, Object> j) {
        List<Number> xs = (List<Number>) j.get("counts");
        long[] c = new long[MAX - MIN];
        for (int i = 0; i < Math.min(c.length, xs.size()); i++) {
            c[i] = xs.get(i).longValue();
        }
        return new WeightHistogram(c);
    }

    /** Pairs with match weight in [lower, lower + 1). */
    public record Bin(int lower, long count) {
    }
}
