package org.iomworkbench.ui.validation;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The Validation view's threshold move on 250,000 predictions (target: within one frame, 16 ms):
 * the confusion matrix and the fairness rows of four group columns, after the one-off sort.
 * Prints figures; run with {@code -Dgroups=benchmark -Dbench.excluded=none -Dtest=ValidationBenchmark}.
 */
@Tag("benchmark")
class ValidationBenchmark {
    @Test
    void aThresholdMoveOn250000Predictions() {
        int n = 250_000;
        SplittableRandom r = new SplittableRandom(1);
        double[] p = new double[n];
        boolean[] y = new boolean[n];
        String[] eth = new String[n];
        String[] gender = new String[n];
        String[] age = new String[n];
        String[] both = new String[n];
        String[] e = {"W1", "W2", "A1", "A2", "B1", "B2", "M1", "O1"};
        String[] a = {"under 18", "18-24", "25-34", "35-44", "45+"};
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble() < 0.03;
            p[i] = Math.min(1, Math.max(0, (y[i] ? 0.2 : 0.02) + r.nextGaussian() * 0.05));
            eth[i] = e[r.nextInt(e.length)];
            gender[i] = r.nextBoolean() ? "M" : "F";
            age[i] = a[r.nextInt(a.length)];
            both[i] = gender[i] + " · " + age[i];
        }
        Map<String, String[]> groups = new LinkedHashMap<>();
        groups.put("ethnicity", eth);
        groups.put("gender", gender);
        groups.put("age band", age);
        groups.put("gender × age band", both);
        long t0 = System.nanoTime();
        ValidationData d = new ValidationData("bench", "model", p, y, groups, null, null, Map.of(), 200, 1);
        long t1 = System.nanoTime();
        double[] times = new double[200];
        for (int k = 0; k < times.length; k++) {
            double t = r.nextDouble() * 0.3;
            long s = System.nanoTime();
            d.sweep.at(t);
            d.fairnessAt(t);
            times[k] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(times);
        System.out.printf("validation on %,d predictions: opening (sorts, curves, 200-resample bands and intervals) %.1f s; "
                + "a threshold move (confusion + %d fairness rows): median %.3f ms, 95th percentile %.3f ms, max %.3f ms%n",
                n, (t1 - t0) / 1e9, d.fairnessAt(0.1).size(), times[100], times[190], times[199]);
    }
}
