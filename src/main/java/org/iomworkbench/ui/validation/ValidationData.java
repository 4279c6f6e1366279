package org.iomworkbench.ui.validation;

import org.iomworkbench.core.model.eval.BinaryMetrics;
import org.iomworkbench.core.model.eval.Bootstrap;
import org.iomworkbench.core.model.eval.Calibration;
import org.iomworkbench.core.model.eval.Evaluation;
import org.iomworkbench.core.model.eval.ThresholdSweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the Validation view evaluates: scores with their labels (a model run's test-year
 * predictions, or an imported score), the group columns of the fairness audit, the current band
 * when known, and everything computed once when it is opened: the sorted sweep, curves (thinned
 * for drawing), calibration bins and the headline figures with bootstrap intervals.
 */
public final class ValidationData {
    final String title;
    final double[] score;
    final boolean[] label;
    final Map<String, String[]> groups;
    final String[] band;
    final boolean probabilities;
    final ThresholdSweep sweep;
    final List<ThresholdSweep.Point> roc;
    final List<ThresholdSweep.Point> pr;
    final List<ThresholdSweep.Point> gains;
    final List<Calibration.Bin> bins;
    final double auc;
    final Bootstrap.Interval aucCi;
    final double averagePrecision;
    final double brier;
    final double ece;
    final Double modelThreshold;
    /** What was evaluated and the settings behind it, for the report. */
    final Map<String, Object> facts = new java.util.LinkedHashMap<>();
    final Map<String, Object> settings = new java.util.LinkedHashMap<>();

    ValidationData(String title, double[] score, boolean[] label, Map<String, String[]> groups, String[] band,
                   Double modelThreshold, int reps, long seed) {
        this.title = title;
        this.score = score;
        this.label = label;
        this.groups = groups;
        this.band = band;
        this.modelThreshold = modelThreshold;
        this.probabilities = Evaluation.probabilities(score);
        this.sweep = new ThresholdSweep(score, label);
        this.roc = thin(sweep.roc(), 600);
        this.pr = thin(sweep.precisionRecall(), 600);
        this.gains = thin(sweep.gains(), 600);
        this.bins = probabilities ? Calibration.bins(score, label, 10) : List.of();
        this.auc = BinaryMetrics.auc(score, label);
        this.aucCi = Bootstrap.run(score, label, Double.POSITIVE_INFINITY, 0, reps, seed).auc();
        this.averagePrecision = BinaryMetrics.averagePrecision(score, label);
        this.brier = probabilities ? BinaryMetrics.brier(score, label) : Double.NaN;
        this.ece = probabilities ? Calibration.ece(score, label, 10) : Double.NaN;
    }

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
}
