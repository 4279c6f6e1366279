package org.iomworkbench.core.link;

import org.iomworkbench.core.util.Hashing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A merged person's identifier and attributes. The id is derived from the cluster's first record
 * in (source, source_person_id) order, so the same cluster gets the same id on every run and in
 * every snapshot where it occurs. Attributes follow section 0 of the RFSDi spec: each is the most
 * common non-missing value among the person's records ({@code U} counts as missing for gender);
 * ties go to the value of the first record in (source, source_person_id) order. The name is the
 * (surname, forenames) pair.
 */
public final class PersonTable {
    private PersonTable() {
    }

    /** The person id of a cluster whose first record is {@code first}: P and 16 hex digits of a SHA-256. */
    public static String personId(RecordKey first) {
        return "P" + Hashing.sha256(first.source() + "\u001f" + first.sourcePersonId()).substring(0, 16).toUpperCase(java.util.Locale.ROOT);
    }

    /** A person's chosen attributes. */
    public record Attributes(String surname, String forenames, LocalDate dateOfBirth, String gender, String ethnicity) {
    }

    /** The attributes of a person whose records are {@code records}, sorted by key. */
    public static Attributes choose(List<NominalRecord> records) {
        String[] name = mostCommon(records, r -> {
            String s = blankToNull(r.surname());
            String f = blankToNull(r.forenames());
            return s == null && f == null ? null : new String[]{s == null ? "" : s, f == null ? "" : f};
        }, v -> v[0] + "\u0000" + v[1]);
        LocalDate dob = mostCommon(records, NominalRecord::dateOfBirth, LocalDate::toString);
        String gender = mostCommon(records, r -> {
            String g = blankToNull(r.gender());
            return g == null || g.equalsIgnoreCase("U") ? null : g;
        }, g -> g);
        String ethnicity = mostCommon(records, r -> blankToNull(r.ethnicity()), e -> e);
        return new Attributes(name == null ? null : name[0], name == null ? null : name[1], dob,
                gender == null ? "U" : gender, ethnicity);
    }

    private static <T> T mostCommon(List<NominalRecord> records, Function<NominalRecord, T> value,
                                    Function<T, String> identity) {
        Map<String, Object[]> seen = new LinkedHashMap<>(); // first-seen order = record order
        for (NominalRecord r : records) {
            T v = value.apply(r);
            if (v != null) {
                Object[] entry = seen.computeIfAbsent(identity.apply(v), k -> new Object[]{v, 0});
                entry[1] = (Integer) entry[1] + 1;
            }
        }
        Object best = null;
        int bestCount = 0;
        for (Object[] e : seen.values()) {
            if ((Integer) e[1] > bestCount) { // strictly more: a tie keeps the earlier value
                best = e[0];
                bestCount = (Integer) e[1];
            }
        }
        @SuppressWarnings("unchecked")
        T t = (T) best;
        return t;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
