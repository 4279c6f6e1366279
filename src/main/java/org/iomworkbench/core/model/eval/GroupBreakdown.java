package org.iomworkbench.core.model.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Error rates by group at one threshold (flagged when score ≥ threshold): for each value of a
 * group column, n, base rate, selection rate, false positive rate, false negative rate,
 * precision (PPV), NPV and AUC, each rate null when its denominator is 0; differences and ratios
 * to a reference group (the largest unless named); and whether the group is too small to judge
 * (fewer than {@code minN} people, or fewer than {@code minClass} with or without the outcome).
 */
public final class GroupBreakdown {
    private GroupBreakdown() {
    }

    /** One group's figures. */
    public record Group(String value, long n, Double baseRate, Double selectionRate, Double fpr, Double fnr, Double ppv,
                        Double npv, Double auc, Double brier, boolean tooSmall, Confusion confusion) {
    }

    public static List<Group> of(double[] score, boolean[] label, String[] group, double threshold, boolean probabilities,
                                 int minN, int minClass) {
        List<Group> out = new ArrayList<>();
        for (Subset sub : subsets(score, label, group)) {
            double[] s = sub.score();
            boolean[] y = sub.label();
            Confusion c = Confusion.at(s, y, threshold);
            double auc = BinaryMetrics.auc(s, y);
            out.add(new Group(sub.value(), s.length, c.baseRate(), c.selectionRate(), c.fpr(), c.fnr(), c.ppv(), c.npv(),
                    Double.isNaN(auc) ? null : auc, probabilities ? BinaryMetrics.brier(s, y) : null,
                    sub.tooSmall(minN, minClass), c));
        }
        return out;
    }

    /** The rows of one group value: their scores and labels, and how many have the outcome. */
    public record Subset(String value, double[] score, boolean[] label, long positives) {
        /** Too few people to judge: under {@code minN}, or under {@code minClass} with or without the outcome. */
        public boolean tooSmall(int minN, int minClass) {
            return score.length < minN || positives < minClass || score.length - positives < minClass;
        }
    }

    /** The rows split by group value, in value order; a missing or blank value is the group "(missing)". */
    public static List<Subset> subsets(double[] score, boolean[] label, String[] group) {
        Map<String, List<Integer>> rows = new TreeMap<>();
        for (int i = 0; i < score.length; i++) {
            rows.computeIfAbsent(group[i] == null || group[i].isBlank() ? "(missing)" : group[i], k -> new ArrayList<>()).add(i);
        }
        List<Subset> out = new ArrayList<>(rows.size());
        rows.forEach((value, idx) -> {
            double[] s = new double[idx.size()];
            boolean[] y = new boolean[idx.size()];
            long pos = 0;
            for (int k = 0; k < s.length; k++) {
                s[k] = score[idx.get(k)];
                y[k] = label[idx.get(k)];
                pos += y[k] ? 1 : 0;
            }
            out.add(new Subset(value, s, y, pos));
        });
        return out;
    }

    /** The group the others are compared with: the named one if present, else the largest. */
    public static Group reference(List<Group> groups, String named) {
        Group best = null;
        for (Group g : groups) {
            if (g.value().equals(named)) {
                return g;
            }
            if (best == null || g.n() > best.n()) {
                best = g;
            }
        }
        return best;
    }

    /** A group's figures as JSON, with differences and ratios to the reference group. */
    public static Map<String, Object> toJson(Group g, Group ref) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", g.n());
        m.put("base_rate", g.baseRate());
        m.put("selection_rate", g.selectionRate());
        m.put("fpr", g.fpr());
        m.put("fnr", g.fnr());
        m.put("ppv", g.ppv());
        m.put("npv", g.npv());
        m.put("auc", g.auc());
        if (g.brier() != null) {
            m.put("brier", g.brier());
        }
        m.put("confusion", g.confusion().toJson());
        m.put("too_small", g.tooSmall());
        if (ref != null && ref != g) {
            Map<String, Object> d = new LinkedHashMap<>();
            Map<String, Object> r = new LinkedHashMap<>();
            put(d, r, "selection_rate", g.selectionRate(), ref.selectionRate());
            put(d, r, "fpr", g.fpr(), ref.fpr());
            put(d, r, "fnr", g.fnr(), ref.fnr());
            put(d, r, "ppv", g.ppv(), ref.ppv());
            put(d, r, "npv", g.npv(), ref.npv());
            m.put("difference_to_reference", d);
            m.put("ratio_to_reference", r);
        }
        return m;
    }

    private static void put(Map<String, Object> d, Map<String, Object> r, String key, Double a, Double b) {
        d.put(key, a == null || b == null ? null : a - b);
        r.put(key, a == null || b == null || b == 0 ? null : a / b);
    }
}
