package org.iomworkbench.core.model.eval;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The non-parametric bootstrap of a test set: {@code reps} resamples of the rows with
 * replacement (each a whole-number count per row, drawn with a seeded {@link SplittableRandom},
 * so a seed gives the same intervals every time); percentile 95% intervals (2.5th and 97.5th
 * percentiles, linear interpolation between order statistics, resamples where a rate is undefined
 * left out) of the AUC and of the rates at a fixed threshold, and the share of resamples in which
 * the specificity meets a target.
 */
public final class Bootstrap {
    private Bootstrap() {
    }

    public record Interval(double lo, double hi) {
        public double[] toArray() {
            return new double[]{lo, hi};
        }
    }

    /** The intervals of one model at one threshold. */
    public record Result(int reps, Interval auc, Interval specificity, Interval sensitivity, Interval ppv, Interval npv,
                         Interval flagged, double pSpecificityMet) {
    }

    public static Result run(double[] score, boolean[] label, double threshold, double targetSpecificity, int reps,
                             long seed) {
        int n = score.length;
        Integer[] order = Sorting.ascending(score);
        SplittableRandom random = new SplittableRandom(seed);
        double[] auc = new double[reps];
        double[] spec = new double[reps];
        double[] sens = new double[reps];
        double[] ppv = new double[reps];
        double[] npv = new double[reps];
        double[] flagged = new double[reps];
        int met = 0;
        int judged = 0;
        int[] w = new int[n];
        for (int r = 0; r < reps; r++) {
            Arrays.fill(w, 0);
            for (int k = 0; k < n; k++) {
                w[random.nextInt(n)]++;
            }
            long tp = 0;
            long fp = 0;
            long tn = 0;
            long fn = 0;
            for (int i = 0; i < n; i++) {
                if (w[i] == 0) {
                    continue;
                }
                boolean f = score[i] >= threshold;
                if (label[i]) {
                    if (f) {
                        tp += w[i];
                    } else {
                        fn += w[i];
                    }
                } else if (f) {
                    fp += w[i];
                } else {
                    tn += w[i];
                }
            }
            auc[r] = n == 0 ? Double.NaN : BinaryMetrics.aucSorted(score, label, w, order);
            spec[r] = rate(tn, tn + fp);
            sens[r] = rate(tp, tp + fn);
            ppv[r] = rate(tp, tp + fp);
            npv[r] = rate(tn, tn + fn);
            flagged[r] = tp + fp;
            if (!Double.isNaN(spec[r])) {
                judged++;
                if (spec[r] >= targetSpecificity) {
                    met++;
                }
            }
        }
        return new Result(reps, interval(auc), interval(spec), interval(sens), interval(ppv), interval(npv),
                interval(flagged), judged == 0 ? Double.NaN : (double) met / judged);
    }

    private static double rate(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    /** The 2.5th and 97.5th percentiles of the defined values (NaN, NaN when none is). */
    public static Interval interval(double[] values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return new Interval(Double.NaN, Double.NaN);
        }
        return new Interval(quantile(v, 0.025), quantile(v, 0.975));
    }

    /** Linear interpolation between order statistics (R's type 7). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
