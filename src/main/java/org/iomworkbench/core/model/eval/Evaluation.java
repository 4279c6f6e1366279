package org.iomworkbench.core.model.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates any score against a binary label the way a model run is evaluated: the figures of
 * {@code evaluate}'s {@code metrics.json}. A person is flagged when score ≥ threshold. AUC is the
 * Mann–Whitney statistic (ties count one half); the Brier score is given only when every score
 * lies in [0, 1]; the threshold defaults to 0.5 when every score lies in [0, 1] and must be
 * given otherwise, unless a target specificity chooses it (the lowest threshold meeting it on
 * these data); a rate whose denominator is 0 is null.
 */
public final class Evaluation {
    private Evaluation() {
    }

    /** Whether every score lies in [0, 1]. */
    public static boolean probabilities(double[] score) {
        for (double s : score) {
            if (!(s >= 0 && s <= 1)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param threshold         null: 0.5 for probabilities, or from {@code targetSpecificity}
     * @param groupColumns      names of the group columns, parallel to {@code groups}
     * @param groups            per group column, each row's value
     */
    public static Map<String, Object> evaluate(double[] score, boolean[] label, Double threshold, Double targetSpecificity,
                                               List<String> groupColumns, List<String[]> groups, int bootstrapReps,
                                               long seed) {
        boolean prob = probabilities(score);
        ThresholdSweep sweep = new ThresholdSweep(score, label);
        String thresholdSource;
        double t;
        if (threshold != null) {
            t = threshold;
            thresholdSource = "given";
        } else if (targetSpecificity != null) {
            t = sweep.thresholdForSpecificity(targetSpecificity);
            thresholdSource = "lowest meeting the target specificity on these data";
        } else if (prob) {
            t = 0.5;
            thresholdSource = "default 0.5 (every score lies in [0, 1])";
        } else {
            throw new IllegalArgumentException("The scores are not all in [0, 1], so a threshold must be given "
                    + "(or a target specificity to choose it).");
        }
        Confusion c = sweep.at(t);
        Bootstrap.Result b = Bootstrap.run(score, label, t, targetSpecificity == null ? 0.0 : targetSpecificity,
                bootstrapReps, seed);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", (long) score.length);
        m.put("positives", c.tp() + c.fn());
        m.put("base_rate", c.baseRate());
        double auc = BinaryMetrics.auc(score, label);
        m.put("auc", Double.isNaN(auc) ? null : auc);
        m.put("auc_ci", ci(b.auc()));
        m.put("average_precision", nul(BinaryMetrics.averagePrecision(score, label)));
        if (prob) {
            m.put("brier", nul(BinaryMetrics.brier(score, label)));
            m.put("ece", nul(Calibration.ece(score, label, 10)));
        }
        m.put("threshold", Double.isInfinite(t) ? null : t);
        m.put("threshold_source", thresholdSource);
        putConfusion(m, c, b);
        if (targetSpecificity != null) {
            m.put("target_specificity", targetSpecificity);
            m.put("p_target_met", nul(b.pSpecificityMet()));
        }
        Map<String, Object> g = new LinkedHashMap<>();
        Map<String, Object> refs = new LinkedHashMap<>();
        for (int k = 0; k < groupColumns.size(); k++) {
            List<GroupBreakdown.Group> list = GroupBreakdown.of(score, label, groups.get(k), t, prob, 50, 10);
            GroupBreakdown.Group ref = GroupBreakdown.reference(list, null);
            Map<String, Object> col = new LinkedHashMap<>();
            for (GroupBreakdown.Group x : list) {
                col.put(x.value(), GroupBreakdown.toJson(x, ref));
            }
            g.put(groupColumns.get(k), col);
            refs.put(groupColumns.get(k), ref == null ? null : ref.value());
        }
        m.put("groups", g);
        m.put("group_reference", refs);
        m.put("bootstrap", Map.of("reps", bootstrapReps, "seed", seed, "interval", "percentile 95%"));
        return m;
    }

    /**
     * The confusion matrix at the threshold and the four rates with their bootstrap intervals, then
     * the number flagged: the block that evaluate's and a model run's metrics share.
     */
    public static void putConfusion(Map<String, Object> m, Confusion c, Bootstrap.Result b) {
        m.put("confusion", c.toJson());
        m.put("specificity", c.specificity());
        m.put("specificity_ci", ci(b.specificity()));
        m.put("sensitivity", c.sensitivity());
        m.put("sensitivity_ci", ci(b.sensitivity()));
        m.put("ppv", c.ppv());
        m.put("ppv_ci", ci(b.ppv()));
        m.put("npv", c.npv());
        m.put("npv_ci", ci(b.npv()));
        m.put("flagged", c.flagged());
    }

    /** A number for JSON: null when NaN or infinite. */
    public static Double nul(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** An interval for JSON: [lo, hi], or null when it could not be computed. */
    public static List<Double> ci(Bootstrap.Interval i) {
        return Double.isNaN(i.lo()) ? null : List.of(i.lo(), i.hi());
    }
}
