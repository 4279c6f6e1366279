package org.iomworkbench.core.model.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metrics of a k-class prediction given as a probability vector per row: top-1 accuracy, top-3
 * accuracy (the true class among the three most likely, ties broken by the lower class index),
 * macro-F1 (the mean over the classes that occur in the truth or the predictions of each class's
 * F1 = 2PR/(P+R), 0 when undefined) and the k×k confusion matrix (rows true, columns predicted).
 */
public record MultiClassMetrics(int n, double top1, double top3, double macroF1, long[][] confusion) {

    public static MultiClassMetrics of(int[] truth, double[][] prob, int k) {
        int[] predicted = new int[truth.length];
        int top1 = 0;
        int top3 = 0;
        for (int i = 0; i < truth.length; i++) {
            int[] rank = topK(prob[i], Math.min(3, k));
            predicted[i] = rank[0];
            if (rank[0] == truth[i]) {
                top1++;
            }
            for (int c : rank) {
                if (c == truth[i]) {
                    top3++;
                    break;
                }
            }
        }
        return fromPredictions(truth, predicted, k, top1, top3);
    }

    /** For a baseline that names one class per row (its top-3 is then its top-1). */
    public static MultiClassMetrics ofPredicted(int[] truth, int[] predicted, int k) {
        int top1 = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == predicted[i]) {
                top1++;
            }
        }
        return fromPredictions(truth, predicted, k, top1, top1);
    }

    private static MultiClassMetrics fromPredictions(int[] truth, int[] predicted, int k, int top1, int top3) {
        long[][] cm = new long[k][k];
        for (int i = 0; i < truth.length; i++) {
            cm[truth[i]][predicted[i]]++;
        }
        double f1Sum = 0;
        int classes = 0;
        for (int c = 0; c < k; c++) {
            long tp = cm[c][c];
            long actual = 0;
            long pred = 0;
            for (int j = 0; j < k; j++) {
                actual += cm[c][j];
                pred += cm[j][c];
            }
            if (actual == 0 && pred == 0) {
                continue;
            }
            classes++;
            double p = pred == 0 ? 0 : (double) tp / pred;
            double r = actual == 0 ? 0 : (double) tp / actual;
            f1Sum += p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
        int n = truth.length;
        return new MultiClassMetrics(n, n == 0 ? Double.NaN : (double) top1 / n, n == 0 ? Double.NaN : (double) top3 / n,
                classes == 0 ? Double.NaN : f1Sum / classes, cm);
    }

    /** The indices of the {@code m} largest probabilities, largest first, ties to the lower index. */
    public static int[] topK(double[] p, int m) {
        int[] out = new int[m];
        boolean[] used = new boolean[p.length];
        for (int r = 0; r < m; r++) {
            int best = -1;
            for (int c = 0; c < p.length; c++) {
                if (!used[c] && (best < 0 || p[c] > p[best])) {
                    best = c;
                }
            }
            out[r] = best;
            used[best] = true;
        }
        return out;
    }

    public Map<String, Object> toJson(List<String> classes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("top1", Double.isNaN(top1) ? null : top1);
        m.put("top3", Double.isNaN(top3) ? null : top3);
        m.put("macro_f1", Double.isNaN(macroF1) ? null : macroF1);
        Map<String, Object> cm = new LinkedHashMap<>();
        for (int i = 0; i < confusion.length; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int j = 0; j < confusion.length; j++) {
                row.put(classes.get(j), confusion[i][j]);
            }
            cm.put(classes.get(i), row);
        }
        m.put("confusion", cm);
        return m;
    }
}
