package org.iomworkbench.core.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Centres and scales each input by its training mean and standard deviation (a constant input is only centred). */
final class Standardizer {
    final double[] mean;
    final double[] sd;

    Standardizer(double[] mean, double[] sd) {
        this.mean = mean;
        this.sd = sd;
    }

    static Standardizer fit(double[][] x) {
        int k = x.length == 0 ? 0 : x[0].length;
        double[] mean = new double[k];
        double[] sd = new double[k];
        for (double[] row : x) {
            for (int j = 0; j < k; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < k; j++) {
            mean[j] /= Math.max(1, x.length);
        }
        for (double[] row : x) {
            for (int j = 0; j < k; j++) {
                double d = row[j] - mean[j];
                sd[j] += d * d;
            }
        }
        for (int j = 0; j < k; j++) {
            sd[j] = Math.sqrt(sd[j] / Math.max(1, x.length - 1));
            if (!(sd[j] > 1e-12)) {
                sd[j] = 1;
            }
        }
        return new Standardizer(mean, sd);
    }

    double[][] apply(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = apply(x[i]);
        }
        return out;
    }

    double[] apply(double[] row) {
        double[] z = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            z[j] = (row[j] - mean[j]) / sd[j];
        }
        return z;
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", mean);
        m.put("sd", sd);
        return m;
    }

    static Standardizer fromJson(Map<String, Object> m) {
        return new Standardizer(array(m.get("mean")), array(m.get("sd")));
    }

    static double[] array(Object o) {
        if (o instanceof double[] d) {
            return d.clone();
        }
        List<?> l = (List<?>) o;
        double[] d = new double[l.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = ((Number) l.get(i)).doubleValue();
        }
        return d;
    }
}
