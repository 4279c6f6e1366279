package org.iomworkbench.core.model.eval;

/**
 * Textbook metrics of scores against binary labels.
 * <ul>
 * <li>AUC: the Mann–Whitney statistic, P(score of a random positive &gt; score of a random
 * negative) + ½ P(tie), from average ranks; NaN without a positive or a negative.</li>
 * <li>Brier score: the mean of (p − y)².</li>
 * <li>Average precision: Σ (R_k − R_{k−1}) P_k over the distinct scores from the highest down,
 * tied scores taken together (scikit-learn's definition); NaN without a positive.</li>
 * </ul>
 */
public final class BinaryMetrics {
    private BinaryMetrics() {
    }

    public static double auc(double[] score, boolean[] label) {
        return auc(score, label, null);
    }

    /** AUC with a whole-number weight (count) per row, as a bootstrap resample gives; null = 1 each. */
    public static double auc(double[] score, boolean[] label, int[] weight) {
        return aucSorted(score, label, weight, Sorting.ascendingInts(score));
    }

    /** AUC given the rows in ascending order of score (ties in any order). */
    static double aucSorted(double[] score, boolean[] label, int[] weight, int[] order) {
        double pos = 0;
        double neg = 0;
        double rankSumPos = 0;
        double rank = 0; // weighted ranks: the rows before this tie group
        int i = 0;
        int n = order.length;
        while (i < n) {
            int j = i;
            double groupW = 0;
            double groupPos = 0;
            while (j < n && score[order[j]] == score[order[i]]) {
                int r = order[j];
                double w = weight == null ? 1 : weight[r];
                groupW += w;
                if (label[r]) {
                    groupPos += w;
                }
                j++;
            }
            // average rank of the tie group (1-based)
            double avg = rank + (groupW + 1) / 2.0;
            rankSumPos += avg * groupPos;
            pos += groupPos;
            neg += groupW - groupPos;
            rank += groupW;
            i = j;
        }
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / (pos * neg);
    }

    public static double brier(double[] p, boolean[] label) {
        if (p.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double d = p[i] - (label[i] ? 1 : 0);
            s += d * d;
        }
        return s / p.length;
    }

    public static double averagePrecision(double[] score, boolean[] label) {
        Integer[] order = Sorting.ascending(score);
        long positives = 0;
        for (boolean b : label) {
            if (b) {
                positives++;
            }
        }
        if (positives == 0) {
            return Double.NaN;
        }
        double ap = 0;
        long tp = 0;
        long flagged = 0;
        double lastRecall = 0;
        int j = order.length - 1;
        while (j >= 0) {
            int k = j;
            while (k >= 0 && score[order[k]] == score[order[j]]) {
                if (label[order[k]]) {
                    tp++;
                }
                flagged++;
                k--;
            }
            double recall = (double) tp / positives;
            double precision = (double) tp / flagged;
            ap += (recall - lastRecall) * precision;
            lastRecall = recall;
            j = k;
        }
        return ap;
    }

    public static double baseRate(boolean[] label) {
        if (label.length == 0) {
            return Double.NaN;
        }
        long n = 0;
        for (boolean b : label) {
            if (b) {
                n++;
            }
        }
        return (double) n / label.length;
    }
}
