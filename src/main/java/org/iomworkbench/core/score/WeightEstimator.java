package org.iomworkbench.core.score;

import org.iomworkbench.core.util.WorkbenchException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 6: the weights estimated at the calibration date {@code T0}. Among persons with
 * {@code S > 0} at {@code T0}, a log-link Poisson regression (quasi-likelihood) of the next-year
 * harm {@code Y} on an intercept, {@code ln S} and the six {@code x_k}, by IRLS from the
 * intercept {@code ln(mean Y)} and all else 0, until every coefficient changes by at most
 * {@code 1e-12 (1 + |beta|)}, at most 100 iterations. Constant or collinear columns are dropped
 * first (weight 1). Standard errors are the model's scaled by the Pearson dispersion.
 */
public final class WeightEstimator {
    /** The columns of the fit, in order. */
    public static final List<String> COLUMNS = List.of("intercept", "ln_s", "alcohol_crime", "alcohol_dependency",
            "opiates_positive", "cocaine_positive", "harm_trend", "freq_trend");
    public static final int MAX_ITERATIONS = 100;
    static final double TOLERANCE = 1e-12;
    static final double COLLINEAR = 1e-9;
    static final double Z95 = 1.959963984540054;

    private WeightEstimator() {
    }

    /**
     * The fit and the weights it gives.
     *
     * @param beta       coefficients in {@link #COLUMNS} order (0 for a dropped column)
     * @param se         their standard errors, scaled by the dispersion (NaN for a dropped column)
     * @param dropped    columns dropped as constant or collinear
     * @param weights    {@code exp(beta_k)} of the six x_k (1 when dropped)
     * @param weightSe   {@code w_k * se(beta_k)}
     * @param lower      lower end of the 95% interval of each weight
     * @param upper      upper end
     * @param nonZero    persons fitted with {@code x_k != 0}
     */
    public record Estimate(LocalDate calibrationDate, int persons, int iterations, double meanY, double chi2,
                           double dispersion, double[] beta, double[] se, boolean[] dropped, Weights weights,
                           double[] weightSe, double[] lower, double[] upper, int[] nonZero) {
        public List<String> droppedColumns() {
            List<String> out = new ArrayList<>();
            for (int j = 0; j < dropped.length; j++) {
                if (dropped[j]) {
                    out.add(COLUMNS.get(j));
                }
            }
            return out;
        }

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("calibration_date", calibrationDate.toString());
            m.put("persons_fitted", persons);
            m.put("iterations", iterations);
            m.put("mean_y", meanY);
            m.put("pearson_chi2", chi2);
            m.put("dispersion", dispersion);
            Map<String, Object> coef = new LinkedHashMap<>();
            for (int j = 0; j < COLUMNS.size(); j++) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("beta", beta[j]);
                c.put("se", Double.isNaN(se[j]) ? null : se[j]);
                c.put("dropped", dropped[j]);
                coef.put(COLUMNS.get(j), c);
            }
            m.put("coefficients", coef);
            m.put("dropped", droppedColumns());
            Map<String, Object> iv = new LinkedHashMap<>();
            Map<String, Object> counts = new LinkedHashMap<>();
            double[] w = weights.toArray();
            for (int k = 0; k < 6; k++) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("weight", w[k]);
                e.put("se", Double.isNaN(weightSe[k]) ? null : weightSe[k]);
                e.put("lower95", Double.isNaN(lower[k]) ? null : lower[k]);
                e.put("upper95", Double.isNaN(upper[k]) ? null : upper[k]);
                e.put("dropped", dropped[k + 2]);
                iv.put(Weights.KEYS.get(k), e);
                counts.put(Weights.KEYS.get(k), nonZero[k]);
            }
            m.put("intervals", iv);
            m.put("counts", counts);
            return m;
        }
    }

    /** Estimates the weights at {@code t0} with the given half-life, lookback and window. */
    public static Estimate estimate(ScoreData d, LocalDate t0, double halfLife, int lookback, int window) {
        int t = (int) t0.toEpochDay();
        Scores f = Scorer.score(d, t, halfLife, lookback, window, Weights.ONE, null, null);
        int[] fitted = new int[d.persons];
        int n = 0;
        for (int p = 0; p < d.persons; p++) {
            if (f.s[p] > 0) {
                fitted[n++] = p;
            }
        }
        double[] y = new double[n];
        double[][] x = new double[8][n];
        for (int r = 0; r < n; r++) {
            int p = fitted[r];
            double sum = 0;
            for (int i = d.offStart[p], e = d.offStart[p + 1]; i < e; i++) {
                int di = d.offDate[i];
                if (di > t && di <= t + 365) {
                    sum += d.offH[i];
                }
            }
            y[r] = sum;
            x[0][r] = 1;
            x[1][r] = Math.log(f.s[p]);
            for (int k = 0; k < 6; k++) {
                x[k + 2][r] = f.x(p, k);
            }
        }
        return fit(t0, x, y);
    }

    /** The fit of section 6 on given columns (column 0 the intercept) and outcomes. */
    static Estimate fit(LocalDate t0, double[][] x, double[] y) {
        int n = y.length;
        int cols = x.length;
        if (n == 0) {
            throw failure("no person has a harm score above 0 at the calibration date " + t0);
        }
        boolean[] dropped = dropColumns(x);
        int[] kept = kept(dropped);
        int p = kept.length;
        if (n <= p) {
            throw failure("only " + n + " persons have a harm score above 0 at the calibration date " + t0
                    + ", too few to fit " + p + " coefficients");
        }
        double meanY = 0;
        for (double v : y) {
            meanY += v;
        }
        meanY /= n;
        if (!(meanY > 0)) {
            throw failure("none of the " + n + " persons fitted offended in the year after the calibration date " + t0);
        }
        double[] beta = new double[p];
        beta[0] = Math.log(meanY);
        double[] mu = new double[n];
        int iterations = 0;
        boolean converged = false;
        while (iterations < MAX_ITERATIONS) {
            iterations++;
            means(x, kept, beta, mu);
            double[][] a = new double[p][p];
            double[] g = new double[p];
            information(x, kept, mu, y, a, g);
            double[] step = Cholesky.solve(a, g);
            if (step == null) {
                // the fitted means of some persons have run off towards 0 or infinity: no finite estimate exists
                throw failure("the weight estimation at " + t0 + " did not converge: after " + iterations
                        + " iterations some coefficients were still running off towards infinity (a flag or trend whose"
                        + " persons all had no harm in the next year, or all had some), so no weights were produced");
            }
            boolean small = true;
            for (int j = 0; j < p; j++) {
                double next = beta[j] + step[j];
                if (!Double.isFinite(next)) {
                    throw notConverged(t0, iterations);
                }
                if (Math.abs(next - beta[j]) > TOLERANCE * (1 + Math.abs(next))) {
                    small = false;
                }
                beta[j] = next;
            }
            if (small) {
                converged = true;
                break;
            }
        }
        if (!converged) {
            throw notConverged(t0, iterations);
        }
        means(x, kept, beta, mu);
        double[][] a = new double[p][p];
        double[] g = new double[p];
        information(x, kept, mu, y, a, g);
        double[][] inv = Cholesky.inverse(a);
        if (inv == null) {
            throw failure("the regression at " + t0 + " is degenerate (its information matrix is not positive definite)");
        }
        double chi2 = 0;
        for (int r = 0; r < n; r++) {
            double e = y[r] - mu[r];
            chi2 += e * e / mu[r];
        }
        double dispersion = chi2 / (n - p);
        double[] fullBeta = new double[cols];
        double[] se = new double[cols];
        java.util.Arrays.fill(se, Double.NaN);
        for (int j = 0; j < p; j++) {
            fullBeta[kept[j]] = beta[j];
            se[kept[j]] = Math.sqrt(inv[j][j] * dispersion);
        }
        double[] w = new double[6];
        double[] wse = new double[6];
        double[] lo = new double[6];
        double[] hi = new double[6];
        int[] nonZero = new int[6];
        for (int k = 0; k < 6; k++) {
            int j = k + 2;
            if (j < cols) {
                for (int r = 0; r < n; r++) {
                    if (x[j][r] != 0) {
                        nonZero[k]++;
                    }
                }
            }
            if (j >= cols || dropped[j]) {
                w[k] = 1;
                wse[k] = Double.NaN;
                lo[k] = Double.NaN;
                hi[k] = Double.NaN;
            } else {
                w[k] = Math.exp(fullBeta[j]);
                wse[k] = w[k] * se[j];
                lo[k] = Math.exp(fullBeta[j] - Z95 * se[j]);
                hi[k] = Math.exp(fullBeta[j] + Z95 * se[j]);
            }
        }
        Weights weights;
        try {
            weights = Weights.of(w);
        } catch (IllegalArgumentException e) {
            throw failure("the fitted weights at " + t0 + " are not usable numbers (" + e.getMessage() + ")");
        }
        return new Estimate(t0, n, iterations, meanY, chi2, dispersion, fullBeta, se, dropped, weights, wse, lo, hi, nonZero);
    }

    /**
     * Columns to drop: constant over the rows, or with a least-squares residual on the kept
     * columns before it of at most {@code 1e-9} of its norm. Column 0 (the intercept) is kept.
     */
    static boolean[] dropColumns(double[][] x) {
        int cols = x.length;
        int n = x[0].length;
        boolean[] dropped = new boolean[cols];
        List<double[]> basis = new ArrayList<>();
        for (int j = 0; j < cols; j++) {
            double[] col = x[j];
            if (j > 0) {
                boolean constant = true;
                for (int r = 1; r < n && constant; r++) {
                    constant = col[r] == col[0];
                }
                if (constant) {
                    dropped[j] = true;
                    continue;
                }
            }
            double norm = norm(col);
            double[] v = col.clone();
            // modified Gram-Schmidt, twice for accuracy
            for (int pass = 0; pass < 2; pass++) {
                for (double[] q : basis) {
                    double dot = 0;
                    for (int r = 0; r < n; r++) {
                        dot += q[r] * v[r];
                    }
                    for (int r = 0; r < n; r++) {
                        v[r] -= dot * q[r];
                    }
                }
            }
            double res = norm(v);
            if (j > 0 && res <= COLLINEAR * norm) {
                dropped[j] = true;
                continue;
            }
            if (res == 0) {
                dropped[j] = true;
                continue;
            }
            for (int r = 0; r < n; r++) {
                v[r] /= res;
            }
            basis.add(v);
        }
        return dropped;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return Math.sqrt(s);
    }

    private static int[] kept(boolean[] dropped) {
        int p = 0;
        for (boolean b : dropped) {
            if (!b) {
                p++;
            }
        }
        int[] out = new int[p];
        int i = 0;
        for (int j = 0; j < dropped.length; j++) {
            if (!dropped[j]) {
                out[i++] = j;
            }
        }
        return out;
    }

    private static void means(double[][] x, int[] kept, double[] beta, double[] mu) {
        int n = mu.length;
        for (int r = 0; r < n; r++) {
            double eta = 0;
            for (int j = 0; j < kept.length; j++) {
                eta += x[kept[j]][r] * beta[j];
            }
            mu[r] = Math.exp(eta);
        }
    }

    /** {@code a = X' diag(mu) X} and {@code g = X' (y - mu)}: the IRLS step is {@code a^-1 g}. */
    private static void information(double[][] x, int[] kept, double[] mu, double[] y, double[][] a, double[] g) {
        int p = kept.length;
        int n = mu.length;
        double[] row = new double[p];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < p; j++) {
                row[j] = x[kept[j]][r];
            }
            double m = mu[r];
            double e = y[r] - m;
            for (int j = 0; j < p; j++) {
                double wj = m * row[j];
                g[j] += row[j] * e;
                for (int k = 0; k <= j; k++) {
                    a[j][k] += wj * row[k];
                }
            }
        }
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < j; k++) {
                a[k][j] = a[j][k];
            }
        }
    }

    private static WorkbenchException notConverged(LocalDate t0, int iterations) {
        return failure("the weight estimation at " + t0 + " did not converge in " + iterations
                + " iterations, so no weights were produced");
    }

    private static WorkbenchException failure(String what) {
        return new WorkbenchException("Weights could not be estimated: " + what + ".",
                "Pin the weights instead (score --weights FILE.json), or choose another calibration date.", false);
    }

    /** A small Cholesky factorisation for the symmetric positive definite systems of the fit. */
    static final class Cholesky {
        private Cholesky() {
        }

        /** The lower factor, or null when the matrix is not positive definite. */
        static double[][] factor(double[][] a) {
            int p = a.length;
            double[][] l = new double[p][p];
            for (int j = 0; j < p; j++) {
                double d = a[j][j];
                for (int k = 0; k < j; k++) {
                    d -= l[j][k] * l[j][k];
                }
                if (!(d > 0) || !Double.isFinite(d)) {
                    return null;
                }
                l[j][j] = Math.sqrt(d);
                for (int i = j + 1; i < p; i++) {
                    double s = a[i][j];
                    for (int k = 0; k < j; k++) {
                        s -= l[i][k] * l[j][k];
                    }
                    l[i][j] = s / l[j][j];
                }
            }
            return l;
        }

        static double[] solve(double[][] a, double[] b) {
            double[][] l = factor(a);
            return l == null ? null : solve(l, b, true);
        }

        private static double[] solve(double[][] l, double[] b, boolean factored) {
            int p = l.length;
            double[] z = new double[p];
            for (int i = 0; i < p; i++) {
                double s = b[i];
                for (int k = 0; k < i; k++) {
                    s -= l[i][k] * z[k];
                }
                z[i] = s / l[i][i];
            }
            double[] out = new double[p];
            for (int i = p - 1; i >= 0; i--) {
                double s = z[i];
                for (int k = i + 1; k < p; k++) {
                    s -= l[k][i] * out[k];
                }
                out[i] = s / l[i][i];
            }
            return out;
        }

        static double[][] inverse(double[][] a) {
            double[][] l = factor(a);
            if (l == null) {
                return null;
            }
            int p = a.length;
            double[][] inv = new double[p][];
            for (int j = 0; j < p; j++) {
                double[] e = new double[p];
                e[j] = 1;
                inv[j] = solve(l, e, true);
            }
            return inv;
        }
    }
}
