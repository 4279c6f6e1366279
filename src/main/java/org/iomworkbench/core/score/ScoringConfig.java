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

    /** The configuration back from {@link #toJson()} (as stored with a run, e.g. a model run's frozen configuration). */
    @SuppressWarnings("unchecked")
    public static ScoringConfig fromJson(Map<String, Object> m) {
        Map<String, Object> w = (Map<String, Object>) m.get("weights");
        double[] weights = new double[Weights.KEYS.size()];
        for (int k = 0; k < weights.length; k++) {
            weights[k] = ((Number) w.get(Weights.KEYS.get(k))).doubleValue();
        }
        java.util.List<Object> cut = (java.util.List<Object>) m.get("cutoffs");
        Cutoffs cutoffs = null;
        if (cut != null) {
            double[] c = new double[cut.size()];
            for (int k = 0; k < c.length; k++) {
                c[k] = ((Number) cut.get(k)).doubleValue();
            }
            cutoffs = new Cutoffs(c[0], c[1], c[2], c[3]);
        }
        Object cal = m.get("calibration_date");
        Object cs = m.get("cutoffs_source");
        return new ScoringConfig(((Number) m.get("snapshot")).intValue(), (String) m.get("snapshot_fingerprint"),
                (String) m.get("harm_index_sha256"), LocalDate.parse((String) m.get("as_at")),
                ((Number) m.get("half_life_days")).doubleValue(), ((Number) m.get("lookback_days")).intValue(),
                ((Number) m.get("window_days")).intValue(), cal == null ? null : LocalDate.parse(cal.toString()),
                Weights.of(weights), WeightsSource.valueOf((String) m.get("weights_source")), cutoffs,
                cs == null ? null : CutoffsSource.valueOf(cs.toString()));
    }
}
