package org.iomworkbench.core.score;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Sections 7 and 8 at the configuration's as-at date {@code T}, with its frozen weights and
 * cut-offs: who is at risk, who escalates (HIGH or SUPER_HIGH on some day of
 * {@code (T, T + 365]}, evaluated on {@code T + 1} and on every day on which something of the
 * person changes), and the crime group of the next offence. When {@code T + 365} is after the
 * end of the data, escalation and next crime group are unknown for everyone.
 */
public final class Labels {
    public static final int FOLLOW_UP_DAYS = 365;

    final byte[] atRisk;
    /** 1 escalates, 0 does not, -1 unknown or not at risk (empty). */
    final byte[] escalates;
    /** The next crime group, or null (empty). */
    final String[] nextCrimeGroup;
    final boolean followUpComplete;

    private Labels(int n, boolean complete) {
        atRisk = new byte[n];
        escalates = new byte[n];
        nextCrimeGroup = new String[n];
        followUpComplete = complete;
        Arrays.fill(escalates, (byte) -1);
    }

    public boolean atRisk(int p) {
        return atRisk[p] != 0;
    }

    /** Whether the person escalates; null when not at risk or the follow-up year is not complete. */
    public Boolean escalates(int p) {
        return escalates[p] < 0 ? null : escalates[p] == 1;
    }

    /** The crime group of the next offence in the follow-up year; null when empty. */
    public String nextCrimeGroup(int p) {
        return nextCrimeGroup[p];
    }

    /** Whether {@code T + 365} is on or before the end of the data, so that labels are known. */
    public boolean followUpComplete() {
        return followUpComplete;
    }

    public long count(boolean wantAtRisk, Boolean wantEscalates) {
        long n = 0;
        for (int p = 0; p < atRisk.length; p++) {
            if ((atRisk[p] != 0) == wantAtRisk && (wantEscalates == null ? true
                    : escalates[p] == (wantEscalates ? 1 : 0))) {
                n++;
            }
        }
        return n;
    }

    /** Labels for everyone at {@code cfg.asAt()}; {@code scores} must be {@link Scorer#score(ScoreData, ScoringConfig)} of the same configuration. */
    public static Labels compute(ScoreData d, ScoringConfig cfg, Scores scores) {
        return compute(d, cfg, scores, FOLLOW_UP_DAYS);
    }

    /** As {@link #compute(ScoreData, ScoringConfig, Scores)} with a follow-up of {@code horizonDays} instead of 365. */
    public static Labels compute(ScoreData d, ScoringConfig cfg, Scores scores, int horizonDays) {
        int t = (int) cfg.asAt().toEpochDay();
        int last = t + horizonDays;
        boolean complete = d.offDate.length > 0 && last <= d.endOfData;
        Labels out = new Labels(d.persons, complete);
        double hl = cfg.halfLifeDays();
        int lookback = cfg.lookbackDays();
        int window = cfg.windowDays();
        double[] w = cfg.weights().toArray();
        Cutoffs cut = cfg.cutoffs();
        double[] pow = Scorer.decayTable(d, last, hl);
        IntStream.range(0, (d.persons + 1023) / 1024).parallel().forEach(b -> {
            int to = Math.min(d.persons, (b + 1) * 1024);
            for (int p = b * 1024; p < to; p++) {
                int from = d.offStart[p];
                boolean offended = from < d.offStart[p + 1] && d.offDate[from] <= t;
                if (!offended || scores.band[p] >= Band.HIGH.ordinal()) {
                    continue;
                }
                out.atRisk[p] = 1;
                if (!complete) {
                    continue;
                }
                boolean up = false;
                for (int day : changeDays(d, p, t, last, lookback, window)) {
                    double r = Scorer.kernel(d, p, day, hl, lookback, window, pow, w, null, 0);
                    if (cut.bandOrdinal(r) >= Band.HIGH.ordinal()) {
                        up = true;
                        break;
                    }
                }
                out.escalates[p] = (byte) (up ? 1 : 0);
                for (int i = from, e = d.offStart[p + 1]; i < e; i++) {
                    int di = d.offDate[i];
                    if (di > t) {
                        if (di <= last) {
                            out.nextCrimeGroup[p] = d.codeGroup[d.offCode[i]];
                        }
                        break;
                    }
                }
            }
        });
        return out;
    }

    /**
     * {@code T + 1} and every day in {@code (T + 1, last]} on which something of the person may
     * change: an offence, a test, a marker or a prison record starts or ends, or an offence or
     * test crosses the edge of a window or of the lookback. In ascending order, without repeats.
     */
    static int[] changeDays(ScoreData d, int p, int t, int last, int lookback, int window) {
        int cap = 1 + 4 * (d.offStart[p + 1] - d.offStart[p]) + 2 * (d.testStart[p + 1] - d.testStart[p])
                + 2 * (d.markerStart[p + 1] - d.markerStart[p]) + 2 * (d.prisonStart[p + 1] - d.prisonStart[p]);
        int[] buf = new int[cap];
        int n = 0;
        buf[n++] = t + 1;
        for (int i = d.offStart[p], e = d.offStart[p + 1]; i < e; i++) {
            long di = d.offDate[i];
            if (di > last) {
                break;
            }
            n = addDay(buf, n, di, t, last);
            n = addDay(buf, n, di + window, t, last);
            n = addDay(buf, n, di + 2L * window, t, last);
            n = addDay(buf, n, di + lookback, t, last);
        }
        for (int k = d.testStart[p], e = d.testStart[p + 1]; k < e; k++) {
            n = addDay(buf, n, d.testDate[k], t, last);
            n = addDay(buf, n, (long) d.testDate[k] + lookback, t, last);
        }
        for (int k = d.markerStart[p], e = d.markerStart[p + 1]; k < e; k++) {
            n = addDay(buf, n, d.markerFrom[k], t, last);
            n = addDay(buf, n, d.markerTo[k], t, last);
        }
        for (int k = d.prisonStart[p], e = d.prisonStart[p + 1]; k < e; k++) {
            n = addDay(buf, n, d.prisonEntry[k], t, last);
            n = addDay(buf, n, d.prisonRelease[k], t, last);
        }
        Arrays.sort(buf, 0, n);
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m == 0 || buf[i] != buf[m - 1]) {
                buf[m++] = buf[i];
            }
        }
        return Arrays.copyOf(buf, m);
    }

    private static int addDay(int[] buf, int n, long day, int t, int last) {
        if (day > t + 1 && day <= last) {
            buf[n++] = (int) day;
        }
        return n;
    }
}
