package org.iomworkbench.core.score;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything that decides a score, saved with every result so that any number can be traced to
 * the settings that made it: the data (snapshot and harm index version), the as-at date, the
 * half-life, lookback and window, and the frozen model: the calibration date, the weights (and
 * whether they were estimated there or pinned) and the cut-offs (percentiles at the calibration
 * date, or set by value). Changing the as-at date, half-life, lookback or window keeps the
 * weights and cut-offs: they change only when the analyst estimates or sets them again.
 */
public record ScoringConfig(int snapshotId, String snapshotFingerprint, String harmIndexVersion, LocalDate asAt,
                            double halfLifeDays, int lookbackDays, int windowDays, LocalDate calibrationDate,
                            Weights weights, WeightsSource weightsSource, Cutoffs cutoffs, CutoffsSource cutoffsSource) {
    public static final double DEFAULT_HALF_LIFE = 365;
    public static final int DEFAULT_LOOKBACK = 730;
    public static final int DEFAULT_WINDOW = 365;

    /** Where the weights came from. */
    public enum WeightsSource { ESTIMATED, PINNED }

    /** Where the cut-offs came from: percentiles at the calibration date, set by value, or a weights file. */
    public enum CutoffsSource { PERCENTILES, SET, FILE }

    public ScoringConfig {
        if (!(halfLifeDays > 0) || !Double.isFinite(halfLifeDays)) {
            throw new IllegalArgumentException("the half-life must be a positive number of days");
        }
        if (lookbackDays < 0 || windowDays < 0) {
            throw new IllegalArgumentException("the lookback and the window must be at least 0 days");
        }
    }

    public ScoringConfig withAsAt(LocalDate d) {
        return new ScoringConfig(snapshotId, snapshotFingerprint, harmIndexVersion, d, halfLifeDays, lookbackDays,
                windowDays, calibrationDate, weights, weightsSource, cutoffs, cutoffsSource);
    }

    public ScoringConfig withHalfLife(double days) {
        return new ScoringConfig(snapshotId, snapshotFingerprint, harmIndexVersion, asAt, days, lookbackDays,
                windowDays, calibrationDate, weights, weightsSource, cutoffs, cutoffsSource);
    }

    public ScoringConfig withLookback(int days) {
        return new ScoringConfig(snapshotId, snapshotFingerprint, harmIndexVersion, asAt, halfLifeDays, days,
                windowDays, calibrationDate, weights, weightsSource, cutoffs, cutoffsSource);
    }

    public ScoringConfig withWindow(int days) {
        return new ScoringConfig(snapshotId, snapshotFingerprint, harmIndexVersion, asAt, halfLifeDays, lookbackDays,
                days, calibrationDate, weights, weightsSource, cutoffs, cutoffsSource);
    }

    public ScoringConfig withWeights(Weights w, WeightsSource source, LocalDate calibration) {
        return new ScoringConfig(snapshotId, snapshotFingerprint, harmIndexVersion, asAt, halfLifeDays, lookbackDays,
                windowDays, calibration, w, source, cutoffs, cutoffsSource);
    }

    public ScoringConfig withCutoffs(Cutoffs c, CutoffsSource source) {
        return new ScoringConfig(snapshotId, snapshotFingerprint, harmIndexVersion, asAt, halfLifeDays, lookbackDays,
                windowDays, calibrationDate, weights, weightsSource, c, source);
    }

    /** The configuration as plain values, in a fixed key order (stored as JSON with the run). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spec", "rfsdi.md version 1");
        m.put("snapshot", snapshotId);
        m.put("snapshot_fingerprint", snapshotFingerprint);
        m.put("harm_index_sha256", harmIndexVersion);
        m.put("as_at", asAt.toString());
        m.put("half_life_days", halfLifeDays);
        m.put("lookback_days", lookbackDays);
        m.put("window_days", windowDays);
        m.put("calibration_date", calibrationDate == null ? null : calibrationDate.toString());
        m.put("weights", weights.toMap());
        m.put("weights_source", weightsSource.name());
        m.put("cutoffs", cutoffs == null ? null : cutoffs.toList());
        m.put("cutoffs_source", cutoffsSource == null ? null : cutoffsSource.name());
        return m;
    }
}
