package org.iomworkbench.core.model.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The confusion matrix at a threshold: a row is flagged when its score is at or above the
 * threshold. Every rate is null when its denominator is 0.
 */
public record Confusion(long tp, long fp, long tn, long fn) {

    public static Confusion at(double[] score, boolean[] label, double threshold) {
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < score.length; i++) {
            boolean flagged = score[i] >= threshold;
            if (label[i]) {
                if (flagged) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (flagged) {
                fp++;
            } else {
                tn++;
            }
        }
        return new Confusion(tp, fp, tn, fn);
    }

    public long n() {
        return tp + fp + tn + fn;
    }

    public long flagged() {
        return tp + fp;
    }

    /** TN / (TN + FP). */
    public Double specificity() {
        return ratio(tn, tn + fp);
    }

    /** TP / (TP + FN). */
    public Double sensitivity() {
        return ratio(tp, tp + fn);
    }

    /** TP / (TP + FP): precision. */
    public Double ppv() {
        return ratio(tp, tp + fp);
    }

    /** TN / (TN + FN). */
    public Double npv() {
        return ratio(tn, tn + fn);
    }

    /** FP / (FP + TN). */
    public Double fpr() {
        return ratio(fp, fp + tn);
    }

    /** FN / (FN + TP). */
    public Double fnr() {
        return ratio(fn, fn + tp);
    }

    /** (TP + FP) / N. */
    public Double selectionRate() {
        return ratio(tp + fp, n());
    }

    /** (TP + FN) / N. */
    public Double baseRate() {
        return ratio(tp + fn, n());
    }

    public Double accuracy() {
        return ratio(tp + tn, n());
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tp", tp);
        m.put("fp", fp);
        m.put("tn", tn);
        m.put("fn", fn);
        return m;
    }

    static Double ratio(double a, double b) {
        return b == 0 ? null : a / b;
    }
}
