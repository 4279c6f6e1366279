package org.iomworkbench.core.link;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * The comparison levels of {@link Field}: which level a pair of records reaches on each field,
 * packed into a pattern. One instance per thread (it keeps a small cache of Jaro-Winkler
 * similarities between name ids; similarity comes from Apache Commons Text, phonetic codes from
 * Commons Codec).
 */
final class Comparisons {
    static final double JW_HIGH = 0.92;
    static final double JW_LOW = 0.80;
    private static final int CACHE_BITS = 16;

    private final LinkRecords r;
    private final JaroWinklerSimilarity jaroWinkler = new JaroWinklerSimilarity();
    private final long[] cacheKey = new long[1 << CACHE_BITS];
    private final float[] cacheValue = new float[1 << CACHE_BITS];

    Comparisons(LinkRecords records) {
        this.r = records;
        java.util.Arrays.fill(cacheKey, -1L);
    }

    int pattern(int a, int b) {
        int sn = surname(a, b);
        int fn = sn == Field.SN_SWAPPED ? Field.MISSING : forenames(a, b);
        return Field.pack(sn, fn, dob(a, b), gender(a, b), postcode(a, b), pnc(a, b), source(a, b), events(a, b));
    }

    int surname(int a, int b) {
        int x = r.surname[a];
        int y = r.surname[b];
        if (x == LinkRecords.NONE || y == LinkRecords.NONE) {
            return Field.MISSING;
        }
        if (x == y) {
            return Field.EXACT;
        }
        int fa = r.forename1[a];
        int fb = r.forename1[b];
        if (fa != LinkRecords.NONE && fb != LinkRecords.NONE && swappedClose(x, r.surnameParts[a], fb)
                && swappedClose(y, r.surnameParts[b], fa)) {
            return Field.SN_SWAPPED;
        }
        double s = jw(x, y);
        if (s >= JW_HIGH) {
            return Field.SN_JW_HIGH;
        }
        if (sharePart(a, b)) {
            return Field.SN_PART;
        }
        if (phonetic(x, y)) {
            return Field.SN_PHONETIC;
        }
        return s >= JW_LOW ? Field.SN_JW_LOW : Field.SN_DIFFERENT;
    }

    int forenames(int a, int b) {
        int x = r.forename1[a];
        int y = r.forename1[b];
        if (x == LinkRecords.NONE || y == LinkRecords.NONE) {
            return Field.MISSING;
        }
        if (r.forenames[a] == r.forenames[b]) {
            return Field.EXACT;
        }
        if (x == y) {
            return Field.FN_FIRST;
        }
        if (Nicknames.share(r.nicknameGroups[x], r.nicknameGroups[y])) {
            return Field.FN_NICKNAME;
        }
        double s = jw(x, y);
        if (s >= JW_HIGH) {
            return Field.FN_JW_HIGH;
        }
        if (phonetic(x, y)) {
            return Field.FN_PHONETIC;
        }
        String nx = r.names.get(x);
        String ny = r.names.get(y);
        if ((nx.length() == 1 || ny.length() == 1) && nx.charAt(0) == ny.charAt(0)) {
            return Field.FN_INITIAL;
        }
        return s >= JW_LOW ? Field.FN_JW_LOW : Field.FN_DIFFERENT;
    }

    int dob(int a, int b) {
        int x = r.dob[a];
        int y = r.dob[b];
        if (x == LinkRecords.NONE || y == LinkRecords.NONE) {
            return Field.MISSING;
        }
        if (x == y) {
            return Field.EXACT;
        }
        int yx = x / 10000;
        int yy = y / 10000;
        int mx = x / 100 % 100;
        int my = y / 100 % 100;
        int dx = x % 100;
        int dy = y % 100;
        if (yx == yy && mx == dy && dx == my) {
            return Field.DOB_SWAPPED;
        }
        int differing = 0;
        for (int k = 0, p = x, q = y; k < 8; k++, p /= 10, q /= 10) {
            if (p % 10 != q % 10) {
                differing++;
            }
        }
        if (differing == 1) {
            return Field.DOB_ONE_DIGIT;
        }
        return yx == yy ? Field.DOB_SAME_YEAR : Field.DOB_DIFFERENT;
    }

    int gender(int a, int b) {
        int x = r.gender[a];
        int y = r.gender[b];
        if (x == 0 || y == 0) {
            return Field.MISSING;
        }
        return x == y ? Field.EXACT : Field.GENDER_DIFFERENT;
    }

    int postcode(int a, int b) {
        if (r.postcode[a] == LinkRecords.NONE || r.postcode[b] == LinkRecords.NONE) {
            return Field.MISSING;
        }
        if (r.postcode[a] == r.postcode[b]) {
            return Field.EXACT;
        }
        if (r.sector[a] == r.sector[b]) {
            return Field.PC_SECTOR;
        }
        return r.district[a] == r.district[b] ? Field.PC_DISTRICT : Field.PC_DIFFERENT;
    }

    int source(int a, int b) {
        return r.sourceNo[a] == r.sourceNo[b] ? Field.EXACT : Field.SOURCE_DIFFERENT;
    }

    /** Shared event days of two records of different systems (both lists sorted, without repeats). */
    int events(int a, int b) {
        int[] x = r.eventDays[a];
        int[] y = r.eventDays[b];
        if (x == null || y == null || r.sourceNo[a] == r.sourceNo[b]) {
            return Field.MISSING;
        }
        int shared = sharedDays(x, y);
        if (shared > 0) {
            return shared >= 2 ? Field.EXACT : Field.EVENTS_ONE_DAY;
        }
        return Math.min(x.length, y.length) >= Field.EVENTS_MANY ? Field.EVENTS_NONE_OF_MANY : Field.EVENTS_NONE_SHARED;
    }

    /** How many days two ascending lists share, counting up to 2 (enough for the levels). */
    static int sharedDays(int[] x, int[] y) {
        if (x.length > y.length) {
            int[] t = x;
            x = y;
            y = t;
        }
        if (x.length == 0 || x[x.length - 1] < y[0] || y[y.length - 1] < x[0]) {
            return 0; // the two spans do not meet
        }
        int shared = 0;
        if (y.length >= 8 * x.length) {
            // a short list against a long one: look each day up
            for (int i = 0; i < x.length && shared < 2; i++) {
                if (java.util.Arrays.binarySearch(y, x[i]) >= 0) {
                    shared++;
                }
            }
            return shared;
        }
        // a merge without unpredictable branches: both move on a tie, the smaller one otherwise
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length && shared < 2) {
            int a = x[i];
            int b = y[j];
            shared += a == b ? 1 : 0;
            i += a <= b ? 1 : 0;
            j += b <= a ? 1 : 0;
        }
        return shared;
    }

    int pnc(int a, int b) {
        if (r.pnc[a] == LinkRecords.NONE || r.pnc[b] == LinkRecords.NONE) {
            return Field.MISSING;
        }
        return r.pnc[a] == r.pnc[b] ? Field.EXACT : Field.PNC_DIFFERENT;
    }

    private boolean close(int nameA, int nameB) {
        return nameA == nameB || jw(nameA, nameB) >= JW_HIGH;
    }

    /**
     * Whether a surname (or one part of a hyphenated surname) is close to a forename written in
     * its place: the same, a small typo apart, a common nickname of one another, or its initial.
     */
    private boolean swappedClose(int surname, int[] surnameParts, int forename) {
        if (close(surname, forename) || Nicknames.share(r.nicknameGroups[surname], r.nicknameGroups[forename])) {
            return true;
        }
        String sn = r.names.get(surname);
        String fn = r.names.get(forename);
        if ((sn.length() == 1 || fn.length() == 1) && sn.charAt(0) == fn.charAt(0)) {
            return true; // an initial in place of the name
        }
        if (surnameParts != null) {
            for (int part : surnameParts) {
                if (close(part, forename)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean phonetic(int x, int y) {
        int px = r.dmPrimary[x];
        int py = r.dmPrimary[y];
        if (px == LinkRecords.NONE || py == LinkRecords.NONE) {
            return false;
        }
        int ax = r.dmAlternate[x];
        int ay = r.dmAlternate[y];
        return px == py || px == ay || ax == py || ax == ay;
    }

    private boolean sharePart(int a, int b) {
        int[] pa = r.surnameParts[a];
        int[] pb = r.surnameParts[b];
        if (pa == null && pb == null) {
            return false;
        }
        if (pa == null) {
            return contains(pb, r.surname[a]);
        }
        if (pb == null) {
            return contains(pa, r.surname[b]);
        }
        for (int x : pa) {
            if (contains(pb, x)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(int[] parts, int id) {
        for (int p : parts) {
            if (p == id) {
                return true;
            }
        }
        return false;
    }

    /** Jaro-Winkler similarity of two name ids, cached. */
    double jw(int x, int y) {
        if (x == y) {
            return 1.0;
        }
        int lo = Math.min(x, y);
        int hi = Math.max(x, y);
        long key = ((long) lo << 32) | hi;
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - CACHE_BITS));
        if (cacheKey[slot] == key) {
            return cacheValue[slot];
        }
        float s = (float) jaroWinkler.apply(r.names.get(lo), r.names.get(hi)).doubleValue();
        cacheKey[slot] = key;
        cacheValue[slot] = s;
        return s;
    }
}
