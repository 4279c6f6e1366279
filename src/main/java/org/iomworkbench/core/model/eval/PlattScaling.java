package org.iomworkbench.core.model.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Platt scaling: p = 1 / (1 + exp(−(a·f + b))) with f = logit of the raw score (clamped to
 * [1e-6, 1 − 1e-6]) when raw scores are probabilities, else the raw score itself; a and b by
 * Newton's method on the log-likelihood with Platt's smoothed targets (N₊ + 1)/(N₊ + 2) for
 * positives and 1/(N₋ + 2) for negatives.
 */
public final class PlattScaling implements Calibrator {
    private final double a;
    private final double b;
    private final boolean logit;

    PlattScaling(double a, double b, boolean logit) {
        this.a = a;
        this.b = b;
        this.logit = logit;
    }

    public static PlattScaling fit(double[] score, boolean[] label) {
        boolean logit = true;
        for (double s : score) {
            if (s < 0 || s > 1) {
                logit = false;
                break;
            }
        }
        int n = score.length;
        double[] f = new double[n];
        long pos = 0;
        for (int i = 0; i < n; i++) {
            f[i] = logit ? logit(score[i]) : score[i];
            if (label[i]) {
                pos++;
            }
        }
        long neg = n - pos;
        double hi = (pos + 1.0) / (pos + 2.0);
        double lo = 1.0 / (neg + 2.0);
        double a = 1;
        double b = 0;
        double ll = logLik(f, label, hi, lo, a, b);
        for (int it = 0; it < 100; it++) {
            double ga = 0;
            double gb = 0;
            double haa = 1e-12;
            double hab = 0;
            double hbb = 1e-12;
            for (int i = 0; i < n; i++) {
                double t = label[i] ? hi : lo;
                double p = sigmoid(a * f[i] + b);
                double r = t - p;
                ga += r * f[i];
                gb += r;
                double w = p * (1 - p);
                haa += w * f[i] * f[i];
                hab += w * f[i];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            if (!(Math.abs(det) > 1e-300)) {
                break;
            }
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            double step = 1;
            double na = a;
            double nb = b;
            double nll = ll;
            while (step > 1e-10) {
                na = a + step * da;
                nb = b + step * db;
                nll = logLik(f, label, hi, lo, na, nb);
                if (nll >= ll - 1e-12) {
                    break;
                }
                step /= 2;
            }
            boolean done = Math.abs(na - a) < 1e-10 && Math.abs(nb - b) < 1e-10;
            a = na;
            b = nb;
            ll = nll;
            if (done) {
                break;
            }
        }
        return new PlattScaling(a, b, logit);
    }

    private static double logLik(double[] f, boolean[] label, double hi, double lo, double a, double b) {
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            double t = label[i] ? hi : lo;
            double z = a * f[i] + b;
            // t·log σ(z) + (1 − t)·log(1 − σ(z)), computed stably
            s += t * -softplus(-z) + (1 - t) * -softplus(z);
        }
        return s;
    }

    private static double softplus(double z) {
        return z > 30 ? z : Math.log1p(Math.exp(z));
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    static double logit(double p) {
        double q = Math.min(1 - 1e-6, Math.max(1e-6, p));
        return Math.log(q / (1 - q));
    }

    public double a() {
        return a;
    }

    public double b() {
        return b;
    }

    @Override
    public double apply(double rawScore) {
        return sigmoid(a * (logit ? logit(rawScore) : rawScore) + b);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "platt");
        m.put("a", a);
        m.put("b", b);
        m.put("on_logit", logit);
        return m;
    }

    static PlattScaling fromJson(Map<String, Object> j) {
        return new PlattScaling(((Number) j.get("a")).doubleValue(), ((Number) j.get("b")).doubleValue(),
                Boolean.TRUE.equals(j.get("on_logit")));
    }
}
