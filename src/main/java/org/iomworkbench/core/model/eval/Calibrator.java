package org.iomworkbench.core.model.eval;

import java.util.Map;

/** Turns a model's raw score into a calibrated probability; fitted on one data set, applied to others. */
public interface Calibrator {
    double apply(double rawScore);

    /** The fitted parameters, enough for {@link #fromJson} to rebuild it. */
    Map<String, Object> toJson();

    static Calibrator fromJson(Map<String, Object> j) {
        return switch (String.valueOf(j.get("method"))) {
            case "platt" -> PlattScaling.fromJson(j);
            case "isotonic" -> IsotonicCalibration.fromJson(j);
            default -> throw new IllegalArgumentException("Unknown calibration method " + j.get("method"));
        };
    }
}
