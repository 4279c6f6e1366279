package org.iomworkbench.ui.validation;

import org.iomworkbench.core.model.eval.BinaryMetrics;
import org.iomworkbench.core.model.eval.Bootstrap;
import org.iomworkbench.core.model.eval.Calibration;
import org.iomworkbench.core.model.eval.Confusion;
import org.iomworkbench.core.model.eval.Evaluation;
import org.iomworkbench.core.model.eval.GroupBreakdown;
import org.iomworkbench.core.model.eval.ThresholdSweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Validation view evaluates: scores with their labels (a model run's test-year
 * predictions, or an imported score), the group columns of the fairness audit, the current band
 * when known, and everything computed once when it is opened, so that moving the threshold costs
 * a binary search per group: the sorted sweeps (overall and per group), the curves of every model
 * (thinned for drawing) with a bootstrap band around the ROC, calibration bins and the headline
 * figures with intervals.
 */
public final class ValidationData {
    static final double[] ROC_GRID = grid(51);
    static final int MIN_N = 50;
    static final int MIN_CLASS = 10;

    final String title;
    final double[] score;
    final boolean[] label;
    final Map<String, String[]> groups;
    final String[] band;
    final boolean probabilities;
    final ThresholdSweep sweep;
    final List<Curve> curves = new ArrayList<>();
    final double[][] rocBand;
    final double[][] prBand;
    final List<ThresholdSweep.Point> gains;
    final List<Calibration.Bin> bins;
    final double auc;
    final Bootstrap.Interval aucCi;
    final double averagePrecision;
    final double brier;
    final double ece;
    final Double modelThreshold;
    /** Per group column, per value: the group's own sweep, AUC and Brier score. */
    final Map<String, List<GroupSweep>> groupSweeps = new LinkedHashMap<>();
    /** What was evaluated and the settings behind it, for the report. */
    final Map<String, Object> facts = new LinkedHashMap<>();
    final Map<String, Object> settings = new LinkedHashMap<>();

    /** One model's (or score's) curves, drawn side by side. */
    record Curve(String name, List<ThresholdSweep.Point> roc, List<ThresholdSweep.Point> pr, double auc, double ap) {
    }

    /** A group's figures that do not depend on the threshold, and its sorted scores. */
    record GroupSweep(String value, ThresholdSweep sweep, Double auc, Double brier, Double ece, boolean tooSmall,
                      double[] score, boolean[] label) {
        GroupBreakdown.Group at(double t) {
            Confusion c = sweep.at(t);
            return new GroupBreakdown.Group(value, c.n(), c.baseRate(), c.selectionRate(), c.fpr(), c.fnr(), c.ppv(),
                    c.npv(), auc, brier, tooSmall, c);
        }
    }

    /**
     * @param others other models' scores on the same people (name → score), drawn beside the main one
     */
    ValidationData(String title, String mainName, double[] score, boolean[] label, Map<String, String[]> groups,
                   String[] band, Double modelThreshold, Map<String, double[]> others, int reps, long seed) {
        this.title = title;
        this.score = score;
        this.label = label;
        this.groups = groups;
        this.band = band;
        this.modelThreshold = modelThreshold;
        this.probabilities = Evaluation.probabilities(score);
        this.sweep = new ThresholdSweep(score, label);
        this.auc = BinaryMetrics.auc(score, label);
        this.averagePrecision = BinaryMetrics.averagePrecision(score, label);
        curves.add(new Curve(mainName, thin(sweep.roc(), CHART_POINTS), thin(sweep.precisionRecall(), CHART_POINTS), auc, averagePrecision));
        others.forEach((name, s) -> {
            ThresholdSweep w = new ThresholdSweep(s, label);
            curves.add(new Curve(name, thin(w.roc(), CHART_POINTS), thin(w.precisionRecall(), CHART_POINTS), BinaryMetrics.auc(s, label),
                    BinaryMetrics.averagePrecision(s, label)));
        });
        this.rocBand = Bootstrap.rocBand(score, label, ROC_GRID, Math.min(reps, 200), seed);
        this.prBand = Bootstrap.precisionRecallBand(score, label, ROC_GRID, Math.min(reps, 200), seed);
        this.gains = thin(sweep.gains(), CHART_POINTS);
        this.bins = probabilities ? Calibration.bins(score, label, 10) : List.of();
        this.aucCi = Bootstrap.interval(Bootstrap.aucs(score, label, reps, seed));
        this.brier = probabilities ? BinaryMetrics.brier(score, label) : Double.NaN;
        this.ece = probabilities ? Calibration.ece(score, label, 10) : Double.NaN;
        groups.forEach(this::addGroupColumn);
    }

    /** Adds a group column (e.g. an intersection of two) to the fairness breakdown. */
    void addGroupColumn(String column, String[] values) {
        List<GroupSweep> list = new ArrayList<>();
        for (GroupBreakdown.Subset sub : GroupBreakdown.subsets(score, label, values)) {
            double[] s = sub.score();
            boolean[] y = sub.label();
            double a = BinaryMetrics.auc(s, y);
            list.add(new GroupSweep(sub.value(), new ThresholdSweep(s, y), Double.isNaN(a) ? null : a,
                    probabilities ? BinaryMetrics.brier(s, y) : null, probabilities ? Calibration.ece(s, y, 10) : null,
                    sub.tooSmall(MIN_N, MIN_CLASS), s, y));
        }
        groupSweeps.put(column, list);
    }

    private static double[] grid(int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = (double) i / (n - 1);
        }
        return g;
    }

    /** Points drawn per curve: more than a 380-pixel chart can show apart. */
    static final int CHART_POINTS = 300;

    /** At most about {@code max} points, the first and last kept. */
    static List<ThresholdSweep.Point> thin(List<ThresholdSweep.Point> pts, int max) {
        if (pts.size() <= max) {
            return pts;
        }
        List<ThresholdSweep.Point> out = new ArrayList<>(max + 1);
        double step = (double) (pts.size() - 1) / (max - 1);
        for (int k = 0; k < max; k++) {
            out.add(pts.get((int) Math.round(k * step)));
        }
        return out;
    }

    public int size() {
        return score.length;
    }

    /** The fairness rows at a threshold: a binary search per group. */
    List<ValidationViewModel.FairnessRow> fairnessAt(double t) {
        List<ValidationViewModel.FairnessRow> rows = new ArrayList<>();
        groupSweeps.forEach((column, list) -> {
            GroupSweep ref = null;
            for (GroupSweep g : list) {
                if (ref == null || g.sweep().positives() + g.sweep().negatives()
                        > ref.sweep().positives() + ref.sweep().negatives()) {
                    ref = g;
                }
            }
            for (GroupSweep g : list) {
                rows.add(new ValidationViewModel.FairnessRow(column, g.value(), g.at(t), g == ref, g.ece(), null));
            }
        });
        return rows;
    }
}
