package org.iomworkbench.core.link;

import org.iomworkbench.core.util.WorkbenchException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A blocking rule: records are compared only when they agree on all of its parts, so that the
 * number of pairs grows with the sizes of the blocks, not with the square of the records.
 * Written as parts joined by {@code +}, e.g. {@code dob+surname_initial}.
 */
public final class BlockingRule {
    enum Part {
        PNC(Field.PNC), DOB(Field.DOB), DOB_SORTED(Field.DOB), BIRTH_YEAR(Field.DOB), BIRTH_MONTH_DAY(Field.DOB),
        SURNAME(Field.SURNAME), SURNAME_CODE(Field.SURNAME), SURNAME_INITIAL(Field.SURNAME),
        FORENAME(Field.FORENAMES), FORENAME_CODE(Field.FORENAMES), FORENAME_INITIAL(Field.FORENAMES),
        NAMES_SORTED(Field.SURNAME, Field.FORENAMES),
        /** The initials of surname and first forename as an unordered pair (so a swapped pair shares it). */
        INITIALS_SORTED(Field.SURNAME, Field.FORENAMES),
        POSTCODE(Field.POSTCODE), SECTOR(Field.POSTCODE), DISTRICT(Field.POSTCODE), GENDER(Field.GENDER),
        /** Not a key: only pairs in which at least one record has no date of birth are compared. */
        DOB_MISSING(Field.DOB);

        final Field[] fields;

        Part(Field... fields) {
            this.fields = fields;
        }
    }

    private final String text;
    private final List<Part> parts;
    /** Asked for every compared pair: kept rather than searched for in {@link #parts} each time. */
    private final boolean onlyWithoutDob;

    private BlockingRule(String text, List<Part> parts) {
        this.onlyWithoutDob = parts.contains(Part.DOB_MISSING);
        this.text = text;
        this.parts = parts;
    }

    public static BlockingRule parse(String text) {
        List<Part> parts = new ArrayList<>();
        for (String p : text.split("\\+")) {
            String name = p.strip().toUpperCase(Locale.ROOT);
            try {
                parts.add(Part.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new WorkbenchException("Unknown blocking rule part '" + p.strip() + "' in '" + text + "'.",
                        "Use parts among pnc, dob, dob_sorted, birth_year, birth_month_day, surname, surname_code, surname_initial, "
                                + "forename, forename_code, forename_initial, names_sorted, initials_sorted, postcode, sector, district, gender, "
                                + "dob_missing.",
                        true);
            }
        }
        return new BlockingRule(text.strip(), List.copyOf(parts));
    }

    @Override
    public String toString() {
        return text;
    }

    /** The fields whose values the rule's blocks share. */
    Set<Field> fields() {
        Set<Field> out = EnumSet.noneOf(Field.class);
        for (Part p : parts) {
            out.addAll(List.of(p.fields));
        }
        return out;
    }

    /**
     * Whether the rule compares only pairs in which at least one record lacks a date of birth
     * (part {@code dob_missing}): a fallback for the records the rules on dates cannot reach,
     * without the pairs whose two dates of birth differ (those the other rules already judge).
     */
    boolean onlyWithoutDob() {
        return onlyWithoutDob;
    }

    /** Whether the rule compares records a and b when they share its key. */
    boolean admits(LinkRecords r, int a, int b) {
        return !onlyWithoutDob || r.dob[a] == LinkRecords.NONE || r.dob[b] == LinkRecords.NONE;
    }

    /** The single field the rule is an exact match on (e.g. {@code dob}), or null. */
    Field exactField() {
        if (parts.size() != 1) {
            return null;
        }
        return switch (parts.get(0)) {
            case PNC -> Field.PNC;
            case DOB -> Field.DOB;
            case SURNAME -> Field.SURNAME;
            case POSTCODE -> Field.POSTCODE;
            default -> null;
        };
    }

    /** The record's block key, never 0; 0 when the record lacks a part (it is in no block). */
    long key(LinkRecords r, int i) {
        long h = 0x5DEECE66DL;
        for (Part p : parts) {
            long v;
            switch (p) {
                case PNC -> v = r.pnc[i];
                case DOB -> v = r.dob[i];
                case DOB_SORTED -> {
                    int d = r.dob[i];
                    if (d == LinkRecords.NONE) {
                        return 0;
                    }
                    int mm = d / 100 % 100;
                    int dd = d % 100;
                    v = d / 10000 * 10000 + Math.min(mm, dd) * 100 + Math.max(mm, dd);
                }
                case BIRTH_YEAR -> v = r.dob[i] == LinkRecords.NONE ? LinkRecords.NONE : r.dob[i] / 10000;
                case BIRTH_MONTH_DAY -> v = r.dob[i] == LinkRecords.NONE ? LinkRecords.NONE : r.dob[i] % 10000;
                case SURNAME -> v = r.surname[i];
                case SURNAME_CODE -> v = r.surnameCode(i);
                case SURNAME_INITIAL -> v = r.surname[i] == LinkRecords.NONE ? LinkRecords.NONE : r.surnameInitial(i);
                case FORENAME -> v = r.forename1[i];
                case FORENAME_CODE -> v = r.forenameCode(i);
                case FORENAME_INITIAL -> v = r.forename1[i] == LinkRecords.NONE ? LinkRecords.NONE : r.forenameInitial(i);
                case NAMES_SORTED -> {
                    int s = r.surnameCode(i);
                    int f = r.forenameCode(i);
                    if (s == LinkRecords.NONE || f == LinkRecords.NONE) {
                        return 0;
                    }
                    v = ((long) Math.min(s, f) << 32) | Math.max(s, f);
                }
                case INITIALS_SORTED -> {
                    if (r.surname[i] == LinkRecords.NONE || r.forename1[i] == LinkRecords.NONE) {
                        return 0;
                    }
                    char s = r.surnameInitial(i);
                    char f = r.forenameInitial(i);
                    v = ((long) Math.min(s, f) << 16) | Math.max(s, f);
                }
                case POSTCODE -> v = r.postcode[i];
                case SECTOR -> v = r.sector[i];
                case DISTRICT -> v = r.district[i];
                case GENDER -> v = r.gender[i] == 0 ? LinkRecords.NONE : r.gender[i];
                case DOB_MISSING -> {
                    continue;
                }
                default -> throw new IllegalStateException();
            }
            if (v == LinkRecords.NONE) {
                return 0;
            }
            h = mix(h ^ (v + 31L * p.ordinal()));
        }
        return h == 0 ? 1 : h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
