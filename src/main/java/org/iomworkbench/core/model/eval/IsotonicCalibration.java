package org.iomworkbench.core.model.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Isotonic calibration by pool-adjacent-violators: rows sorted by raw score (tied scores pooled
 * first), blocks merged while their rates decrease. Applied as a step function: a raw score gets
 * the rate of the last block whose lowest score is at or below it (the first block's below all),
 * so the calibrated probability never decreases with the raw score.
 */
public final class IsotonicCalibration implements Calibrator {
    private final double[] from;
    private final double[] rate;

    IsotonicCalibration(double[] from, double[] rate) {
        this.from = from;
        this.rate = rate;
    }

    public static IsotonicCalibration fit(double[] score, boolean[] label) {
        int[] order = Sorting.ascendingInts(score);
        List<double[]> blocks = new ArrayList<>(); // {lowest score, weight, positives}
        int i = 0;
        while (i < order.length) {
            int j = i;
            double w = 0;
            double pos = 0;
            while (j < order.length && score[order[j]] == score[order[i]]) {
                w++;
                if (label[order[j]]) {
                    pos++;
                }
                j++;
            }
            blocks.add(new double[]{score[order[i]], w, pos});
            while (blocks.size() >= 2) {
                double[] last = blocks.get(blocks.size() - 1);
                double[] prev = blocks.get(blocks.size() - 2);
                if (prev[2] / prev[1] > last[2] / last[1]) {
                    prev[1] += last[1];
                    prev[2] += last[2];
                    blocks.remove(blocks.size() - 1);
                } else {
                    break;
                }
            }
            i = j;
        }
        double[] from = new double[blocks.size()];
        double[] rate = new double[blocks.size()];
        for (int k = 0; k < from.length; k++) {
            from[k] = blocks.get(k)[0];
            rate[k] = blocks.get(k)[2] / blocks.get(k)[1];
        }
        return new IsotonicCalibration(from, rate);
    }

    @Override
    public double apply(double rawScore) {
        if (from.length == 0) {
            return Double.NaN;
        }
        int i = java.util.Arrays.binarySearch(from, rawScore);
        int k = i >= 0 ? i : -i - 2;
        return rate[Math.max(0, k)];
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "isotonic");
        m.put("from", from);
        m.put("rate", rate);
        return m;
    }

    static IsotonicCalibration fromJson(Map<String, Object> j) {
        return new IsotonicCalibration(toArray(j.get("from")), toArray(j.get("rate")));
    }

    private static double[] toArray(Object o) {
        if (o instanceof double[] d) {
            return d.clone();
        }
        List<?> xs = (List<?>) o;
        double[] d = new double[xs.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = ((Number) xs.get(i)).doubleValue();
        }
        return d;
    }
}
