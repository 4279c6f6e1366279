package org.iomworkbench.core.score;

import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.util.WorkbenchException;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One scoring as the analyst asks for it: settle the configuration (defaults, weights estimated
 * at the calibration date or pinned from a file, cut-offs as percentiles at the calibration
 * date, from the file, or by value), score everyone at the as-at date and, when asked, label.
 * Live re-scoring after that is {@link Scorer#score(ScoreData, ScoringConfig)} on a changed
 * configuration: the weights and cut-offs in it stay frozen.
 */
public final class ScoreRun {
    private ScoreRun() {
    }

    /**
     * What the analyst asked for; null means the default.
     *
     * @param weightsFile a file written by an earlier run ({@code FILE.csv.json}) whose weights
     *                    are pinned, or null to estimate them afresh
     * @param cutoffs     four cut-offs set by value, or null
     */
    public record Request(LocalDate asAt, LocalDate calibrationDate, Double halfLifeDays, Integer lookbackDays,
                          Integer windowDays, Path weightsFile, double[] cutoffs, boolean labels) {
        public static Request defaults() {
            return new Request(null, null, null, null, null, null, null, false);
        }
    }

    /** The outcome: the configuration, the fit when the weights were estimated (else null), the scores, the labels (or null). */
    public record Result(ScoringConfig config, WeightEstimator.Estimate estimate, Scores scores, Labels labels) {
    }

    /** Settles the configuration: weights and cut-offs, at the calibration date. */
    public static ScoringConfig configure(ScoreData d, Snapshot s, Request r, WeightEstimator.Estimate[] estimateOut) {
        LocalDate end = d.requireEndOfData();
        LocalDate asAt = r.asAt() != null ? r.asAt() : end;
        double hl = r.halfLifeDays() != null ? r.halfLifeDays() : ScoringConfig.DEFAULT_HALF_LIFE;
        int lookback = r.lookbackDays() != null ? r.lookbackDays() : ScoringConfig.DEFAULT_LOOKBACK;
        int window = r.windowDays() != null ? r.windowDays() : ScoringConfig.DEFAULT_WINDOW;
        if (!(hl > 0) || !Double.isFinite(hl) || lookback < 0 || window < 0) {
            throw new WorkbenchException("The half-life must be above 0 days and the lookback and window at least 0 days.",
                    "Give --half-life, --lookback and --window in days.", true);
        }
        Weights weights;
        ScoringConfig.WeightsSource wsrc;
        LocalDate t0;
        Cutoffs cutoffs = null;
        ScoringConfig.CutoffsSource csrc = null;
        if (r.weightsFile() == null) {
            t0 = r.calibrationDate() != null ? r.calibrationDate() : end.minusDays(365);
            WeightEstimator.Estimate est = WeightEstimator.estimate(d, t0, hl, lookback, window);
            if (estimateOut != null) {
                estimateOut[0] = est;
            }
            weights = est.weights();
            wsrc = ScoringConfig.WeightsSource.ESTIMATED;
        } else {
            ScoreExport.ModelFile mf = ScoreExport.readModelFile(r.weightsFile());
            weights = mf.weights();
            wsrc = ScoringConfig.WeightsSource.PINNED;
            t0 = r.calibrationDate() != null ? r.calibrationDate()
                    : mf.calibrationDate() != null ? mf.calibrationDate() : end.minusDays(365);
            if (mf.cutoffs() != null && (r.calibrationDate() == null || r.calibrationDate().equals(mf.calibrationDate()))) {
                cutoffs = mf.cutoffs();
                csrc = ScoringConfig.CutoffsSource.FILE;
            }
        }
        if (r.cutoffs() != null) {
            try {
                cutoffs = Cutoffs.ofValues(r.cutoffs());
            } catch (IllegalArgumentException e) {
                throw new WorkbenchException("The cut-offs cannot be used: " + e.getMessage() + ".",
                        "Give four increasing numbers, e.g. --cutoffs 1.5,3,6,10.", true);
            }
            csrc = ScoringConfig.CutoffsSource.SET;
        }
        if (cutoffs == null) {
            cutoffs = percentileCutoffs(d, t0, hl, lookback, window, weights);
            csrc = ScoringConfig.CutoffsSource.PERCENTILES;
        }
        return new ScoringConfig(s == null ? 0 : s.id(), s == null ? "" : s.fingerprint(), d.harmIndexVersion(), asAt, hl,
                lookback, window, t0, weights, wsrc, cutoffs, csrc);
    }

    /** The default cut-offs: percentiles of the positive RFSDi values at the calibration date. */
    public static Cutoffs percentileCutoffs(ScoreData d, LocalDate t0, double hl, int lookback, int window, Weights w) {
        Scores at = Scorer.score(d, t0, hl, lookback, window, w, null);
        try {
            return Cutoffs.percentilesOfPositive(at.rfsdi);
        } catch (IllegalArgumentException e) {
            throw new WorkbenchException("Cut-offs could not be set: " + e.getMessage() + " (" + t0 + ").",
                    "Choose another calibration date or set the cut-offs by value (--cutoffs).", false);
        }
    }

    /** Configure, score and (when asked) label. */
    public static Result run(ScoreData d, Snapshot s, Request r) {
        WeightEstimator.Estimate[] est = new WeightEstimator.Estimate[1];
        ScoringConfig cfg = configure(d, s, r, est);
        Scores scores = Scorer.score(d, cfg);
        Labels labels = r.labels() ? Labels.compute(d, cfg, scores) : null;
        return new Result(cfg, est[0], scores, labels);
    }
}
