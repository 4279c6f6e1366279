package org.iomworkbench.core.score;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The six weights of section 4, each {@code > 0}, in the order of the spec's columns:
 * alcohol_crime, alcohol_dependency, opiates_positive, cocaine_positive, harm_trend, freq_trend.
 */
public record Weights(double alcoholCrime, double alcoholDependency, double opiatesPositive, double cocainePositive,
                      double harmTrend, double freqTrend) {
    /** The names used in files, columns and reports, in order. */
    public static final List<String> KEYS = List.of("alcohol_crime", "alcohol_dependency", "opiates_positive",
            "cocaine_positive", "harm_trend", "freq_trend");
    /** Every weight 1: the score is S (used to compute the features themselves). */
    public static final Weights ONE = new Weights(1, 1, 1, 1, 1, 1);

    public Weights {
        for (double w : new double[]{alcoholCrime, alcoholDependency, opiatesPositive, cocainePositive, harmTrend, freqTrend}) {
            if (!(w > 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("every weight must be a finite number greater than 0, not " + w);
            }
        }
    }

    public static Weights of(double[] w) {
        if (w.length != 6) {
            throw new IllegalArgumentException("six weights expected");
        }
        return new Weights(w[0], w[1], w[2], w[3], w[4], w[5]);
    }

    public double[] toArray() {
        return new double[]{alcoholCrime, alcoholDependency, opiatesPositive, cocainePositive, harmTrend, freqTrend};
    }

    public Map<String, Double> toMap() {
        Map<String, Double> out = new LinkedHashMap<>();
        double[] a = toArray();
        for (int i = 0; i < 6; i++) {
            out.put(KEYS.get(i), a[i]);
        }
        return out;
    }
}
