package org.iomworkbench.core.score;

/**
 * Everyone's score under one configuration, in the person order of {@link ScoreData}: the
 * clock, S, the four flags, the two trends, the RFSDi and (when cut-offs were given) the band.
 */
public final class Scores {
    final byte[] inPrison;
    final double[] s;
    final byte[] alcoholCrime;
    final byte[] alcoholDependency;
    final byte[] opiatesPositive;
    final byte[] cocainePositive;
    final byte[] harmTrend;
    final byte[] freqTrend;
    final double[] rfsdi;
    /** Band ordinal, or -1 when scored without cut-offs. */
    final byte[] band;
    final ScoringConfig config;

    Scores(int n, ScoringConfig config) {
        inPrison = new byte[n];
        s = new double[n];
        alcoholCrime = new byte[n];
        alcoholDependency = new byte[n];
        opiatesPositive = new byte[n];
        cocainePositive = new byte[n];
        harmTrend = new byte[n];
        freqTrend = new byte[n];
        rfsdi = new double[n];
        band = new byte[n];
        this.config = config;
    }

    public int size() {
        return s.length;
    }

    /** The configuration that made these scores (null when scored for estimation only). */
    public ScoringConfig config() {
        return config;
    }

    public boolean inPrison(int p) {
        return inPrison[p] != 0;
    }

    public double s(int p) {
        return s[p];
    }

    public int alcoholCrime(int p) {
        return alcoholCrime[p];
    }

    public int alcoholDependency(int p) {
        return alcoholDependency[p];
    }

    public int opiatesPositive(int p) {
        return opiatesPositive[p];
    }

    public int cocainePositive(int p) {
        return cocainePositive[p];
    }

    public int harmTrend(int p) {
        return harmTrend[p];
    }

    public int freqTrend(int p) {
        return freqTrend[p];
    }

    /** The six x_k of section 4 in the order of {@link Weights#KEYS}. */
    public int x(int p, int k) {
        return switch (k) {
            case 0 -> alcoholCrime[p];
            case 1 -> alcoholDependency[p];
            case 2 -> opiatesPositive[p];
            case 3 -> cocainePositive[p];
            case 4 -> harmTrend[p];
            case 5 -> freqTrend[p];
            default -> throw new IndexOutOfBoundsException(k);
        };
    }

    public double rfsdi(int p) {
        return rfsdi[p];
    }

    /** A copy of every RFSDi value. */
    public double[] rfsdiValues() {
        return rfsdi.clone();
    }

    public Band band(int p) {
        return band[p] < 0 ? null : Band.of(band[p]);
    }

    /** How many persons are in each band, in band order. */
    public long[] bandCounts() {
        long[] out = new long[Band.values().length];
        for (byte b : band) {
            if (b >= 0) {
                out[b]++;
            }
        }
        return out;
    }
}
