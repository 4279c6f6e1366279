package org.iomworkbench.core.model.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Reliability of probabilities: {@code k} equal-width bins over [0, 1] (a probability of exactly
 * 1 falls in the last bin), and the expected calibration error
 * ECE = Σ_b (n_b / N) · |observed rate_b − mean predicted_b| over the non-empty bins.
 */
public final class Calibration {
    private Calibration() {
    }

    /** One bin: its bounds, count, positives, mean predicted probability and observed rate (NaN when empty). */
    public record Bin(double lo, double hi, long n, long positives, double meanPredicted, double observedRate) {
    }

    public static List<Bin> bins(double[] p, boolean[] label, int k) {
        long[] n = new long[k];
        long[] pos = new long[k];
        double[] sum = new double[k];
        for (int i = 0; i < p.length; i++) {
            int b = Math.min(k - 1, Math.max(0, (int) Math.floor(p[i] * k)));
            n[b]++;
            sum[b] += p[i];
            if (label[i]) {
                pos[b]++;
            }
        }
        List<Bin> out = new ArrayList<>(k);
        for (int b = 0; b < k; b++) {
            out.add(new Bin((double) b / k, (double) (b + 1) / k, n[b], pos[b], n[b] == 0 ? Double.NaN : sum[b] / n[b],
                    n[b] == 0 ? Double.NaN : (double) pos[b] / n[b]));
        }
        return out;
    }

    public static double ece(double[] p, boolean[] label, int k) {
        if (p.length == 0) {
            return Double.NaN;
        }
        double e = 0;
        for (Bin b : bins(p, label, k)) {
            if (b.n() > 0) {
                e += (double) b.n() / p.length * Math.abs(b.observedRate() - b.meanPredicted());
            }
        }
        return e;
    }
}
