package org.iomworkbench.core.score;

import java.time.LocalDate;
import java.util.stream.IntStream;

/**
 * Sections 1 to 5 for everyone: the clock with the prison stop, S with half-life decay, the
 * four flags, the two trends, the RFSDi and the band. Reads only the arrays of
 * {@link ScoreData}, persons in parallel blocks; any change of as-at date, half-life, lookback,
 * window, weights or cut-offs is a fresh call.
 */
public final class Scorer {
    private static final int BLOCK = 8192;
    /** Two harm sums are equal when they differ by at most this share of the larger. */
    static final double TREND_TOLERANCE = 1e-9;

    private Scorer() {
    }

    /** Everyone at the configuration's as-at date with its weights and cut-offs. */
    public static Scores score(ScoreData d, ScoringConfig cfg) {
        return score(d, (int) cfg.asAt().toEpochDay(), cfg.halfLifeDays(), cfg.lookbackDays(), cfg.windowDays(),
                cfg.weights(), cfg.cutoffs(), cfg);
    }

    /** Everyone at {@code asAt}; {@code cutoffs} may be null (no bands). */
    public static Scores score(ScoreData d, LocalDate asAt, double halfLife, int lookback, int window, Weights w,
                               Cutoffs cutoffs) {
        return score(d, (int) asAt.toEpochDay(), halfLife, lookback, window, w, cutoffs, null);
    }

    static Scores score(ScoreData d, int t, double halfLife, int lookback, int window, Weights w, Cutoffs cutoffs,
                        ScoringConfig cfg) {
        Scores out = new Scores(d.persons, cfg);
        double[] pow = decayTable(d, t, halfLife);
        double[] wa = w.toArray();
        int blocks = (d.persons + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int to = Math.min(d.persons, (b + 1) * BLOCK);
            for (int p = b * BLOCK; p < to; p++) {
                double r = kernel(d, p, t, halfLife, lookback, window, pow, wa, out, p);
                out.band[p] = (byte) (cutoffs == null ? -1 : cutoffs.bandOrdinal(r));
            }
        });
        return out;
    }

    /** {@code 2^(-age/halfLife)} for every age from 0 to the oldest offence at {@code t}. */
    static double[] decayTable(ScoreData d, int t, double halfLife) {
        int maxAge = Math.max(0, Math.min(t - d.minDate, 1 << 20));
        double[] pow = new double[maxAge + 1];
        for (int a = 0; a <= maxAge; a++) {
            pow[a] = decay(a, halfLife);
        }
        return pow;
    }

    static double decay(int age, double halfLife) {
        return Math.pow(2.0, -(double) age / halfLife);
    }

    /**
     * Scores person {@code p} at day {@code t}; writes the parts into {@code out[slot]} when
     * {@code out} is not null and returns the RFSDi.
     */
    static double kernel(ScoreData d, int p, int t, double halfLife, int lookback, int window, double[] pow,
                         double[] w, Scores out, int slot) {
        // section 1: the clock
        int c = t;
        boolean inPrison = false;
        for (int k = d.prisonStart[p], e = d.prisonStart[p + 1]; k < e; k++) {
            int entry = d.prisonEntry[k];
            if (entry <= t && d.prisonRelease[k] > t && (!inPrison || entry > c)) {
                c = entry;
                inPrison = true;
            }
        }
        // sections 2 and 3: S, the alcohol flag and the windows
        double s = 0;
        double hRecent = 0;
        double hPrevious = 0;
        int nRecent = 0;
        int nPrevious = 0;
        boolean alcohol = false;
        long lookbackEdge = (long) c - lookback;
        long recentEdge = (long) c - window;
        long previousEdge = (long) c - 2L * window;
        int[] date = d.offDate;
        double[] h = d.offH;
        for (int i = d.offStart[p], e = d.offStart[p + 1]; i < e; i++) {
            int di = date[i];
            if (di > t) {
                break;
            }
            double hi = h[i];
            if (di > c) {
                s += hi; // committed in prison: age 0, in no window
                continue;
            }
            int age = c - di;
            s += hi * (age < pow.length ? pow[age] : decay(age, halfLife));
            if (di > recentEdge) {
                hRecent += hi;
                nRecent++;
            } else if (di > previousEdge) {
                hPrevious += hi;
                nPrevious++;
            }
            if (di > lookbackEdge && d.offAlcohol[i] != 0) {
                alcohol = true;
            }
        }
        boolean dependency = false;
        for (int k = d.markerStart[p], e = d.markerStart[p + 1]; k < e; k++) {
            if (d.markerFrom[k] <= c && d.markerTo[k] > c) {
                dependency = true;
                break;
            }
        }
        int drugs = 0;
        for (int k = d.testStart[p], e = d.testStart[p + 1]; k < e; k++) {
            int td = d.testDate[k];
            if (td <= c && td > lookbackEdge) {
                drugs |= d.testKind[k];
            }
        }
        boolean opiates = (drugs & ScoreData.OPIATES) != 0;
        boolean cocaine = (drugs & ScoreData.COCAINE) != 0;
        int harmTrend = harmSign(hRecent, hPrevious);
        int freqTrend = Integer.signum(nRecent - nPrevious);
        // section 4
        double r = s;
        if (alcohol) {
            r *= w[0];
        }
        if (dependency) {
            r *= w[1];
        }
        if (opiates) {
            r *= w[2];
        }
        if (cocaine) {
            r *= w[3];
        }
        if (harmTrend > 0) {
            r *= w[4];
        } else if (harmTrend < 0) {
            r /= w[4];
        }
        if (freqTrend > 0) {
            r *= w[5];
        } else if (freqTrend < 0) {
            r /= w[5];
        }
        if (out != null) {
            out.inPrison[slot] = (byte) (inPrison ? 1 : 0);
            out.s[slot] = s;
            out.alcoholCrime[slot] = (byte) (alcohol ? 1 : 0);
            out.alcoholDependency[slot] = (byte) (dependency ? 1 : 0);
            out.opiatesPositive[slot] = (byte) (opiates ? 1 : 0);
            out.cocainePositive[slot] = (byte) (cocaine ? 1 : 0);
            out.harmTrend[slot] = (byte) harmTrend;
            out.freqTrend[slot] = (byte) freqTrend;
            out.rfsdi[slot] = r;
        }
        return r;
    }

    /** sign(a - b), with sums within {@code 1e-9 * max(|a|, |b|)} of each other equal. */
    static int harmSign(double a, double b) {
        double diff = a - b;
        if (Math.abs(diff) <= TREND_TOLERANCE * Math.max(Math.abs(a), Math.abs(b))) {
            return 0;
        }
        return diff > 0 ? 1 : -1;
    }
}
