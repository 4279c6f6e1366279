package org.iomworkbench.core.link;

import java.util.HashMap;
import java.util.Map;

/**
 * Term-frequency adjustment (as in Splink): an exact match on a value shared by few records is
 * stronger evidence than one on a common value. For a field with value frequencies {@code tf}
 * among the records, an exact match on value {@code v} adds {@code log2(sum(tf^2) / tf(v))} to the
 * field's weight: {@code sum(tf^2)} is the chance that two unrelated records agree on the field,
 * {@code tf(v)^2} the chance that they agree on {@code v}, and a match is {@code tf(v)} times as
 * likely to show {@code v}. Applied to surname, forenames (the whole of them for an exact match,
 * the first for a first-forename match) and date of birth.
 */
final class TermFrequencies {
    /** Per record: the adjustment an exact match on its value earns (0 when missing). */
    final double[] surname;
    final double[] forename;
    final double[] forenames;
    final double[] dob;
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
        Map<Integer, Integer> dense = new HashMap<>();
        int[] dobIds = new int[n];
        for (int i = 0; i < n; i++) {
            dobIds[i] = r.dob[i] == LinkRecords.NONE ? LinkRecords.NONE : dense.computeIfAbsent(r.dob[i], k -> dense.size());
        }
        sumSquaresDob = adjust(dobIds, dob, dense.size());
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
