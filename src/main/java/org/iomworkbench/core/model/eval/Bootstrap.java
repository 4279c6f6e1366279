package org.iomworkbench.core.model.eval;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.iomworkbench.core.util.Parallelism;

/**
 * The non-parametric bootstrap of a test set: {@code reps} resamples of the rows with
 * replacement (each a whole-number count per row, drawn with a seeded {@link SplittableRandom},
 * so a seed gives the same intervals every time, drawn side by side on the processors, each resample
 * from its own seed in one seeded sequence); percentile 95% intervals (2.5th and 97.5th
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
        int[] order = Sorting.ascendingInts(score);
        double[] auc = new double[reps];
        double[] spec = new double[reps];
        double[] sens = new double[reps];
        double[] ppv = new double[reps];
        double[] npv = new double[reps];
        double[] flagged = new double[reps];
        resamples(n, reps, seed, (w, r) -> {
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
        });
        int met = 0;
        int judged = 0;
        for (double v : spec) {
            if (!Double.isNaN(v)) {
                judged++;
                if (v >= targetSpecificity) {
                    met++;
                }
            }
        }
        return new Result(reps, interval(auc), interval(spec), interval(sens), interval(ppv), interval(npv),
                interval(flagged), judged == 0 ? Double.NaN : (double) met / judged);
    }

    /** What one resample computes: its row weights (how often each row was drawn) and its number. */
    @FunctionalInterface
    interface Body {
        void accept(int[] weights, int rep);
    }

    /**
     * Runs {@code body} on {@code reps} resamples of {@code n} rows, side by side on the available
     * processors. Resample r is drawn from a generator seeded with the r-th number of one seeded
     * sequence, so every resample, and so the result, is the same whatever the threads; the body
     * must only write what belongs to its own resample number.
     */
    static void resamples(int n, int reps, long seed, Body body) {
        long[] seeds = new SplittableRandom(seed).longs(reps).toArray();
        int threads = Math.max(1, Math.min(reps, Parallelism.threads()));
        java.util.stream.IntStream.range(0, threads).parallel().forEach(t -> {
            int[] w = new int[n];
            for (int r = t; r < reps; r += threads) {
                resample(w, new SplittableRandom(seeds[r]));
                body.accept(w, r);
            }
        });
    }

    /**
     * A paired comparison of two scores of the same rows: the percentile 95% interval of
     * AUC(a) − AUC(b) over {@code reps} resamples (each resample draws rows, and both scores of a
     * drawn row go with it, so what the two have in common cancels), and the share of resamples in
     * which {@code a}'s AUC is the higher.
     */
    public static Difference aucDifference(double[] a, double[] b, boolean[] label, int reps, long seed) {
        if (a.length != b.length || a.length != label.length) {
            throw new IllegalArgumentException("the two scores and the labels must have one value per row");
        }
        return difference(BinaryMetrics.auc(a, label) - BinaryMetrics.auc(b, label), aucs(a, label, reps, seed),
                aucs(b, label, reps, seed));
    }

    /**
     * The AUC of each of {@code reps} resamples (the same resamples, for a seed, as {@link #run}'s,
     * whose AUC interval is the {@link #interval} of these): drawn once, they serve a score's own
     * interval and its paired comparisons with others.
     */
    public static double[] aucs(double[] score, boolean[] label, int reps, long seed) {
        int[] order = Sorting.ascendingInts(score);
        double[] auc = new double[reps];
        resamples(score.length, reps, seed, (w, r) ->
                auc[r] = score.length == 0 ? Double.NaN : BinaryMetrics.aucSorted(score, label, w, order));
        return auc;
    }

    /**
     * A paired comparison from two scores' per-resample AUCs (of the same resamples, see
     * {@link #aucs}) and the difference of their AUCs on the rows themselves.
     */
    public static Difference difference(double pointDifference, double[] aucsA, double[] aucsB) {
        if (aucsA.length != aucsB.length) {
            throw new IllegalArgumentException("the two scores must have been resampled alike");
        }
        double[] diff = new double[aucsA.length];
        int higher = 0;
        int judged = 0;
        for (int r = 0; r < diff.length; r++) {
            diff[r] = aucsA[r] - aucsB[r];
            if (!Double.isNaN(diff[r])) {
                judged++;
                if (diff[r] > 0) {
                    higher++;
                }
            }
        }
        return new Difference(pointDifference, interval(diff), judged == 0 ? Double.NaN : (double) higher / judged);
    }

    /** AUC(a) − AUC(b) on the rows, its paired bootstrap interval, and the share of resamples where a's AUC is higher. */
    public record Difference(double auc, Interval interval, double pAHigher) {
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

    /**
     * A pointwise percentile 95% band of the ROC curve: for each false positive rate of
     * {@code grid}, the 2.5th and 97.5th percentiles over {@code reps} resamples of the highest
     * true positive rate reached at or below it. Returns {lower, upper}, each one value per grid point.
     */
    public static double[][] rocBand(double[] score, boolean[] label, double[] grid, int reps, long seed) {
        int n = score.length;
        int[] order = Sorting.ascendingInts(score);
        double[][] tpr = new double[grid.length][reps];
        resamples(n, reps, seed ^ 0x9E3779B97F4A7C15L, (w, r) -> {
            long pos = 0;
            long neg = 0;
            for (int i = 0; i < n; i++) {
                if (label[i]) {
                    pos += w[i];
                } else {
                    neg += w[i];
                }
            }
            // walking down the scores, x and y only grow: a grid point is settled by the last point
            // at or left of it, when the curve first passes it
            long tp = 0;
            long fp = 0;
            int gi = 0;
            double lastY = 0;
            int j = n - 1;
            while (j >= 0) {
                int k = j;
                while (k >= 0 && score[order[k]] == score[order[j]]) {
                    int row = order[k];
                    if (label[row]) {
                        tp += w[row];
                    } else {
                        fp += w[row];
                    }
                    k--;
                }
                double x = neg == 0 ? 0 : (double) fp / neg;
                double y = pos == 0 ? 0 : (double) tp / pos;
                while (gi < grid.length && x > grid[gi] + 1e-12) {
                    tpr[gi++][r] = lastY;
                }
                lastY = y;
                j = k;
            }
            while (gi < grid.length) {
                tpr[gi++][r] = lastY;
            }
        });
        double[][] out = new double[2][grid.length];
        for (int g = 0; g < grid.length; g++) {
            Interval i = interval(tpr[g]);
            out[0][g] = i.lo();
            out[1][g] = i.hi();
        }
        return out;
    }

    /**
     * A pointwise percentile 95% band of the precision–recall curve: for each recall of
     * {@code grid}, the 2.5th and 97.5th percentiles over the resamples of the precision at the
     * highest threshold that reaches that recall. Returns {lower, upper}; NaN where a resample
     * never reaches the recall.
     */
    public static double[][] precisionRecallBand(double[] score, boolean[] label, double[] grid, int reps, long seed) {
        int n = score.length;
        int[] order = Sorting.ascendingInts(score);
        double[][] prec = new double[grid.length][reps];
        resamples(n, reps, seed ^ 0x632BE59BD9B4E019L, (w, r) -> {
            long pos = 0;
            for (int i = 0; i < n; i++) {
                if (label[i]) {
                    pos += w[i];
                }
            }
            for (double[] row : prec) {
                row[r] = Double.NaN;
            }
            long tp = 0;
            long flagged = 0;
            int gi = 0;
            int j = n - 1;
            while (j >= 0 && pos > 0) {
                int k = j;
                while (k >= 0 && score[order[k]] == score[order[j]]) {
                    int row = order[k];
                    flagged += w[row];
                    if (label[row]) {
                        tp += w[row];
                    }
                    k--;
                }
                double recall = (double) tp / pos;
                double precision = flagged == 0 ? 1 : (double) tp / flagged;
                while (gi < grid.length && recall >= grid[gi] - 1e-12) {
                    prec[gi++][r] = precision;
                }
                j = k;
            }
        });
        double[][] out = new double[2][grid.length];
        for (int g = 0; g < grid.length; g++) {
            Interval i = interval(prec[g]);
            out[0][g] = i.lo();
            out[1][g] = i.hi();
        }
        return out;
    }

    /** One resample with replacement: how many times each of the n rows is drawn. */
    private static void resample(int[] w, SplittableRandom random) {
        Arrays.fill(w, 0);
        int n = w.length;
        for (int k = 0; k < n; k++) {
            w[random.nextInt(n)]++;
        }
    }
}
