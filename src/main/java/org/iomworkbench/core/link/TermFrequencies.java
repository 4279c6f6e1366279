package org.iomworkbench.core.link;

import java.util.HashMap;
import java.util.Map;

/**
 * Term-frequency adjustment (as in Splink): an agreement on a value shared by few records is
 * stronger evidence than one on a common value. For a field with value frequencies {@code tf}
 * among the records, an exact match on value {@code v} adds {@code log2(sum(tf^2) / tf(v))} to the
 * field's weight: {@code sum(tf^2)} is the chance that two unrelated records agree on the field,
 * {@code tf(v)^2} the chance that they agree on {@code v}, and a match is {@code tf(v)} times as
 * likely to show {@code v}. Applied to surname, forenames (the whole of them for an exact match,
 * the first for a first-forename match) and date of birth.
 *
 * <p>Two refinements. <b>The full name</b>: surname and forename are not independent (names come
 * from related pools: a forename is far more common with some surnames than with others), so
 * when both agree exactly the two adjustments are replaced by one on the whole name,
 * {@code log2(sum(tf_s^2) sum(tf_f^2) / tf(surname, forename))}; {@link #fullName} and
 * {@link #firstName} hold the difference to add. <b>Near agreements</b> (a typo, a nickname, an
 * initial, a day/month swap) are adjusted by the frequency of the more common of the two values,
 * as Splink does for fuzzy levels: "Smyth"/"Smith" is about as strong as an agreement on "Smith",
 * never as strong as one on the rare typo.
 */
final class TermFrequencies {
    /** Per record: the adjustment an exact match on its value earns (0 when missing). */
    final double[] surname;
    final double[] forename;
    final double[] forenames;
    final double[] dob;
    /** Per record: what turns the surname + whole-forenames adjustments into one on the full name. */
    final double[] fullName;
    /** Per record: what turns the surname + first-forename adjustments into one on surname + first forename. */
    final double[] firstName;
    final double sumSquaresSurname;
    final double sumSquaresForename;
    final double sumSquaresDob;

    TermFrequencies(LinkRecords r) {
        int n = r.n;
        surname = new double[n];
        forename = new double[n];
        dob = new double[n];
        sumSquaresSurname = adjust(r.surname, surname, r.names.size());
        sumSquaresForename = adjust(r.forename1, forename, r.names.size());
        forenames = new double[n];
        adjust(r.forenames, forenames, r.codes.size());
        int[] dobIds = dense(r.dob, r.dob);
        sumSquaresDob = adjust(dobIds, dob, n);
        fullName = new double[n];
        firstName = new double[n];
        joint(r, r.forenames, r.codes.size(), fullName);
        joint(r, r.forename1, r.names.size(), firstName);
    }

    /** Dense ids of the values of {@code key} (NONE where {@code present} is NONE). */
    private static int[] dense(int[] key, int[] present) {
        Map<Integer, Integer> ids = new HashMap<>();
        int[] out = new int[key.length];
        for (int i = 0; i < key.length; i++) {
            out[i] = present[i] == LinkRecords.NONE ? LinkRecords.NONE : ids.computeIfAbsent(key[i], k -> ids.size());
        }
        return out;
    }

    /**
     * For records with both a surname and forenames: what turns the two single-field adjustments
     * into one on the full name, {@code log2(tf_s tf_f / tf_sf)} (the sums of squares cancel).
     * The three frequencies are counted over distinct (surname, forenames, date of birth) values
     * rather than records, so that one person's several records do not make their name look like
     * a common combination: the correction measures how much more often the two names go together
     * among different people than chance would have it.
     */
    private static void joint(LinkRecords r, int[] fn, int fnValues, double[] out) {
        int n = r.n;
        long[] key = new long[n];
        long[] seenKey = new long[n];
        int present = 0;
        int dated = 0;
        for (int i = 0; i < n; i++) {
            if (r.surname[i] == LinkRecords.NONE || fn[i] == LinkRecords.NONE) {
                continue;
            }
            long k = ((long) r.surname[i] << 32) | (fn[i] & 0xFFFFFFFFL);
            key[present++] = k;
            if (r.dob[i] != LinkRecords.NONE) {
                seenKey[dated++] = k * 31 + r.dob[i] * 0x9E3779B97F4A7C15L;
            }
        }
        // the name pairs and the (name, date of birth) keys, each sorted and without repeats:
        // a value's place in its array is its id (only counts are kept per id)
        long[] names = Sorted.distinct(key, present);
        long[] dates = Sorted.distinct(seenKey, dated);
        boolean[] seen = new boolean[dates.length];
        int[] cj = new int[Math.max(1, names.length)];
        int[] cs = new int[Math.max(1, r.names.size())];
        int[] cf = new int[Math.max(1, fnValues)];
        int[] jid = new int[n];
        long distinct = 0;
        for (int i = 0; i < n; i++) {
            if (r.surname[i] == LinkRecords.NONE || fn[i] == LinkRecords.NONE) {
                jid[i] = LinkRecords.NONE;
                continue;
            }
            long k = ((long) r.surname[i] << 32) | (fn[i] & 0xFFFFFFFFL);
            jid[i] = java.util.Arrays.binarySearch(names, k);
            // a name with the same date of birth counts once: its first record in record order
            boolean first = true;
            if (r.dob[i] != LinkRecords.NONE) {
                int d = java.util.Arrays.binarySearch(dates, k * 31 + r.dob[i] * 0x9E3779B97F4A7C15L);
                first = !seen[d];
                seen[d] = true;
            }
            if (first) {
                cj[jid[i]]++;
                cs[r.surname[i]]++;
                cf[fn[i]]++;
                distinct++;
            }
        }
        for (int i = 0; i < n; i++) {
            if (jid[i] == LinkRecords.NONE) {
                continue;
            }
            double ts = cs[r.surname[i]];
            double tfn = cf[fn[i]];
            double tj = cj[jid[i]];
            out[i] = ts == 0 || tfn == 0 || tj == 0 ? 0 : log2(ts * tfn / (tj * distinct));
        }
    }

    private static double adjust(int[] ids, double[] out, int distinct) {
        int[] count = new int[Math.max(1, distinct)];
        long present = 0;
        for (int id : ids) {
            if (id != LinkRecords.NONE) {
                count[id]++;
                present++;
            }
        }
        if (present == 0) {
            return 0;
        }
        double s2 = 0;
        for (int c : count) {
            double tf = (double) c / present;
            s2 += tf * tf;
        }
        for (int i = 0; i < ids.length; i++) {
            out[i] = ids[i] == LinkRecords.NONE ? 0 : log2(s2 / ((double) count[ids[i]] / present));
        }
        return s2;
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
