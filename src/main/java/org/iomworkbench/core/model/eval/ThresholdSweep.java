package org.iomworkbench.core.model.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores sorted once, so that the confusion matrix at any threshold is a binary search away
 * (for a slider over hundreds of thousands of predictions), the threshold that meets a target
 * specificity, and the ROC, precision–recall and gains curves. Flagged means score ≥ threshold.
 */
public final class ThresholdSweep {
    /** The distinct scores, ascending. */
    private final double[] distinct;
    /** Positives and negatives with a score at or above {@code distinct[k]}. */
    private final long[] posAtOrAbove;
    private final long[] negAtOrAbove;
    private final long positives;
    private final long negatives;

    public ThresholdSweep(double[] score, boolean[] label) {
        int n = score.length;
        int[] order = Sorting.ascendingInts(score);
        double[] d = new double[n];
        long[] pos = new long[n];
        long[] neg = new long[n];
        int k = -1;
        for (int i = 0; i < n; i++) {
            int r = order[i];
            if (k < 0 || score[r] != d[k]) {
                k++;
                d[k] = score[r];
            }
            if (label[r]) {
                pos[k]++;
            } else {
                neg[k]++;
            }
        }
        int m = k + 1;
        distinct = Arrays.copyOf(d, m);
        posAtOrAbove = new long[m + 1];
        negAtOrAbove = new long[m + 1];
        for (int j = m - 1; j >= 0; j--) {
            posAtOrAbove[j] = posAtOrAbove[j + 1] + pos[j];
            negAtOrAbove[j] = negAtOrAbove[j + 1] + neg[j];
        }
        positives = m == 0 ? 0 : posAtOrAbove[0];
        negatives = m == 0 ? 0 : negAtOrAbove[0];
    }

    public long positives() {
        return positives;
    }

    public long negatives() {
        return negatives;
    }

    /** The distinct scores, ascending. */
    public double[] distinctScores() {
        return distinct.clone();
    }

    /** The confusion matrix when everyone with score ≥ {@code threshold} is flagged. */
    public Confusion at(double threshold) {
        int j = firstAtOrAbove(threshold);
        long tp = posAtOrAbove[j];
        long fp = negAtOrAbove[j];
        return new Confusion(tp, fp, negatives - fp, positives - tp);
    }

    private int firstAtOrAbove(double threshold) {
        int i = Arrays.binarySearch(distinct, threshold);
        if (i >= 0) {
            return i;
        }
        return -i - 1;
    }

    /**
     * The lowest threshold, among the distinct scores and +∞ (flag nobody), at which the
     * specificity is at least {@code target}, so the target is met on these data by construction;
     * +∞ when only flagging nobody meets it; the lowest score when there is no negative.
     */
    public double thresholdForSpecificity(double target) {
        if (negatives == 0) {
            return distinct.length == 0 ? Double.POSITIVE_INFINITY : distinct[0];
        }
        // specificity rises as the threshold rises: find the smallest index meeting the target
        int lo = 0;
        int hi = distinct.length; // distinct.length stands for +infinity (specificity 1)
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            double spec = (double) (negatives - negAtOrAbove[mid]) / negatives;
            if (spec >= target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo == distinct.length ? Double.POSITIVE_INFINITY : distinct[lo];
    }

    /** One point of a curve, with the threshold that gives it. */
    public record Point(double x, double y, double threshold) {
    }

    /** ROC: (false positive rate, true positive rate) from (0, 0) at +∞ down to (1, 1). */
    public List<Point> roc() {
        List<Point> out = new ArrayList<>(distinct.length + 1);
        out.add(new Point(0, 0, Double.POSITIVE_INFINITY));
        for (int j = distinct.length - 1; j >= 0; j--) {
            out.add(new Point(negatives == 0 ? 0 : (double) negAtOrAbove[j] / negatives,
                    positives == 0 ? 0 : (double) posAtOrAbove[j] / positives, distinct[j]));
        }
        return out;
    }

    /** Precision–recall: (recall, precision) for each distinct threshold, from the highest. */
    public List<Point> precisionRecall() {
        List<Point> out = new ArrayList<>(distinct.length);
        for (int j = distinct.length - 1; j >= 0; j--) {
            long flagged = posAtOrAbove[j] + negAtOrAbove[j];
            out.add(new Point(positives == 0 ? 0 : (double) posAtOrAbove[j] / positives,
                    flagged == 0 ? 1 : (double) posAtOrAbove[j] / flagged, distinct[j]));
        }
        return out;
    }

    /** Cumulative gains: (share of people flagged, share of all positives among them). */
    public List<Point> gains() {
        long n = positives + negatives;
        List<Point> out = new ArrayList<>(distinct.length + 1);
        out.add(new Point(0, 0, Double.POSITIVE_INFINITY));
        for (int j = distinct.length - 1; j >= 0; j--) {
            long flagged = posAtOrAbove[j] + negAtOrAbove[j];
            out.add(new Point(n == 0 ? 0 : (double) flagged / n, positives == 0 ? 0 : (double) posAtOrAbove[j] / positives,
                    distinct[j]));
        }
        return out;
    }
}
